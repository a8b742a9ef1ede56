import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSchema } from '../accounts/account';
import { type DepositContext, type DepositEvaluation, evaluateDeposit } from '../deposit/evaluate';
import { ChequeLineSchema, DepositSlipSchema } from '../deposit/slip';
import { DEFAULT_RULES } from '../rules-config/config';
import { CLEARING_BANKS, bankName, canonicalBankCode, findBank, resolveBank, searchBanks, unknownBankMessage } from './banks';
import { findPlaza, foldPlaceName, nearestPlazas, resolvePlaza, searchPlazas, unknownPlazaMessage } from './plaza-match';
import { PLAZAS } from './plazas';

/** DIVIPOLA department codes: the first two digits of every municipality's code. */
const DEPARTMENTS: Record<string, string> = {
  '05': 'Antioquia', '08': 'Atlántico', '11': 'Bogotá D.C.', '13': 'Bolívar', '15': 'Boyacá', '17': 'Caldas', '18': 'Caquetá', '19': 'Cauca',
  '20': 'Cesar', '23': 'Córdoba', '25': 'Cundinamarca', '27': 'Chocó', '41': 'Huila', '44': 'La Guajira', '47': 'Magdalena', '50': 'Meta',
  '52': 'Nariño', '54': 'Norte de Santander', '63': 'Quindío', '66': 'Risaralda', '68': 'Santander', '70': 'Sucre', '73': 'Tolima',
  '76': 'Valle del Cauca', '81': 'Arauca', '85': 'Casanare', '86': 'Putumayo', '88': 'San Andrés, Providencia y Santa Catalina', '91': 'Amazonas',
  '94': 'Guainía', '95': 'Guaviare', '97': 'Vaupés', '99': 'Vichada',
};

describe('plazas (DANE codes)', () => {
  it('lists Bogotá D.C. and the capital (xx001) of every department but Cundinamarca, whose capital is Bogotá', () => {
    const capitals = Object.keys(DEPARTMENTS).filter((d) => d !== '25').map((d) => `${d}001`);
    expect(capitals).toHaveLength(32);
    for (const code of capitals) expect(findPlaza(code), code).toBeDefined();
  });
  it('codes are five digits, unique and in their department; no two plazas share a name or alias', () => {
    expect(new Set(PLAZAS.map((p) => p.code)).size).toBe(PLAZAS.length);
    for (const p of PLAZAS) {
      expect(p.code).toMatch(/^\d{5}$/);
      expect(p.department, p.name).toBe(DEPARTMENTS[p.code.slice(0, 2)]);
    }
    const names = PLAZAS.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => `${foldPlaceName(n)}|${p.code}`));
    const byName = new Map<string, string>();
    for (const n of names) {
      const [name = '', code = ''] = n.split('|');
      expect(byName.get(name) ?? code, name).toBe(code);
      byName.set(name, code);
    }
  });

  const plaza = fc.constantFrom(...PLAZAS);
  const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };
  /** The name as a teller may type it: any letter's case, accents dropped or added on any vowel, spaces around. */
  const variant = (name: string) =>
    fc
      .tuple(
        fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: name.length, maxLength: name.length }),
        fc.constantFrom('', ' ', '  '),
        fc.constantFrom('', ' ', '  '),
      )
      .map(([flips, before, after]) => {
        const plain = name.normalize('NFD').replace(/\p{Diacritic}/gu, '');
        const chars = [...plain].map((ch, i) => {
          const [upper, accent] = flips[i] ?? [false, false];
          const lower = ch.toLowerCase();
          const c = accent && ACCENTED[lower] ? (ACCENTED[lower] ?? lower) : lower;
          return upper ? c.toUpperCase() : c;
        });
        return `${before}${chars.join('')}${after}`;
      });

  it('property: any accent/case variant of a listed plaza’s name resolves to that plaza, and to its code', () => {
    fc.assert(
      fc.property(
        plaza.chain((p) => variant(p.name).map((typed) => ({ p, typed }))),
        ({ p, typed }) => {
          expect(resolvePlaza(typed)?.code).toBe(p.code);
          expect(ChequeLineSchema.shape.city.parse(typed)).toBe(p.code);
        },
      ),
    );
  });
  it('property: the first letters of a plaza’s name, however accented or cased, list that plaza', () => {
    fc.assert(
      fc.property(
        plaza.chain((p) => fc.integer({ min: 1, max: p.name.length }).chain((n) => variant(p.name.slice(0, n)).map((typed) => ({ p, typed })))),
        ({ p, typed }) => {
          fc.pre(typed.trim() !== '');
          expect(searchPlazas(typed, PLAZAS.length).map((x) => x.code)).toContain(p.code);
        },
      ),
    );
  });
  it('typing filters best first: "bogota" → Bogotá D.C., "medellin" → Medellín, "cart" → Cartagena de Indias and Cartago', () => {
    expect(searchPlazas('bogota')[0]?.code).toBe('11001');
    expect(searchPlazas('medellin')[0]?.code).toBe('05001');
    expect(searchPlazas('cart').map((p) => p.name)).toEqual(['Cartagena de Indias', 'Cartago']);
    // Own names before former ones: Enter takes the first, and "santa" is not Bogotá ("Santafé de Bogotá").
    expect(searchPlazas('santa')[0]?.name).toBe('Santa Marta');
    expect(searchPlazas('santa').map((p) => p.name)).toContain('Bogotá D.C.');
    expect(searchPlazas('santafe')[0]?.name).toBe('Bogotá D.C.');
    expect(searchPlazas('santa fe de')[0]?.code).toBe('11001');
    expect(searchPlazas('05')[0]?.code).toBe('05001');
  });
  it('a misspelt plaza is no plaza: the message names the nearest ones; nonsense names none', () => {
    expect(resolvePlaza('Bogta')).toBeUndefined();
    expect(nearestPlazas('Bogta').map((p) => p.name)).toContain('Bogotá D.C.');
    expect(nearestPlazas('Medelin').map((p) => p.name)).toEqual(['Medellín']);
    expect(unknownPlazaMessage('Bogta')).toBe('La plaza "Bogta" no está en la lista de ciudades con canje. ¿Quiso decir Bogotá D.C.? Escriba las primeras letras de la ciudad y elíjala de la lista con Enter.');
    expect(resolvePlaza('xyz')).toBeUndefined();
    expect(nearestPlazas('xyz')).toEqual([]);
    expect(unknownPlazaMessage('xyz')).not.toContain('Quiso decir');
  });
});

describe('clearing banks (compensation codes)', () => {
  it('codes are three digits and unique; names unique', () => {
    expect(new Set(CLEARING_BANKS.map((b) => b.code)).size).toBe(CLEARING_BANKS.length);
    expect(new Set(CLEARING_BANKS.map((b) => b.name)).size).toBe(CLEARING_BANKS.length);
    for (const b of CLEARING_BANKS) expect(b.code).toMatch(/^\d{3}$/);
    expect(bankName('001')).toBe('Banco de Bogotá');
    expect(bankName('002')).toBe('Banco Popular');
    expect(bankName('007')).toBe('Bancolombia');
  });
  it('property: a listed code typed with or without leading zeros is that bank', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLEARING_BANKS), fc.integer({ min: 0, max: 3 }), (b, zeros) => {
        const typed = '0'.repeat(zeros) + String(Number(b.code));
        fc.pre(typed.length <= 4);
        expect(canonicalBankCode(typed)).toBe(b.code);
        expect(findBank(typed)).toBe(b);
      }),
    );
  });
  it('typing a code or a name finds the bank; an unknown code says so and what to type', () => {
    expect(searchBanks('7')[0]?.code).toBe('007');
    expect(searchBanks('colpa')[0]?.code).toBe('019');
    expect(searchBanks('bancol')[0]?.code).toBe('007');
    expect(findBank('999')).toBeUndefined();
    expect(unknownBankMessage('999', 2)).toBe('Cheque de la fila 2: el código de banco 999 no está en la lista de bancos de canje. Escriba el código de compensación de 3 dígitos impreso en el cheque (p. ej. 007 Bancolombia).');
    expect(unknownBankMessage('Bancolombia', 1)).toBe('Cheque de la fila 1: "Bancolombia" no es un código de banco de canje. ¿Quiso decir 007 Bancolombia?');
  });
});

describe('a code typed halfway names no bank (Tab out of "0" took 001)', () => {
  /** Every bank, and every way of starting to type its code: as printed ("0", "01", "012") or without zeros ("1", "12"). */
  const typingToward = fc.constantFrom(...CLEARING_BANKS).chain((b) =>
    fc.tuple(fc.constant(b), fc.constantFrom(b.code, String(Number(b.code)))).chain(([bank, written]) =>
      fc.integer({ min: 1, max: written.length }).map((n) => ({ bank, typed: written.slice(0, n) })),
    ),
  );
  it('property: on the way to a bank’s code, what is typed names that bank or none, never another', () => {
    fc.assert(
      fc.property(typingToward, ({ bank, typed }) => {
        const named = resolveBank(typed);
        if (named) expect(named.code).toBe(bank.code);
      }),
    );
  });
  it('property: every code as printed names its bank, and resolveBank never disagrees with findBank', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLEARING_BANKS), fc.stringMatching(/^\d{1,4}$/), (b, typed) => {
        expect(resolveBank(b.code)).toBe(b);
        const named = resolveBank(typed);
        if (named) expect(findBank(typed)).toBe(named);
      }),
    );
  });
  it('"7", "07", "13" and "51" are one bank each; "0", "00", "01", "1" and "6" are several, and the message says which', () => {
    expect(['7', '07', '007', '13', '51', '9', '001'].map((t) => resolveBank(t)?.code)).toEqual(['007', '007', '007', '013', '051', '009', '001']);
    for (const t of ['0', '00', '01', '1', '6', '06', '2', 'bancolombia', '']) expect(resolveBank(t), t).toBeUndefined();
    expect(unknownBankMessage('1', 1)).toBe(
      'Cheque de la fila 1: el código 1 puede ser 001 Banco de Bogotá, 012 Banco GNB Sudameris, 013 BBVA Colombia o 019 Scotiabank Colpatria. Escriba el código completo de 3 dígitos impreso en el cheque o elija el banco de la lista con ↓ y Enter.',
    );
    expect(unknownBankMessage('0', 2)).toMatch(/^Cheque de la fila 2: el código 0 puede ser 001 Banco de Bogotá, 002 Banco Popular, 006 Banco Itaú, 007 Bancolombia u otro de 19 bancos\./);
    // Typed as printed, "001" lists only Banco de Bogotá (it listed 012, 013 and 019 through "1").
    expect(searchBanks('001').map((x) => x.code)).toEqual(['001']);
  });
  it('the core refuses a code that may be several banks, as the field does; one typed in full goes through', () => {
    expect(ChequeLineSchema.shape.bank.parse('1')).toBe('1');
    expect(ChequeLineSchema.shape.bank.parse(' 07 ')).toBe('007');
  });
  it('the first letters of several plazas are refused naming them; of one plaza, naming it', () => {
    expect(resolvePlaza('santa')).toBeUndefined();
    expect(unknownPlazaMessage('santa')).toMatch(/^La plaza "santa" puede ser Santa Marta, .+ u otra de \d+ ciudades\. Escriba más letras o elija la ciudad de la lista con ↓ y Enter\.$/);
    expect(unknownPlazaMessage('cart')).toBe('La plaza "cart" puede ser Cartagena de Indias o Cartago. Escriba más letras o elija la ciudad de la lista con ↓ y Enter.');
    expect(unknownPlazaMessage('medel')).toContain('¿Quiso decir Medellín?');
  });
});

describe('deposit routing by plaza code (seed 003 cl. 3.9)', () => {
  const account = AccountSchema.parse({
    number: '123456781234', kind: 'individual', owner: 'natural', holders: [{ id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' }], state: 'activa',
    balances: { available: 100_000, inCanje: 0, onHold: 0 }, lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Bogotá D.C.',
  });
  const ctx = (officeCity = 'Bogotá D.C.'): DepositContext => ({ account, officeCity, on: '2025-06-27', cashDepositedTodayToAccount: 0, customerMonthCashBefore: 0, recentCashDeposits: [] });
  const evaluate = (cheques: { bank: string; city: string; number?: string }[], officeCity?: string): DepositEvaluation =>
    evaluateDeposit(
      DepositSlipSchema.parse({
        accountNumber: account.number, depositor: { id: { type: 'CC', number: '1020304050' } }, declaredTotal: 100_000 * cheques.length,
        cheques: cheques.map((c, i) => ({ bank: c.bank, number: c.number ?? String(i + 1), drawerAccount: '99887766', amount: 100_000, city: c.city })),
      }),
      ctx(officeCity),
      DEFAULT_RULES,
    );
  const routes = (e: DepositEvaluation) => (e.ok ? e.plan.holds.map((h) => h.route) : e.errors.map((x) => x.code));

  it('the office’s plaza by code or any spelling of its name is canje; another listed plaza is remesa', () => {
    expect(routes(evaluate([{ bank: '007', city: '11001' }, { bank: '7', city: 'bogota' }, { bank: '13', city: 'MEDELLIN' }, { bank: '051', city: '05001' }]))).toEqual(['canje', 'canje', 'remesa', 'remesa']);
    expect(routes(evaluate([{ bank: '007', city: 'Medellín' }], '05001'))).toEqual(['canje']);
  });
  it('a misspelt or unknown plaza is refused with the nearest plazas, never charged as another city', () => {
    const e = evaluate([{ bank: '007', city: 'Bogta' }, { bank: '007', city: 'xyz' }]);
    expect(routes(e)).toEqual(['CHEQUE_PLAZA_UNKNOWN', 'CHEQUE_PLAZA_UNKNOWN']);
    expect(!e.ok && e.errors[0]?.message).toBe(`Cheque de la fila 1: ${unknownPlazaMessage('Bogta')}`);
    expect(!e.ok && e.errors[0]?.message).toContain('¿Quiso decir Bogotá D.C.?');
    expect(routes(evaluate([{ bank: '007', city: '99999' }]))).toEqual(['CHEQUE_PLAZA_UNKNOWN']);
  });
  it('an unlisted bank code is refused; the same cheque written "7" and "007" is one cheque twice', () => {
    expect(routes(evaluate([{ bank: '999', city: '11001' }]))).toEqual(['CHEQUE_BANK_UNKNOWN']);
    const halfway = evaluate([{ bank: '1', city: '11001' }]);
    expect(routes(halfway)).toEqual(['CHEQUE_BANK_UNKNOWN']);
    expect(!halfway.ok && halfway.errors[0]?.message).toBe(unknownBankMessage('1', 1));
    expect(routes(evaluate([{ bank: '7', city: '11001', number: '55' }, { bank: '007', city: '11001', number: '55' }]))).toEqual(['CHEQUE_DUPLICATED']);
  });
  it('an office whose city is not a listed plaza takes no cheques (configuration error), and says so', () => {
    expect(routes(evaluate([{ bank: '007', city: '11001' }], 'Gotham'))).toEqual(['OFFICE_PLAZA_UNKNOWN']);
  });
});
