import {
  AccountSchema as CentralAccountSchema,
  CustomerSchema,
  toDomainAccount,
  type Account as CentralAccount,
  type Balances,
  type Customer,
  type DocumentType,
  type ReferenceChange,
} from '../../../domain/central-api';
import type { Account } from '../../../domain/accounts/account';
import type { Db } from '../db';

/**
 * The branch's copy of central's reference data (accounts, customers), kept current by cursor. Reads return
 * the domain `Account` the posting rules work on; a record central sent that breaks the domain invariants is
 * refused at read time with a typed error instead of being half-used.
 */
export class ReferenceDataError extends Error {
  constructor(
    readonly code: 'REFERENCE_ACCOUNT_INVALID',
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}

export const referenceRepo = (db: Db) => {
  const accountStmt = db.prepare<[string], { data: string }>('SELECT data FROM ref_accounts WHERE number = ?');
  const upsertAccount = db.prepare(
    `INSERT INTO ref_accounts (number, version, data) VALUES (?, ?, ?)
     ON CONFLICT(number) DO UPDATE SET version = excluded.version, data = excluded.data WHERE excluded.version >= ref_accounts.version`,
  );
  const clearHolders = db.prepare('DELETE FROM ref_holders WHERE account = ?');
  const addHolder = db.prepare('INSERT OR IGNORE INTO ref_holders (document_type, document_number, account) VALUES (?, ?, ?)');
  const customerStmt = db.prepare<[string, string], { data: string }>(
    'SELECT data FROM ref_customers WHERE document_type = ? AND document_number = ?',
  );
  const upsertCustomer = db.prepare(
    `INSERT INTO ref_customers (document_type, document_number, version, data) VALUES (?, ?, ?, ?)
     ON CONFLICT(document_type, document_number) DO UPDATE SET version = excluded.version, data = excluded.data
     WHERE excluded.version >= ref_customers.version`,
  );
  const holderAccounts = db.prepare<[string, string], { data: string }>(
    `SELECT a.data FROM ref_holders h JOIN ref_accounts a ON a.number = h.account
     WHERE h.document_type = ? AND h.document_number = ? ORDER BY a.number`,
  );
  const syncStmt = db.prepare<[], { cursor: number; last_sync_at: string | null }>('SELECT cursor, last_sync_at FROM ref_sync WHERE id = 1');
  const setSync = db.prepare('UPDATE ref_sync SET cursor = ?, last_sync_at = ? WHERE id = 1');
  const touchSync = db.prepare('UPDATE ref_sync SET last_sync_at = ? WHERE id = 1');
  const setBalances = db.prepare("UPDATE ref_accounts SET data = json_set(data, '$.balances', json(?)) WHERE number = ?");

  const centralAccount = (number: string): CentralAccount | undefined => {
    const r = accountStmt.get(number);
    return r ? (JSON.parse(r.data) as CentralAccount) : undefined;
  };

  const domain = (a: CentralAccount): Account => {
    const r = toDomainAccount(a);
    if (!r.ok) throw new ReferenceDataError(r.error.code, r.error.message, { account: a.number, issues: r.error.issues });
    return r.value;
  };

  const putAccount = (version: number, raw: CentralAccount): void => {
    // Parsed again so defaults of newer schema fields are filled in before it is stored.
    const a = CentralAccountSchema.parse(raw);
    if (upsertAccount.run(a.number, version, JSON.stringify(a)).changes === 0) return;
    clearHolders.run(a.number);
    for (const h of a.holders) addHolder.run(h.documentType, h.documentNumber, a.number);
  };

  return {
    getAccount: (number: string): Account | undefined => {
      const a = centralAccount(number);
      return a ? domain(a) : undefined;
    },
    /** Central's wire record as cached (state, product, registered cellphone, branch). */
    getCentralAccount: centralAccount,
    findAccountsByHolder: (documentType: DocumentType, documentNumber: string): Account[] =>
      holderAccounts.all(documentType, documentNumber).map((r) => domain(JSON.parse(r.data) as CentralAccount)),
    getCustomer: (documentType: DocumentType, documentNumber: string): Customer | undefined => {
      const r = customerStmt.get(documentType, documentNumber);
      return r ? (JSON.parse(r.data) as Customer) : undefined;
    },
    /**
     * One page from central and the cursor after it, in one transaction: a crash never leaves the cursor
     * ahead of the data it stands for. An older version never overwrites a newer one.
     */
    applyChanges(changes: readonly ReferenceChange[], nextCursor: number, at: string): void {
      db.transaction(() => {
        for (const c of changes) {
          if (c.entity === 'account') putAccount(c.version, c.account);
          else {
            const cu = CustomerSchema.parse(c.customer);
            upsertCustomer.run(cu.documentType, cu.documentNumber, c.version, JSON.stringify(cu));
          }
        }
        const current = syncStmt.get()?.cursor ?? 0;
        setSync.run(Math.max(current, nextCursor), at);
      }).immediate();
    },
    /** A pull that brought nothing new still proves the link works. */
    markSynced(at: string): void {
      touchSync.run(at);
    },
    /**
     * Balances central reported with an applied operation: fresher than the last page. The pump and the
     * reference pull run one after the other, so a page never races these.
     */
    applyBalances(number: string, balances: Balances): void {
      setBalances.run(JSON.stringify(balances), number);
    },
    cursor: (): number => syncStmt.get()?.cursor ?? 0,
    lastSyncAt: (): string | null => syncStmt.get()?.last_sync_at ?? null,
  };
};
export type ReferenceRepo = ReturnType<typeof referenceRepo>;
