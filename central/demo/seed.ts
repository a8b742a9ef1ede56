import type { Account, Customer, PersonRef } from '../../domain/central-api';
import { addDays, addMonths } from '../../domain/calendar/iso-date';
import { DEMO_CITIZENS } from '../../domain/devices/demo-citizens';
import { bogotaDay, getCustomer, putAccount, putCustomer } from '../accounts/ledger';
import type { WorkstationToken } from '../http/auth';
import type { Sql } from '../store/db';
import type { DenominationCount } from '../../domain/money/denominations';
import { seedVault } from '../vault/vault';

/**
 * Demo data for `--demo`: branch 001 "Bogotá Centro", its workstations with known dev tokens, the demo
 * citizens as customers with registered cellphones, and accounts covering every kind and state a teller
 * meets. Fictitious people and numbers only.
 */
export const DEMO_BRANCH = { code: '001', name: 'Bogotá Centro', city: 'Bogotá D.C.' } as const;
export const DEMO_WORKSTATIONS = ['001-01', '001-02', '001-03', '001-04'] as const;
/** The demo branch's vault stock (bóveda, kept at central), seeded into a branch that has no vault yet. */
export const DEMO_VAULT: DenominationCount = { '100000': 800, '50000': 1200, '20000': 1500, '10000': 1500, '5000': 1000, '2000': 1000, '1000': 2000, '500': 2000, '200': 2000, '100': 2000, '50': 1000 };
export const demoToken = (workstation: string): string => `caja-demo-token-${workstation}`;
export const DEMO_TOKENS: readonly WorkstationToken[] = DEMO_WORKSTATIONS.map((w) => ({ workstation: w, branch: '001', token: demoToken(w) }));

/** Registered cellphones of the demo citizens, by document number. */
export const DEMO_CELLPHONES: Readonly<Record<string, string>> = {
  '900000001': '3001234501',
  '900000002': '3101234502',
  '900000003': '3151234503',
  // The SMS demo gateway never delivers to this one: radications for Andrés end `vencido`.
  '900000004': '3201234504',
  '900000005': '3501234505',
};
/** Registered e-mails and postal addresses of the demo citizens (canonical forms, domain/identity/contact.ts). */
export const DEMO_EMAILS: Readonly<Record<string, string>> = {
  '900000001': 'maria.gomez@correo.com.co',
  '900000002': 'juan.perez@correo.com.co',
  '900000003': 'luz.martinez@correo.com.co',
  '900000005': 'rosa.castro@correo.com.co',
};
export const DEMO_ADDRESSES: Readonly<Record<string, string>> = {
  '900000001': 'CALLE 45 13 22 APTO 301',
  '900000002': 'CARRERA 7 72 41',
  '900000003': 'AVENIDA 68 22 15',
  '900000004': 'CALLE 80 30 12',
};
export const DEMO_UNREACHABLE_CELLPHONES = ['3201234504'] as const;

const COMPANY: Customer = {
  documentType: 'NIT',
  documentNumber: '900123456-8',
  name: 'FERRETERÍA EL TORNILLO S.A.S.',
  owner: 'juridica',
  cellphone: '3157654321',
  email: 'gerencia@eltornillo.com.co',
  address: 'CARRERA 30 10 25',
  city: 'Bogotá D.C.',
};
/** Authorized person on the company account; not a holder. */
const AUTHORIZED: Customer = {
  documentType: 'CE',
  documentNumber: '1234567',
  name: 'CARLOS ALBERTO DÍAZ RAMOS',
  owner: 'natural',
  cellphone: '3009876543',
  email: null,
  address: null,
  city: 'Bogotá D.C.',
};

const fullName = (c: (typeof DEMO_CITIZENS)[number]): string => `${c.names} ${c.firstSurname} ${c.secondSurname}`;

export const demoCustomers = (): Customer[] => [
  ...DEMO_CITIZENS.map(
    (c): Customer => ({
      documentType: c.documentType,
      documentNumber: c.documentNumber,
      name: fullName(c),
      owner: 'natural',
      cellphone: DEMO_CELLPHONES[c.documentNumber] ?? null,
      email: DEMO_EMAILS[c.documentNumber] ?? null,
      address: DEMO_ADDRESSES[c.documentNumber] ?? null,
      city: 'Bogotá D.C.',
    }),
  ),
  COMPANY,
  AUTHORIZED,
];

const ref = (c: Customer): PersonRef => ({ documentType: c.documentType, documentNumber: c.documentNumber, name: c.name });

/**
 * `today` is the seeding clock's business date: every date is relative to it, so the demo reads the same on
 * any day. Active accounts moved nine days ago (well inside the six months of seed 003 cl. 7.1); only
 * 240000000052 (a person's) and 240000000136 (a company's) have gone without customer movement for longer than
 * that and are `inactiva`. 240000000060 carries
 * a child-support order (CGP art. 594 num. 2): no inembargable amount protects it, so the customer may take
 * only what exceeds the embargo, at the branch and at central alike (domain/withdrawal/embargo.ts).
 */
export const demoAccounts = (today: string): Account[] => {
  const [maria, juan, luz, andres, rosa] = demoCustomers();
  if (!maria || !juan || !luz || !andres || !rosa) throw new Error('demo citizens missing');
  const base = {
    product: 'ahorros' as const,
    authorized: [] as PersonRef[],
    gmfExempt: false,
    embargoAmount: 0,
    embargo: null,
    legalRepresentatives: [] as PersonRef[],
    openedOn: addMonths(today, -65),
    lastCustomerMovementOn: addDays(today, -9) as string | null,
    reactivatedOn: null,
    city: 'Bogotá D.C.',
    branch: DEMO_BRANCH.code,
    owner: 'natural' as const,
  };
  const bal = (available: number, inCanje = 0) => ({ available, inCanje, onHold: 0 });
  return [
    { ...base, number: '240000000011', kind: 'individual', holders: [ref(maria)], state: 'activa', gmfExempt: true, balances: bal(2_500_000), registeredCellphone: maria.cellphone },
    { ...base, number: '240000000029', kind: 'individual', holders: [ref(juan)], state: 'activa', balances: bal(15_800_000), registeredCellphone: juan.cellphone },
    { ...base, number: '240000000037', kind: 'colectiva', holders: [ref(maria), ref(luz)], state: 'activa', balances: bal(4_200_000), registeredCellphone: maria.cellphone },
    { ...base, number: '240000000045', kind: 'conjunta', holders: [ref(juan), ref(rosa)], state: 'activa', balances: bal(9_000_000), registeredCellphone: juan.cellphone },
    { ...base, number: '240000000052', kind: 'individual', holders: [ref(andres)], state: 'inactiva', openedOn: addMonths(today, -110), lastCustomerMovementOn: addMonths(today, -14), balances: bal(350_000), registeredCellphone: andres.cellphone },
    { ...base, number: '240000000060', kind: 'individual', holders: [ref(luz)], state: 'embargada', embargoAmount: 1_800_000, embargo: { alimentos: true, authority: 'Juzgado 12 de Familia de Bogotá', reference: 'OFICIO 2024-0456' }, balances: bal(3_000_000), registeredCellphone: luz.cellphone },
    { ...base, number: '240000000078', kind: 'individual', owner: 'juridica', holders: [ref(COMPANY)], authorized: [ref(AUTHORIZED)], legalRepresentatives: [ref(AUTHORIZED)], state: 'activa', balances: bal(48_000_000), registeredCellphone: COMPANY.cellphone },
    { ...base, number: '240000000086', kind: 'individual', holders: [ref(rosa)], state: 'activa', balances: bal(600_000, 1_200_000), registeredCellphone: rosa.cellphone },
    { ...base, number: '240000000094', kind: 'individual', holders: [ref(juan)], state: 'bloqueada', balances: bal(120_000), registeredCellphone: juan.cellphone },
    // A natural person's account with authorized persons who withdraw in the holder's absence (cl. 4.1), under the
    // conditions Andrés registered (cl. 2.1, 3.5): Rosa, cash to herself up to $ 500.000 a withdrawal and $ 800.000 a
    // day for a year (a second withdrawal the same day may be refused though within the first maximum); Luz, whose
    // authorization lapsed ten days ago (the screen shows both; the core refuses Luz).
    {
      ...base,
      number: '240000000128',
      kind: 'individual',
      holders: [ref(andres)],
      authorized: [
        { ...ref(rosa), validUntil: addMonths(today, 12), maxPerWithdrawal: 500_000, maxPerDay: 800_000, payouts: 'efectivo' },
        { ...ref(luz), validUntil: addDays(today, -10) },
      ],
      state: 'activa',
      balances: bal(1_500_000),
      registeredCellphone: andres.cellphone,
    },
    // The company's second account, without customer movement for eight months: its legal representative
    // reactivates it in person or by a written authorization someone else brings (cl. 7.1, Reactivación de cuenta).
    { ...base, number: '240000000136', kind: 'individual', owner: 'juridica', holders: [ref(COMPANY)], legalRepresentatives: [ref(AUTHORIZED)], state: 'inactiva', lastCustomerMovementOn: addMonths(today, -8), balances: bal(5_000_000), registeredCellphone: COMPANY.cellphone },
  ];
};

/** Seeds once: a database that already has accounts is left as it is (restarts keep their state). */
export const seedDemo = (sql: Sql, nowMs: number): boolean =>
  sql.tx(() => {
    // The vault also into a database seeded before central kept it (it was per workstation).
    seedVault(sql, DEMO_BRANCH.code, DEMO_VAULT, nowMs);
    if (sql.get('SELECT 1 AS x FROM accounts LIMIT 1')) return false;
    for (const c of demoCustomers()) if (!getCustomer(sql, c.documentType, c.documentNumber)) putCustomer(sql, c);
    for (const a of demoAccounts(bogotaDay(nowMs))) putAccount(sql, a);
    return true;
  });
