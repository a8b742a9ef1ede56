import type { DenominationCount } from '../../../domain/money/denominations';
import type { Db } from '../db';

export type Party = { kind: 'vault'; ref: string } | { kind: 'till'; ref: string };
export interface TransferRecord {
  id: string;
  idempotencyKey: string;
  from: Party;
  to: Party;
  count: DenominationCount;
  amount: number;
  state: 'en_transito' | 'aceptado' | 'rechazado';
  sentBy: string;
  sentAt: string;
  receivedBy: string | null;
  receivedAt: string | null;
  note: string | null;
}
interface Row {
  id: string;
  idempotency_key: string;
  from_kind: 'vault' | 'till';
  from_ref: string;
  to_kind: 'vault' | 'till';
  to_ref: string;
  count: string;
  amount: number;
  state: TransferRecord['state'];
  sent_by: string;
  sent_at: string;
  received_by: string | null;
  received_at: string | null;
  note: string | null;
}
const toRecord = (r: Row): TransferRecord => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  from: { kind: r.from_kind, ref: r.from_ref },
  to: { kind: r.to_kind, ref: r.to_ref },
  count: JSON.parse(r.count) as DenominationCount,
  amount: r.amount,
  state: r.state,
  sentBy: r.sent_by,
  sentAt: r.sent_at,
  receivedBy: r.received_by,
  receivedAt: r.received_at,
  note: r.note,
});

export const VAULT_ID = 'BOVEDA';

export const vaultRepo = (db: Db) => {
  const get = db.prepare<[string], { position: string; position_total: number }>('SELECT position, position_total FROM vault WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO vault (id, position, position_total, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET position = excluded.position, position_total = excluded.position_total, updated_at = excluded.updated_at`);
  const insertT = db.prepare(`INSERT INTO cash_transfers (id, idempotency_key, from_kind, from_ref, to_kind, to_ref, count, amount, state, sent_by, sent_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'en_transito', ?, ?)`);
  const byId = db.prepare<[string], Row>('SELECT * FROM cash_transfers WHERE id = ?');
  const settle = db.prepare("UPDATE cash_transfers SET state = ?, received_by = ?, received_at = ?, note = ? WHERE id = ? AND state = 'en_transito'");
  const open = db.prepare<[], Row>("SELECT * FROM cash_transfers WHERE state = 'en_transito' ORDER BY sent_at");
  const recent = db.prepare<[string], Row>('SELECT * FROM cash_transfers WHERE sent_at >= ? ORDER BY sent_at DESC LIMIT 50');
  return {
    position: (): { position: DenominationCount; total: number } | undefined => {
      const r = get.get(VAULT_ID);
      return r ? { position: JSON.parse(r.position) as DenominationCount, total: r.position_total } : undefined;
    },
    setPosition: (position: DenominationCount, total: number, at: string) => {
      upsert.run(VAULT_ID, JSON.stringify(position), total, at);
    },
    insertTransfer: (t: Omit<TransferRecord, 'state' | 'receivedBy' | 'receivedAt' | 'note'>) => {
      insertT.run(t.id, t.idempotencyKey, t.from.kind, t.from.ref, t.to.kind, t.to.ref, JSON.stringify(t.count), t.amount, t.sentBy, t.sentAt);
    },
    transfer: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    settle: (id: string, state: 'aceptado' | 'rechazado', by: string, at: string, note: string | null): boolean =>
      settle.run(state, by, at, note, id).changes === 1,
    inTransit: () => open.all().map(toRecord),
    since: (at: string) => recent.all(at).map(toRecord),
  };
};
export type VaultRepo = ReturnType<typeof vaultRepo>;
