import type { DocumentType } from '../identity/document';

/**
 * A cheque de gerencia to a third party (seed 003, cl. 4 parágrafo) names its beneficiary by name and document. A
 * company (persona jurídica) is identified by its NIT (GLOSSARY "Titular": a persona jurídica needs NIT/RUT); a
 * person by a cédula, a passport and the like. A company's name with a personal document, or a plainly personal
 * name with a NIT, is most often a slip of the document-type list: the teller is warned at the field and may
 * confirm it — a natural person may hold a NIT whose base is their cédula (domain-co.md §6), a foreign company's
 * papers may differ — so it is never a block.
 */
export type BeneficiaryDocumentWarning =
  | { code: 'COMPANY_WITHOUT_NIT'; form: string; message: string }
  | { code: 'PERSON_WITH_NIT'; message: string };

/** Legal forms of Colombian companies and entities, as written after the name, in the normalized spelling below. */
const LEGAL_FORMS: readonly { form: string; spellings: readonly string[] }[] = [
  { form: 'S.A.S.', spellings: ['S A S', 'SAS'] },
  { form: 'S. en C.', spellings: ['S EN C', 'S EN C S', 'S EN C A', 'SCS', 'S C S', 'SCA', 'S C A'] },
  { form: 'S.A.', spellings: ['S A', 'SA'] },
  { form: 'Ltda.', spellings: ['LTDA', 'LIMITADA'] },
  { form: 'E.U.', spellings: ['E U', 'EU'] },
  { form: 'E.S.P.', spellings: ['E S P', 'ESP'] },
  { form: 'y Cía.', spellings: ['CIA', '& CIA'] },
  { form: 'sociedad', spellings: ['SOCIEDAD'] },
  { form: 'corporación', spellings: ['CORPORACION'] },
  { form: 'fundación', spellings: ['FUNDACION'] },
  { form: 'asociación', spellings: ['ASOCIACION'] },
  { form: 'cooperativa', spellings: ['COOPERATIVA'] },
];

/**
 * Words that name an organization without a legal form ("ALMACENES ÉXITO", "MUNICIPIO DE CHÍA"): such a name is
 * not plainly a person's, so a NIT with it is not questioned.
 */
const ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  'ALMACEN', 'ALMACENES', 'ALCALDIA', 'BANCO', 'CLINICA', 'COLEGIO', 'COMERCIALIZADORA', 'COMPANIA', 'CONSORCIO', 'CONSTRUCTORA',
  'DEPARTAMENTO', 'DISTRIBUIDORA', 'DROGUERIA', 'EMPRESA', 'EMPRESAS', 'FERRETERIA', 'GOBERNACION', 'GRUPO', 'HOSPITAL', 'HOTEL',
  'INDUSTRIAS', 'INSTITUTO', 'INVERSIONES', 'JUNTA', 'MUNICIPIO', 'PARROQUIA', 'RESTAURANTE', 'SERVICIOS', 'SUPERMERCADO',
  'TALLER', 'TEMPORAL', 'TRANSPORTES', 'UNION', 'UNIVERSIDAD',
]);

/** Capitals without accents, dots and commas as spaces, single spaces: "Ferretería S. en C." → "FERRETERIA S EN C". */
export const normalizeForForm = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[.,]/g, ' ')
    .replace(/&/g, ' & ')
    .replace(/\s+/g, ' ')
    .trim();

/** The legal form a beneficiary's name carries as whole words (e.g. "S.A.S."), or null. */
export const companyFormOf = (name: string): string | null => {
  const n = ` ${normalizeForForm(name)} `;
  for (const { form, spellings } of LEGAL_FORMS) if (spellings.some((s) => n.includes(` ${s} `))) return form;
  return null;
};

/** Two to five words of letters only, none of them an organization's: how people's names are written. */
const plainlyPersonal = (name: string): boolean => {
  const words = normalizeForForm(name).split(' ').filter((w) => w !== '');
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^[A-Z]+$/.test(w) && !ORGANIZATION_WORDS.has(w));
};

/** The soft warning for a cheque's beneficiary, or null when name and document type agree (or nothing is typed yet). */
export const beneficiaryDocumentWarning = (name: string, type: DocumentType): BeneficiaryDocumentWarning | null => {
  if (normalizeForForm(name) === '') return null;
  const form = companyFormOf(name);
  if (form !== null) {
    return type === 'NIT'
      ? null
      : {
          code: 'COMPANY_WITHOUT_NIT',
          form,
          message: `El beneficiario parece una empresa (${form}) y el documento no es un NIT: a una empresa el cheque se gira con su NIT. Revise el tipo de documento o confirme que es correcto.`,
        };
  }
  if (type === 'NIT' && plainlyPersonal(name)) {
    return {
      code: 'PERSON_WITH_NIT',
      message: 'El beneficiario parece una persona y el documento es un NIT: a una persona el cheque se gira con su cédula. Revise el tipo de documento o confirme que la persona se identifica con NIT.',
    };
  }
  return null;
};
