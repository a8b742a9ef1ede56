import type { AnchorLatestResponse, AnchorQuery, AnchorRequest } from '../../domain/central-api';
import { fail, ok, type HandlerResult } from '../http/result';
import { iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * Chain-head anchoring of workstation journals, per workstation and installation (a store's own chain: a
 * workstation reinstalled on an empty store under the same id starts a new one, and the old one stays here as it
 * was). Append-only (triggers refuse UPDATE/DELETE); an installation may only move forward. Re-sending the last
 * anchor is a replay; the same sequence with another hash means the local journal was rewritten and is refused as a
 * fork. An installation is bound at its first anchor to its chain's first entry: the same installation with another
 * first entry is a fork, and a chain already bound to another installation is a copied store (CHAIN_COPIED).
 *
 * What the installation id proves: that a chain central has seen is only ever checked as that installation's, so a
 * store copied to another machine (or to another workstation id) keeps its chain's anchors, whatever id it shows.
 * What it does not prove: that a store is new. A journal rewritten from its first entry under a fresh id is a chain
 * central never saw and reads as a new installation; only the note of the previous installation's last anchor, the
 * operations central received from that workstation, and the rest of the store tell that apart.
 */
interface Row {
  workstation: string;
  installation: string;
  sequence: number;
  head_hash: string;
  anchored_ms: number;
}
interface InstallationRow {
  workstation: string;
  installation: string;
  first_hash: string;
}
const view = (r: Row) => ({ workstation: r.workstation, sequence: r.sequence, headHash: r.head_hash, anchoredAt: iso(r.anchored_ms) });
const latest = (sql: Sql, workstation: string, installation: string): Row | undefined =>
  sql.get<Row>('SELECT * FROM anchors WHERE workstation = ? AND installation = ? ORDER BY sequence DESC LIMIT 1', workstation, installation);
const chainOwner = (sql: Sql, firstHash: string): InstallationRow | undefined =>
  sql.get<InstallationRow>('SELECT * FROM journal_installations WHERE first_hash = ?', firstHash);

const copied = (owner: InstallationRow) =>
  fail(
    409,
    'CHAIN_COPIED',
    `Central ya tiene este diario como el de otra instalación de la estación ${owner.workstation}: una copia no inicia un diario nuevo. Informe al supervisor y a auditoría.`,
    { workstation: owner.workstation, installation: owner.installation },
  );

export const anchor = (sql: Sql, req: AnchorRequest, nowMs: number) =>
  sql.tx((): HandlerResult<{ status: 'anchored' | 'duplicate'; anchor: ReturnType<typeof view> }> => {
    const bound = sql.get<InstallationRow>('SELECT * FROM journal_installations WHERE workstation = ? AND installation = ?', req.workstation, req.installation);
    if (bound && bound.first_hash !== req.firstHash) {
      return fail(409, 'CHAIN_FORK', 'El diario de esta instalación ya no empieza con el registro que central conoce: fue reescrito. Informe al supervisor y a auditoría.', {
        installation: req.installation,
      });
    }
    if (!bound) {
      const owner = chainOwner(sql, req.firstHash);
      if (owner) return copied(owner);
    }
    const last = latest(sql, req.workstation, req.installation);
    const same = sql.get<Row>(
      'SELECT * FROM anchors WHERE workstation = ? AND installation = ? AND sequence = ?',
      req.workstation,
      req.installation,
      req.sequence,
    );
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
    // Bound with its first anchor taken, not before: a refused request binds nothing.
    if (!bound) {
      sql.run(
        'INSERT INTO journal_installations (workstation, installation, first_hash, first_anchored_ms) VALUES (?, ?, ?, ?)',
        req.workstation,
        req.installation,
        req.firstHash,
        nowMs,
      );
    }
    sql.run(
      'INSERT INTO anchors (workstation, installation, sequence, head_hash, anchored_ms) VALUES (?, ?, ?, ?, ?)',
      req.workstation,
      req.installation,
      req.sequence,
      req.headHash,
      nowMs,
    );
    return ok({
      status: 'anchored',
      anchor: view({ workstation: req.workstation, installation: req.installation, sequence: req.sequence, head_hash: req.headHash, anchored_ms: nowMs }),
    });
  });

export const latestAnchor = (sql: Sql, q: AnchorQuery): AnchorLatestResponse => {
  const row = latest(sql, q.workstation, q.installation);
  // The installation a reinstall replaced: the one of this workstation anchored last (its last anchor is its head).
  const prev = sql.get<Row>(
    'SELECT * FROM anchors WHERE workstation = ? AND installation <> ? ORDER BY anchored_ms DESC, id DESC LIMIT 1',
    q.workstation,
    q.installation,
  );
  const owner = q.firstHash ? chainOwner(sql, q.firstHash) : undefined;
  const foreign = owner && !(owner.workstation === q.workstation && owner.installation === q.installation) ? owner : undefined;
  return {
    anchor: row ? view(row) : null,
    previous: prev ? { installation: prev.installation, sequence: prev.sequence, anchoredAt: iso(prev.anchored_ms) } : null,
    copiedFrom: foreign ? { workstation: foreign.workstation, installation: foreign.installation } : null,
  };
};
