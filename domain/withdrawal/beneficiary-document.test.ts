import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../identity/document';
import { beneficiaryDocumentWarning, companyFormOf } from './beneficiary-document';

/**
 * The cheque de gerencia's beneficiary (seed 003, cl. 4 parágrafo): a company is named with its NIT (GLOSSARY
 * "Titular", persona jurídica), a person with a personal document; a natural person may hold a NIT (domain-co.md
 * §6: base = cédula), so a mismatch is a soft warning, never a block.
 */
describe('beneficiary name against document type', () => {
  const cases: [name: string, type: DocumentType, expected: 'COMPANY_WITHOUT_NIT' | 'PERSON_WITH_NIT' | null, form?: string][] = [
    // Companies by their legal form, however it is spelled, with a personal document: warned.
    ['Ferretería El Tornillo S.A.S.', 'CC', 'COMPANY_WITHOUT_NIT', 'S.A.S.'],
    ['FERRETERIA EL TORNILLO SAS', 'CC', 'COMPANY_WITHOUT_NIT', 'S.A.S.'],
    ['Ferretería El Tornillo S. A. S.', 'CE', 'COMPANY_WITHOUT_NIT', 'S.A.S.'],
    ['Constructora Andina S.A.', 'CC', 'COMPANY_WITHOUT_NIT', 'S.A.'],
    ['Constructora Andina SA', 'PA', 'COMPANY_WITHOUT_NIT', 'S.A.'],
    ['Distribuciones Ruiz Ltda.', 'CC', 'COMPANY_WITHOUT_NIT', 'Ltda.'],
    ['Distribuciones Ruiz Limitada', 'TI', 'COMPANY_WITHOUT_NIT', 'Ltda.'],
    ['Panadería La Espiga E.U.', 'CC', 'COMPANY_WITHOUT_NIT', 'E.U.'],
    ['Gómez Hermanos S. en C.', 'CC', 'COMPANY_WITHOUT_NIT', 'S. en C.'],
    ['Gómez Hermanos S en C S', 'PPT', 'COMPANY_WITHOUT_NIT', 'S. en C.'],
    ['Pérez & Cía.', 'CC', 'COMPANY_WITHOUT_NIT', 'y Cía.'],
    ['Acueducto Veredal E.S.P.', 'CC', 'COMPANY_WITHOUT_NIT', 'E.S.P.'],
    ['Fundación Manos Unidas', 'CC', 'COMPANY_WITHOUT_NIT', 'fundación'],
    ['Cooperativa Multiactiva del Huila', 'CC', 'COMPANY_WITHOUT_NIT', 'cooperativa'],
    // The same companies with their NIT: nothing to say.
    ['Ferretería El Tornillo S.A.S.', 'NIT', null],
    ['Distribuciones Ruiz Ltda.', 'NIT', null],
    ['Gómez Hermanos S. en C.', 'NIT', null],
    // People with a personal document: nothing to say, even when letters of a form sit inside a word or an initial.
    ['Pedro Pérez', 'CC', null],
    ['Sasha Ltdanova', 'CC', null],
    ['José S. Arias', 'CC', null],
    ['María Eugenia Salas', 'CE', null],
    ['Esperanza Sánchez', 'PA', null],
    // A plainly personal name with a NIT: warned (it may be right: a person who trades has one).
    ['Pedro Pérez', 'NIT', 'PERSON_WITH_NIT'],
    ['María Eugenia Salas Rodríguez', 'NIT', 'PERSON_WITH_NIT'],
    // An organization without a legal form, or a name with digits, is not plainly a person's: a NIT is not questioned.
    ['Almacenes Éxito', 'NIT', null],
    ['Municipio de Chía', 'NIT', null],
    ['Unión Temporal Vías 2026', 'NIT', null],
    ['Pedro', 'NIT', null],
    // Nothing typed yet.
    ['', 'CC', null],
    ['   ', 'NIT', null],
  ];
  it.each(cases)('%s with %s → %s', (name, type, expected, form) => {
    const w = beneficiaryDocumentWarning(name, type);
    expect(w?.code ?? null).toBe(expected);
    if (form !== undefined) expect(companyFormOf(name)).toBe(form);
    if (w) expect(w.message).toMatch(/confirme/);
  });

  it('names the form it saw, so the teller knows why', () => {
    expect(beneficiaryDocumentWarning('Inversiones XYZ S.A.S.', 'CC')?.message).toBe(
      'El beneficiario parece una empresa (S.A.S.) y el documento no es un NIT: a una empresa el cheque se gira con su NIT. Revise el tipo de documento o confirme que es correcto.',
    );
  });
});
