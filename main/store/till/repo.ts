import type { DenominationCount } from '../../../domain/money/denominations';
import type { Db } from '../db';

export interface TillSessionRecord {
  id: string;
  tillCode: string;
  tellerId: string;
  businessDate: string;
  state: 'abierta' | 'cerrada';
  openedAt: string;
  openingCount: DenominationCount;
  openingTotal: number;
  position: DenominationCount;
  positionTotal: number;
  closedAt: string | null;
}

interface Row {
  id: string;
  till_code: string;
  teller_id: string;
  business_date: string;
  state: 'abierta' | 'cerrada';
  opened_at: string;
  opening_count: string;
  opening_total: number;
  position: string;
  position_total: number;
  closed_at: string | null;
}

const toRecord = (r: Row): TillSessionRecord => ({
  id: r.id,
  tillCode: r.till_code,
  tellerId: r.teller_id,
  businessDate: r.business_date,
  state: r.state,
  openedAt: r.opened_at,
  openingCount: JSON.parse(r.opening_count) as DenominationCount,
  openingTotal: r.opening_total,
  position: JSON.parse(r.position) as DenominationCount,
  positionTotal: r.position_total,
  closedAt: r.closed_at,
});

/** Central's close a reopening started from, as the reopened session's report names it. */
export interface CentralReopenedClose {
  id: string;
  closedAt: string | null;
  total: number;
}

export interface TillMovement {
  id: string;
  tillSessionId: string;
  kind: string;
  reference: string | null;
  delta: DenominationCount;
  /** Signed: cash in is positive, cash out negative. */
  amount: number;
  at: string;
}

export const tillRepo = (db: Db) => {
  const openFor = db.prepare<[string], Row>("SELECT * FROM till_sessions WHERE till_code = ? AND state = 'abierta'");
  const byId = db.prepare<[string], Row>('SELECT * FROM till_sessions WHERE id = ?');
  const insert = db.prepare(`INSERT INTO till_sessions
    (id, till_code, teller_id, business_date, state, opened_at, opening_count, opening_total, position, position_total)
    VALUES (?, ?, ?, ?, 'abierta', ?, ?, ?, ?, ?)`);
  const setPosition = db.prepare('UPDATE till_sessions SET position = ?, position_total = ? WHERE id = ?');
  const close = db.prepare("UPDATE till_sessions SET state = 'cerrada', closed_at = ?, closing_count = ? WHERE id = ? AND state = 'abierta'");
  const setReopened = db.prepare('UPDATE till_sessions SET reopened_from = ? WHERE id = ?');
  const allOpen = db.prepare<[], Row>("SELECT * FROM till_sessions WHERE state = 'abierta' ORDER BY till_code");
  const lastClosed = db.prepare<[string], Row>("SELECT * FROM till_sessions WHERE till_code = ? AND state = 'cerrada' ORDER BY closed_at DESC LIMIT 1");
  const reopenOf = db.prepare<[string], { id: string }>('SELECT id FROM till_sessions WHERE reopened_from = ?');
  const reopenedFrom = db.prepare<[string], string | null>('SELECT reopened_from FROM till_sessions WHERE id = ?').pluck();
  const setReopenedFromCentral = db.prepare('UPDATE till_sessions SET reopened_from_central = ? WHERE id = ?');
  const reopenedFromCentral = db.prepare<[string], string | null>('SELECT reopened_from_central FROM till_sessions WHERE id = ?').pluck();
  const movementsOf = db.prepare<[string], { id: string; kind: string; reference: string | null; delta: string; amount: number; at: string }>(
    'SELECT id, kind, reference, delta, amount, at FROM till_movements WHERE till_session_id = ? ORDER BY rowid',
  );
  const insertMovement = db.prepare(
    'INSERT INTO till_movements (id, till_session_id, kind, reference, delta, amount, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    findOpen: (tillCode: string) => {
      const r = openFor.get(tillCode);
      return r ? toRecord(r) : undefined;
    },
    findById: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    insertOpen: (s: Omit<TillSessionRecord, 'state' | 'closedAt'>) => {
      insert.run(
        s.id, s.tillCode, s.tellerId, s.businessDate, s.openedAt,
        JSON.stringify(s.openingCount), s.openingTotal, JSON.stringify(s.position), s.positionTotal,
      );
    },
    listOpen: () => allOpen.all().map(toRecord),
    lastClosed: (tillCode: string) => {
      const r = lastClosed.get(tillCode);
      return r ? toRecord(r) : undefined;
    },
    /** Closes an open session with its final count; false when it was not open (nothing changes then). */
    close: (id: string, at: string, count: DenominationCount): boolean => close.run(at, JSON.stringify(count), id).changes === 1,
    markReopenedFrom: (id: string, closedId: string) => {
      setReopened.run(closedId, id);
    },
    wasReopened: (closedId: string) => reopenOf.get(closedId) !== undefined,
    /** A supervised reopening from central's close (no session of this store): that close, for the report. */
    markReopenedFromCentral: (id: string, closed: CentralReopenedClose) => {
      setReopenedFromCentral.run(JSON.stringify(closed), id);
    },
    reopenedFromCentral: (id: string): CentralReopenedClose | null => {
      const j = reopenedFromCentral.get(id);
      return j ? (JSON.parse(j) as CentralReopenedClose) : null;
    },
    /** The closed session a supervised reopening started this one from; null for a till opened with a count. */
    reopenedFrom: (id: string): string | null => reopenedFrom.get(id) ?? null,
    movements: (tillSessionId: string): TillMovement[] =>
      movementsOf.all(tillSessionId).map((m) => ({ ...m, tillSessionId, delta: JSON.parse(m.delta) as DenominationCount })),
    /** Records a cash movement and the resulting position; callers run it inside their posting transaction. */
    addMovement: (m: TillMovement, position: DenominationCount, positionTotal: number) => {
      insertMovement.run(m.id, m.tillSessionId, m.kind, m.reference, JSON.stringify(m.delta), m.amount, m.at);
      setPosition.run(JSON.stringify(position), positionTotal, m.tillSessionId);
    },
  };
};
export type TillRepo = ReturnType<typeof tillRepo>;
