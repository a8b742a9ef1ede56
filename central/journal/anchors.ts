import type { AnchorRequest } from '../../domain/central-api';
import { fail, ok, type HandlerResult } from '../http/result';
import { iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * Chain-head anchoring of workstation journals. Append-only (triggers refuse UPDATE/DELETE); a workstation
 * may only move forward. Re-sending the last anchor is a replay; the same sequence with another hash means
 * the local journal was rewritten and is refused as a fork.
 */
interface Row {
  workstation: string;
  sequence: number;
  head_hash: string;
  anchored_ms: number;
}
const view = (r: Row) => ({ workstation: r.workstation, sequence: r.sequence, headHash: r.head_hash, anchoredAt: iso(r.anchored_ms) });
const latest = (sql: Sql, workstation: string): Row | undefined =>
  sql.get<Row>('SELECT * FROM anchors WHERE workstation = ? ORDER BY sequence DESC LIMIT 1', workstation);

export const anchor = (sql: Sql, req: AnchorRequest, nowMs: number) =>
  sql.tx((): HandlerResult<{ status: 'anchored' | 'duplicate'; anchor: ReturnType<typeof view> }> => {
    const last = latest(sql, req.workstation);
    const same = sql.get<Row>('SELECT * FROM anchors WHERE workstation = ? AND sequence = ?', req.workstation, req.sequence);
    if (same) {
      if (same.head_hash === req.headHash) return ok({ status: 'duplicate', anchor: view(same) });
      return fail(409, 'CHAIN_FORK', 'Central ya tiene otro encadenamiento para esa secuencia del diario. Avise a soporte: el diario local no coincide.', {
        sequence: req.sequence,
      });
    }
    if (last && req.sequence < last.sequence) {
      return fail(409, 'SEQUENCE_BACKWARDS', 'La secuencia del diario es menor que la ya anclada en central. Avise a soporte.', {
        lastSequence: last.sequence,
      });
    }
    sql.run(
      'INSERT INTO anchors (workstation, sequence, head_hash, anchored_ms) VALUES (?, ?, ?, ?)',
      req.workstation,
      req.sequence,
      req.headHash,
      nowMs,
    );
    return ok({ status: 'anchored', anchor: view({ workstation: req.workstation, sequence: req.sequence, head_hash: req.headHash, anchored_ms: nowMs }) });
  });

export const latestAnchor = (sql: Sql, workstation: string) => {
  const row = latest(sql, workstation);
  return { anchor: row ? view(row) : null };
};
