import { foldPlaceName } from './plaza-match';

/**
 * Banks whose cheques the bank clears (canje through Banco de la República's CEDEC, domain-co §5), by their
 * compensation code: the Superintendencia Financiera entity number of the establecimiento bancario, three digits,
 * the same numbers ACH Colombia uses after its leading 1 (Bancolombia 007 / ACH 1007; Coopcentral 066 as in
 * domain-co §5). Codes checked against public ACH bank lists. [U] Which banks still issue cheques and clear in
 * CEDEC is for the canje area to confirm; banks without cheques (second-tier, microfinance, digital) are left out.
 */
export interface ClearingBank {
  readonly code: string;
  readonly name: string;
  /** Other names tellers type: former names, the brand on the cheque. */
  readonly aliases?: readonly string[];
}

const b = (code: string, name: string, ...aliases: string[]): ClearingBank => (aliases.length > 0 ? { code, name, aliases } : { code, name });

export const CLEARING_BANKS: readonly ClearingBank[] = [
  b('001', 'Banco de Bogotá'),
  b('002', 'Banco Popular'),
  b('006', 'Banco Itaú', 'Itau', 'Corpbanca', 'Helm Bank'),
  b('007', 'Bancolombia'),
  b('009', 'Citibank'),
  b('012', 'Banco GNB Sudameris', 'Sudameris'),
  b('013', 'BBVA Colombia', 'BBVA'),
  b('019', 'Scotiabank Colpatria', 'Colpatria'),
  b('023', 'Banco de Occidente', 'Occidente'),
  b('032', 'Banco Caja Social', 'BCSC', 'Caja Social'),
  b('040', 'Banco Agrario de Colombia', 'Banco Agrario'),
  b('051', 'Davivienda', 'Banco Davivienda'),
  b('052', 'Banco AV Villas', 'AV Villas'),
  b('060', 'Banco Pichincha', 'Pichincha'),
  b('061', 'Bancoomeva'),
  b('062', 'Banco Falabella', 'Falabella'),
  b('063', 'Banco Finandina', 'Finandina'),
  b('066', 'Banco Cooperativo Coopcentral', 'Coopcentral'),
  b('069', 'Banco Serfinanza', 'Serfinanza'),
];

/** A code typed with or without leading zeros ("7", "07", "007") is the same bank: three digits. */
export const canonicalBankCode = (typed: string): string => {
  const t = typed.trim();
  return /^\d{1,4}$/.test(t) ? String(Number(t)).padStart(3, '0') : t;
};

export const findBank = (typed: string): ClearingBank | undefined => {
  const code = canonicalBankCode(typed);
  return CLEARING_BANKS.find((x) => x.code === code);
};

/** The bank's name where it is known, for receipts and lists; the code as written otherwise. */
export const bankName = (code: string): string => findBank(code)?.name ?? code;

/** Banks a teller may mean while typing a code ("7" → 007) or a name ("colp" → Scotiabank Colpatria). */
export const searchBanks = (typed: string, limit = 8): ClearingBank[] => {
  const t = typed.trim();
  if (t === '') return [];
  if (/^\d+$/.test(t)) {
    const exact = findBank(t);
    // "01" is the start of 012, 013 and 019 as printed; "1" also of 12, 13 and 19 written without their zero.
    const rest = CLEARING_BANKS.filter((x) => x !== exact && (x.code.startsWith(t) || (!t.startsWith('0') && String(Number(x.code)).startsWith(t))));
    return [...(exact ? [exact] : []), ...rest].slice(0, limit);
  }
  const q = foldPlaceName(t);
  const names = (x: ClearingBank) => [x.name, ...(x.aliases ?? [])].map(foldPlaceName);
  const starts = CLEARING_BANKS.filter((x) => names(x).some((n) => n.startsWith(q) || n.split(' ').some((w) => w.startsWith(q))));
  const contains = CLEARING_BANKS.filter((x) => !starts.includes(x) && names(x).some((n) => n.includes(q)));
  return [...starts, ...contains].slice(0, limit);
};

/**
 * The bank a typed code names without doubt: a listed code that is no other listed code's start ("7" and "07" are
 * 007, "001" is 001; "1" and "01" may be 001, 012, 013 or 019, and "0" any bank, so they name none). A code typed
 * halfway is refused, never taken for the first bank that starts with it.
 */
export const resolveBank = (typed: string): ClearingBank | undefined => {
  const t = typed.trim();
  if (!/^\d{1,4}$/.test(t)) return undefined;
  const bank = findBank(t);
  return bank && searchBanks(t, CLEARING_BANKS.length).length === 1 ? bank : undefined;
};

const spanishOr = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} o ${items.at(-1) ?? ''}`);

/** What the teller reads when the code is not a listed bank: the banks the text may mean, and what to type. */
export const unknownBankMessage = (typed: string, row: number): string => {
  const t = typed.trim();
  const candidates = /^\d{1,4}$/.test(t) ? searchBanks(t, CLEARING_BANKS.length) : [];
  if (candidates.length > 1) {
    const named = candidates.slice(0, 4).map((x) => `${x.code} ${x.name}`);
    const which = candidates.length > 4 ? `${named.join(', ')} u otro de ${candidates.length} bancos` : spanishOr(named);
    return `Cheque de la fila ${row}: el código ${t} puede ser ${which}. Escriba el código completo de 3 dígitos impreso en el cheque o elija el banco de la lista con ↓ y Enter.`;
  }
  const near = searchBanks(typed, 3).map((x) => `${x.code} ${x.name}`);
  const what = /^\d{1,4}$/.test(typed.trim()) ? `el código de banco ${typed.trim()} no está en la lista de bancos de canje` : `"${typed.trim()}" no es un código de banco de canje`;
  const hint = near.length > 0 ? ` ¿Quiso decir ${near.join(', ')}?` : ' Escriba el código de compensación de 3 dígitos impreso en el cheque (p. ej. 007 Bancolombia).';
  return `Cheque de la fila ${row}: ${what}.${hint}`;
};
