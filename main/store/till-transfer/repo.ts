import type { DenominationCount } from '../../../domain/money/denominations';
import type { Db } from '../db';

export type TillTransferDirection = 'saliente' | 'entrante';
export type TillTransferState = 'en_transito' | 'aceptado' | 'rechazado';

export interface TillTransferRecord {
  id: string;
  direction: TillTransferDirection;
  fromWorkstation: string;
  toWorkstation: string;
  count: DenominationCount;
  amount: number;
  state: TillTransferState;
  sentBy: string;
  sentByName: string;
  sentAt: string;
  receivedBy: string | null;
  receivedByName: string | null;
  receivedAt: string | null;
  note: string | null;
  sendKey: string | null;
  settleKey: string | null;
  /** When this workstation learned of it (sent it, or pulled it from central). */
  arrivedAt: string;
}

interface Row {
  id: string;
  direction: TillTransferDirection;
  from_ws: string;
  to_ws: string;
  count: string;
  amount: number;
  state: TillTransferState;
  sent_by: string;
  sent_by_name: string;
  sent_at: string;
  received_by: string | null;
  received_by_name: string | null;
  received_at: string | null;
  note: string | null;
  send_key: string | null;
  settle_key: string | null;
  arrived_at: string;
}

const toRecord = (r: Row): TillTransferRecord => ({
  id: r.id,
  direction: r.direction,
  fromWorkstation: r.from_ws,
  toWorkstation: r.to_ws,
  count: JSON.parse(r.count) as DenominationCount,
  amount: r.amount,
  state: r.state,
  sentBy: r.sent_by,
  sentByName: r.sent_by_name,
  sentAt: r.sent_at,
  receivedBy: r.received_by,
  receivedByName: r.received_by_name,
  receivedAt: r.received_at,
  note: r.note,
  sendKey: r.send_key,
  settleKey: r.settle_key,
  arrivedAt: r.arrived_at,
});

export interface SettleFields {
  state: 'aceptado' | 'rechazado';
  receivedBy: string;
  receivedByName: string;
  receivedAt: string;
  note: string | null;
  settleKey: string | null;
}

/** A send this till refused for want of pieces; `short` is kept for the audit only (it tells the till's count). */
export interface SendRefusal {
  id: string;
  tillSessionId: string;
  toWorkstation: string;
  count: DenominationCount;
  amount: number;
  short: DenominationCount;
  refusedAt: string;
}
interface RefusalRow {
  id: string;
  till_session_id: string;
  to_ws: string;
  count: string;
  amount: number;
  short: string;
  refused_at: string;
}

export const tillTransferRepo = (db: Db) => {
  const insertRefusal = db.prepare('INSERT INTO till_send_refusals (id, till_session_id, to_ws, count, amount, short, refused_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const uncleared = db.prepare<[string], RefusalRow>('SELECT * FROM till_send_refusals WHERE till_session_id = ? AND cleared_at IS NULL ORDER BY refused_at, rowid');
  const clear = db.prepare('UPDATE till_send_refusals SET cleared_at = ?, cleared_by = ? WHERE till_session_id = ? AND cleared_at IS NULL');
  const insert = db.prepare(`INSERT INTO till_transfers (id, direction, from_ws, to_ws, count, amount, state, sent_by, sent_by_name, sent_at, send_key, arrived_at)
    VALUES (?, ?, ?, ?, ?, ?, 'en_transito', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const byId = db.prepare<[string], Row>('SELECT * FROM till_transfers WHERE id = ?');
  const settle = db.prepare(`UPDATE till_transfers SET state = ?, received_by = ?, received_by_name = ?, received_at = ?, note = ?, settle_key = ?
    WHERE id = ? AND state = 'en_transito'`);
  const open = db.prepare<[], Row>("SELECT * FROM till_transfers WHERE state = 'en_transito' ORDER BY arrived_at, id");
  const recent = db.prepare<[string], Row>("SELECT * FROM till_transfers WHERE state = 'en_transito' OR arrived_at >= ? ORDER BY arrived_at DESC, id LIMIT 50");
  return {
    /** False when it was already there (an incoming transfer pulled twice). */
    insert: (t: Omit<TillTransferRecord, 'state' | 'receivedBy' | 'receivedByName' | 'receivedAt' | 'note' | 'settleKey'>): boolean =>
      insert.run(t.id, t.direction, t.fromWorkstation, t.toWorkstation, JSON.stringify(t.count), t.amount, t.sentBy, t.sentByName, t.sentAt, t.sendKey, t.arrivedAt).changes === 1,
    get: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    /** Only from `en_transito`; false when another step settled it first. */
    settle: (id: string, f: SettleFields): boolean => settle.run(f.state, f.receivedBy, f.receivedByName, f.receivedAt, f.note, f.settleKey, id).changes === 1,
    inTransit: () => open.all().map(toRecord),
    /** In transit, and everything this workstation learned of since `at`. */
    since: (at: string) => recent.all(at).map(toRecord),
    insertRefusal: (r: SendRefusal) => void insertRefusal.run(r.id, r.tillSessionId, r.toWorkstation, JSON.stringify(r.count), r.amount, JSON.stringify(r.short), r.refusedAt),
    /** The session's refusals not yet cleared by a supervisor's visa or an arqueo, oldest first. */
    unclearedRefusals: (tillSessionId: string): SendRefusal[] =>
      uncleared.all(tillSessionId).map((r) => ({
        id: r.id, tillSessionId: r.till_session_id, toWorkstation: r.to_ws, count: JSON.parse(r.count) as DenominationCount, amount: r.amount,
        short: JSON.parse(r.short) as DenominationCount, refusedAt: r.refused_at,
      })),
    clearRefusals: (tillSessionId: string, at: string, by: string) => clear.run(at, by, tillSessionId).changes,
  };
};
export type TillTransferRepo = ReturnType<typeof tillTransferRepo>;
