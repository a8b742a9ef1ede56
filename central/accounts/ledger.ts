import type { Account, Customer, DocumentType } from '../../domain/central-api';
import { toDomainAccount } from '../../domain/central-api/to-domain-account';
import { DEFAULT_RULES, type RulesConfig } from '../../domain/rules-config/config';
import { SAME_ACCOUNT_MESSAGE } from '../../domain/transfer/evaluate';
import { type Withdrawable, chargeableBalance, protectionUsedElsewhere, withdrawableBalance } from '../../domain/withdrawal/embargo';
import type { Sql } from '../store/db';

/**
 * Central's accounts and customers: the system of record for balances. Every change bumps the entity's
 * reference version so branches pick it up through `GET /v1/reference`.
 */
type StaticData = Omit<Account, 'number' | 'balances'>;
interface AccountRow {
  number: string;
  data: string;
  available: number;
  in_canje: number;
  on_hold: number;
  pending_charges: number;
  embargo_retained: number | null;
}
interface CustomerRow {
  document_type: DocumentType;
  document_number: string;
  name: string;
  owner: 'natural' | 'juridica';
  cellphone: string | null;
  email: string | null;
  address: string | null;
  city: string;
}

export const customerId = (documentType: string, documentNumber: string): string => `${documentType}:${documentNumber}`;

export const bumpVersion = (sql: Sql, entity: 'account' | 'customer', id: string): number => {
  const version = sql.next('ref_version');
  sql.run(
    'INSERT INTO ref_versions (entity, entity_id, version) VALUES (?, ?, ?) ON CONFLICT(entity, entity_id) DO UPDATE SET version = excluded.version',
    entity,
    id,
    version,
  );
  return version;
};

const toAccount = (row: AccountRow): Account => ({
  number: row.number,
  ...(JSON.parse(row.data) as StaticData),
  // Published only when owed (kept), so accounts without a pending charge (an embargo) read as they always did.
  balances: {
    available: row.available,
    inCanje: row.in_canje,
    onHold: row.on_hold,
    ...(row.pending_charges > 0 ? { pendingCharges: row.pending_charges } : {}),
    ...(row.embargo_retained !== null ? { embargoRetained: row.embargo_retained } : {}),
  },
});

const toCustomer = (row: CustomerRow): Customer => ({
  documentType: row.document_type,
  documentNumber: row.document_number,
  name: row.name,
  owner: row.owner,
  cellphone: row.cellphone,
  email: row.email,
  address: row.address,
  city: row.city,
});

export const getAccount = (sql: Sql, number: string): Account | undefined => {
  const row = sql.get<AccountRow>('SELECT * FROM accounts WHERE number = ?', number);
  return row ? toAccount(row) : undefined;
};

/**
 * Static data and the three balances; a pending charge and an embargo's kept retention are only ever moved by
 * postings — except that an account no longer embargada releases its retention (the order was lifted).
 */
export const putAccount = (sql: Sql, account: Account): void => {
  const { number, balances, ...data } = account;
  sql.run(
    `INSERT INTO accounts (number, data, available, in_canje, on_hold) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(number) DO UPDATE SET data = excluded.data, available = excluded.available,
       in_canje = excluded.in_canje, on_hold = excluded.on_hold,
       embargo_retained = CASE WHEN json_extract(excluded.data, '$.state') = 'embargada' THEN accounts.embargo_retained ELSE NULL END`,
    number,
    JSON.stringify(data),
    balances.available,
    balances.inCanje,
    balances.onHold,
  );
  bumpVersion(sql, 'account', number);
};

export const getCustomer = (sql: Sql, documentType: string, documentNumber: string): Customer | undefined => {
  const row = sql.get<CustomerRow>(
    'SELECT * FROM customers WHERE document_type = ? AND document_number = ?',
    documentType,
    documentNumber,
  );
  return row ? toCustomer(row) : undefined;
};

export const putCustomer = (sql: Sql, c: Customer): void => {
  sql.run(
    `INSERT INTO customers (document_type, document_number, name, owner, cellphone, email, address, city) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(document_type, document_number) DO UPDATE SET name = excluded.name, owner = excluded.owner,
       cellphone = excluded.cellphone, email = excluded.email, address = excluded.address, city = excluded.city`,
    c.documentType,
    c.documentNumber,
    c.name,
    c.owner,
    c.cellphone,
    c.email ?? null,
    c.address ?? null,
    c.city,
  );
  bumpVersion(sql, 'customer', customerId(c.documentType, c.documentNumber));
};

export const accountsOfHolder = (sql: Sql, documentType: string, documentNumber: string): Account[] =>
  sql
    .all<AccountRow>('SELECT * FROM accounts ORDER BY number')
    .map(toAccount)
    .filter((a) => a.holders[0]?.documentType === documentType && a.holders[0].documentNumber === documentNumber);

export interface Posting {
  account: string;
  dAvailable: number;
  dCanje: number;
  dHold: number;
  /** Change of what the customer owes the bank (cargo pendiente por cheque devuelto). */
  dPending?: number;
}

/** Applies balance deltas; the table's CHECK constraints make a negative balance abort the transaction. */
export const applyPosting = (sql: Sql, opKey: string | null, p: Posting): void => {
  const dPending = p.dPending ?? 0;
  sql.run(
    'UPDATE accounts SET available = available + ?, in_canje = in_canje + ?, on_hold = on_hold + ?, pending_charges = pending_charges + ? WHERE number = ?',
    p.dAvailable,
    p.dCanje,
    p.dHold,
    dPending,
    p.account,
  );
  if (opKey !== null) {
    sql.run(
      'INSERT INTO postings (op_key, account, d_available, d_canje, d_hold, d_pending) VALUES (?, ?, ?, ?, ?, ?)',
      opKey,
      p.account,
      p.dAvailable,
      p.dCanje,
      p.dHold,
      dPending,
    );
  }
  bumpVersion(sql, 'account', p.account);
};

/**
 * Money that reaches the available balance of an account owing a pending charge pays it first, so `available`
 * holds no money the customer owes — except what an embargo retains for the court on the business date `on`, which
 * never pays the bank (`chargeable`). Under `opKey` when an operation brought the money: reversing that operation
 * then owes the charge again. Returns what was paid.
 */
export const payPendingCharges = (sql: Sql, account: string, opKey: string | null, on: string): number => {
  const row = sql.get<{ pending_charges: number }>('SELECT pending_charges FROM accounts WHERE number = ?', account);
  const a = row && row.pending_charges > 0 ? getAccount(sql, account) : undefined;
  const pay = a && row ? Math.min(chargeableNow(sql, a, on), row.pending_charges) : 0;
  if (pay > 0) applyPosting(sql, opKey, { account, dAvailable: -pay, dCanje: 0, dHold: 0, dPending: -pay });
  return pay;
};

/** Every account whose available balance grew outside an operation (a cheque cleared, a hold expired). */
export const payAllPendingCharges = (sql: Sql, on: string): void => {
  const owing = sql.all<{ number: string }>('SELECT number FROM accounts WHERE pending_charges > 0 AND available > 0');
  for (const a of owing) payPendingCharges(sql, a.number, null, on);
};

/**
 * Seed 003 cl. 7.1: deposits, withdrawals and transfers ordered by the customer move the date the inactivity
 * term runs from; it only moves forward (a late-arriving contingency operation never sets it back). Call in
 * the same transaction as the posting, which already bumped the account's reference version.
 */
export const recordCustomerMovement = (sql: Sql, account: string, on: string): void => {
  sql.run(
    `UPDATE accounts SET data = json_set(data, '$.lastCustomerMovementOn', ?)
     WHERE number = ? AND coalesce(json_extract(data, '$.lastCustomerMovementOn'), '') < ?`,
    on,
    account,
    on,
  );
};

/**
 * Seed 003 cl. 7.2 and 8.5, domain-co §3: brings the retention central keeps for an embargoed account up to what the
 * rule retains from its balance now (domain/withdrawal/embargo.ts `embargoRetention`) and stores it. Run in the
 * same transaction as every posting that changes the available balance — before a debit or charge is checked, and
 * after an operation's postings, a cheque clearing or a hold coming back — so a later debit never takes what was
 * retained. When the rule cannot be applied (no inembargable amount for the period) nothing is stored: the reads
 * keep the whole order out of reach meanwhile, and storing that would retain protected money for good.
 */
export const settleRetention = (sql: Sql, account: string, on: string, opts: { released?: number; creditKey?: string } = {}): void => {
  const a = getAccount(sql, account);
  if (!a || a.state !== 'embargada') return;
  const before = a.balances.embargoRetained ?? 0;
  // A reversed credit takes back the retention it brought (`released`); the rule then keeps what the balance retains.
  const kept = { ...a, balances: { ...a.balances, embargoRetained: Math.max(0, before - (opts.released ?? 0)) } };
  const w = embargoRule(kept, on, DEFAULT_RULES, othersOfHolder(sql, a));
  if (!w || w.retained === a.balances.embargoRetained) return;
  sql.run('UPDATE accounts SET embargo_retained = ? WHERE number = ?', w.retained, account);
  bumpVersion(sql, 'account', account);
  if (opts.creditKey !== undefined && w.retained > before) {
    sql.run(
      'INSERT INTO retention_growth (op_key, account, amount) VALUES (?, ?, ?) ON CONFLICT(op_key, account) DO UPDATE SET amount = amount + excluded.amount',
      opts.creditKey,
      account,
      w.retained - before,
    );
  }
};

/** What the credit under `key` added to the account's retention (`settleRetention`): what reversing it releases. */
export const retentionGrownBy = (sql: Sql, key: string, account: string): number =>
  sql.get<{ amount: number }>('SELECT amount FROM retention_growth WHERE op_key = ? AND account = ?', key, account)?.amount ?? 0;

/** Embargoed accounts whose retention was never kept (embargoed before central kept it, or just put): computed once. */
export const settleUnkeptRetentions = (sql: Sql, on: string): void => {
  const unkept = sql.all<{ number: string }>(
    "SELECT number FROM accounts WHERE embargo_retained IS NULL AND json_extract(data, '$.state') = 'embargada'",
  );
  for (const a of unkept) settleRetention(sql, a.number, on);
};

/**
 * How much a debit may take on the business date `on`: the branch's rule (domain/withdrawal/embargo.ts), so
 * central and the teller's screen agree on an embargoed account — the embargo is retained, but never the
 * inembargable amount of a natural person's savings (seed 003 cl. 8.5, domain-co §3). When the rule cannot be
 * applied (the period's inembargable amount is not configured, or the account data breaks the domain
 * invariants) central keeps the whole embargo out of reach, the safe side for an order it must execute.
 */
export const withdrawable = (a: Account, on: string, rules: RulesConfig = DEFAULT_RULES, others: readonly Account[] = []): number => {
  if (a.state !== 'embargada' && a.embargoAmount === 0) return a.balances.available;
  return embargoRule(a, on, rules, others)?.withdrawable ?? Math.max(0, a.balances.available - a.embargoAmount);
};

/** What the bank's charges may take on `on` (domain/withdrawal/embargo.ts `chargeableBalance`); the same safe side as `withdrawable`. */
export const chargeable = (a: Account, on: string, rules: RulesConfig = DEFAULT_RULES, others: readonly Account[] = []): number => {
  if (a.state !== 'embargada' && a.embargoAmount === 0) return a.balances.available;
  const w = embargoRule(a, on, rules, others);
  return w ? chargeableBalance(w) : Math.max(0, a.balances.available - a.embargoAmount);
};

/** The branch's breakdown of an embargoed account, or null when the rule cannot be applied. */
const embargoRule = (a: Account, on: string, rules: RulesConfig, others: readonly Account[]): Withdrawable | null => {
  const domain = toDomainAccount(a);
  if (!domain.ok) return null;
  // The holder's other accounts take their part of the inembargable amount first (domain-co §3).
  const otherDomain = others.map(toDomainAccount).flatMap((d) => (d.ok ? [d.value] : []));
  const elsewhere = protectionUsedElsewhere(domain.value, otherDomain);
  const w = withdrawableBalance(domain.value, on, rules, elsewhere);
  return w.ok ? w.value : null;
};

export type DebitRefusal = 'ACCOUNT_INACTIVE' | 'ACCOUNT_BLOCKED' | 'ACCOUNT_CANCELLED' | 'INSUFFICIENT_FUNDS' | 'EMBARGOED_FUNDS';

/**
 * Whether `amount` may be debited from `a` on `on` (state first, then funds). `reactivating`: the branch's
 * supervisor approved reactivating the inactive account with this debit (seed 003 cl. 7.1).
 */
export const debitRefusal = (sql: Sql, a: Account, amount: number, on: string, opts: { reactivating?: boolean } = {}): DebitRefusal | null => {
  if (a.state === 'inactiva' && opts.reactivating !== true) return 'ACCOUNT_INACTIVE';
  if (a.state === 'bloqueada') return 'ACCOUNT_BLOCKED';
  if (a.state === 'cancelada') return 'ACCOUNT_CANCELLED';
  if (amount <= disposable(sql, a, on)) return null;
  return amount <= a.balances.available ? 'EMBARGOED_FUNDS' : 'INSUFFICIENT_FUNDS';
};

/**
 * What may be debited from `a` on `on`: its available balance less what an embargo retains. The retention is kept
 * first (`settleRetention`), so what this debit leaves stays retained for the court.
 */
export const disposable = (sql: Sql, a: Account, on: string): number => {
  const kept = keptNow(sql, a, on);
  return withdrawable(kept, on, DEFAULT_RULES, othersOfHolder(sql, kept));
};

/** What the bank's pending charges may take from `a` on `on` (`chargeable`), the retention kept first. */
const chargeableNow = (sql: Sql, a: Account, on: string): number => {
  const kept = keptNow(sql, a, on);
  return chargeable(kept, on, DEFAULT_RULES, othersOfHolder(sql, kept));
};

/**
 * What the bank's charges could take from `a` were its available balance `available` and its kept retention
 * `retained` (a returned cheque's fee, once its credit came back out).
 */
export const chargeableWith = (sql: Sql, a: Account, available: number, retained: number, on: string): number =>
  chargeable({ ...a, balances: { ...a.balances, available, embargoRetained: Math.min(retained, available) } }, on, DEFAULT_RULES, othersOfHolder(sql, a));

/** `a` with its retention kept as of now (`settleRetention`). */
const keptNow = (sql: Sql, a: Account, on: string): Account => {
  if (a.state !== 'embargada') return a;
  settleRetention(sql, a.number, on);
  return getAccount(sql, a.number) ?? a;
};

/** The sole holder's accounts, whose balances take their part of the inembargable amount; only an embargoed account needs them. */
const othersOfHolder = (sql: Sql, a: Account): Account[] => {
  const holder = a.holders[0];
  return a.state === 'embargada' && holder ? accountsOfHolder(sql, holder.documentType, holder.documentNumber) : [];
};

/** Seed 003 cl. 7.1: an inactive account becomes active again with the debit that reactivated it. */
export const reactivate = (sql: Sql, account: string): void => {
  const changed = sql.run(
    `UPDATE accounts SET data = json_set(data, '$.state', 'activa') WHERE number = ? AND json_extract(data, '$.state') = 'inactiva'`,
    account,
  );
  if (changed.changes > 0) bumpVersion(sql, 'account', account);
};

/**
 * Seed 003 cl. 7.1: reactivated at an office without a debit. The date starts the six-month term again (no
 * movement happened, so `lastCustomerMovementOn` stays as it was).
 */
export const reactivateWithoutMovement = (sql: Sql, account: string, on: string): void => {
  sql.run(
    `UPDATE accounts SET data = json_set(data, '$.state', CASE json_extract(data, '$.state') WHEN 'inactiva' THEN 'activa' ELSE json_extract(data, '$.state') END, '$.reactivatedOn', ?)
     WHERE number = ?`,
    on,
    account,
  );
  bumpVersion(sql, 'account', account);
};

/** Business date at the branch (Colombia, UTC−5 all year) of an instant. */
export const bogotaDay = (ms: number): string => new Date(ms - 5 * 3_600_000).toISOString().slice(0, 10);

export const creditRefusal = (a: Account): 'ACCOUNT_CANCELLED' | null => (a.state === 'cancelada' ? 'ACCOUNT_CANCELLED' : null);

/**
 * What central answers with a refusal. A debit's refusal states the fact only: a withdrawal, a transfer, a
 * commission, a reversal or a cheque return may all get it, online or long after the teller paid in contingency,
 * so the branch adds the instruction that fits where it shows it.
 */
export const REFUSAL_MESSAGES: Record<string, string> = {
  ACCOUNT_NOT_FOUND: 'La cuenta no existe en central. Verifique el número con el cliente.',
  ACCOUNT_INACTIVE: 'La cuenta está inactiva: no admite débitos. El titular debe reactivarla en la oficina.',
  ACCOUNT_BLOCKED: 'La cuenta está bloqueada: no admite débitos. Remita al cliente a servicio al cliente.',
  ACCOUNT_CANCELLED: 'La cuenta está cancelada y no admite movimientos.',
  INSUFFICIENT_FUNDS: 'Saldo disponible insuficiente en la cuenta.',
  EMBARGOED_FUNDS: 'Parte del saldo está embargado: el valor supera lo disponible.',
  HOLD_NOT_FOUND: 'La autorización del débito no existe en central.',
  HOLD_MISMATCH: 'La autorización corresponde a otra cuenta. Solicite una nueva autorización.',
  HOLD_ALREADY_USED: 'La autorización ya fue usada por otra operación.',
  REVERSAL_TARGET_NOT_FOUND: 'La operación a reversar no existe en central para esta oficina.',
  REVERSAL_TARGET_NOT_APPLIED: 'La operación a reversar fue rechazada en central: no hay nada que reversar.',
  ALREADY_REVERSED: 'La operación ya fue reversada.',
  NOT_REVERSIBLE: 'Ese tipo de operación no se reversa con una reversión de saldo.',
  CUSTOMER_NOT_FOUND: 'El cliente no existe en central. Verifique el tipo y número de documento.',
  CELLPHONE_MISMATCH: 'El celular indicado no coincide con el registrado. Valide identidad con documento y huella.',
  CONTACT_MISMATCH: 'El dato anterior indicado no coincide con el registrado. Valide identidad con documento y huella.',
  CONTACT_FIELD_INVALID: 'La actualización debe cambiar un solo dato (celular, correo o dirección) con su validación.',
  FINGERPRINT_NOT_VERIFIED: 'No hay una validación de huella exitosa reciente para este documento. Valide la huella.',
  // The branch's own words (domain/transfer): the teller reads one sentence whichever side refused it.
  SAME_ACCOUNT: SAME_ACCOUNT_MESSAGE,
  TRANSFER_INVALID: 'El traslado entre cajas no es válido: destino fuera de la oficina o igual al origen, o el conteo no suma el valor.',
  TRANSFER_NOT_FOUND: 'Central no tiene ese traslado para esta caja.',
  TRANSFER_SETTLED: 'Ese traslado ya fue aceptado o rechazado.',
  COUNT_DIFFERS: 'El conteo del receptor no coincide con lo enviado.',
  VAULT_SHORT: 'La bóveda de la oficina no tiene esas piezas. Revise la mezcla de denominaciones.',
  MAKER_IS_CHECKER: 'Quien envió el traslado no puede recibirlo: lo recibe otra persona.',
  CHEQUE_NOT_FOUND: 'Central no tiene ese cheque en canje para esta cuenta y oficina.',
  CHEQUE_SETTLED: 'El cheque ya fue abonado o devuelto en central.',
  REMESA_ALREADY_SENT: 'Central ya tiene esa remesa como enviada (otra estación la registró). Actualice la lista.',
  CHEQUE_GERENCIA_NUMBER_USED:
    'El número del cheque de gerencia ya está registrado en otro retiro del banco: cada formato se numera una sola vez. Verifique el número impreso en el cheque; si es el mismo, el formato está duplicado: no lo entregue y consulte al supervisor.',
  CHEQUE_ALREADY_DEPOSITED:
    'El cheque (banco, número y cuenta del girador) ya está consignado en otra consignación del banco, en canje, en remesa o pagado. No se abonó: devuelva el cheque al cliente y consulte al supervisor.',
  APPROVAL_DECIDED_ELSEWHERE:
    'Un supervisor ya había decidido esa solicitud de otra forma desde el escritorio de otra estación; en central queda esa decisión. Revise con él cuál se aplicó.',
  APPROVAL_MISMATCH: 'Central tiene esa solicitud de aprobación de otra estación: no se registró la decisión de esta.',
};

export const expireHolds = (sql: Sql, nowMs: number): void => {
  const due = sql.all<{ id: string; account: string; amount: number }>(
    "SELECT id, account, amount FROM holds WHERE state = 'active' AND expires_ms <= ?",
    nowMs,
  );
  for (const h of due) {
    sql.run("UPDATE holds SET state = 'expired' WHERE id = ?", h.id);
    applyPosting(sql, null, { account: h.account, dAvailable: h.amount, dCanje: 0, dHold: -h.amount });
    settleRetention(sql, h.account, bogotaDay(nowMs));
  }
};
