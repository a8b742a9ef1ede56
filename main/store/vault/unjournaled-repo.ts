import type { Db } from '../db';

export interface UnjournaledVaultOp {
  key: string;
  kind: 'provision' | 'receive';
  transferId: string;
  /** The user id the journal entry is recorded for, and the username central knows them by. */
  actor: string;
  username: string;
  /** A receive's decision and note; null for a provision. */
  decision: 'aceptado' | 'rechazado' | null;
  note: string | null;
  askedAt: string;
}

interface Row {
  key: string;
  kind: 'provision' | 'receive';
  transfer_id: string;
  actor: string;
  username: string;
  decision: 'aceptado' | 'rechazado' | null;
  note: string | null;
  asked_at: string;
}

/** Vault operations sent to central and not yet journaled here (vault/002). */
export const vaultUnjournaledRepo = (db: Db) => {
  const insert = db.prepare(
    `INSERT INTO vault_unjournaled (key, kind, transfer_id, actor, username, decision, note, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO NOTHING`,
  );
  const remove = db.prepare('DELETE FROM vault_unjournaled WHERE key = ?');
  const list = db.prepare<[], Row>('SELECT key, kind, transfer_id, actor, username, decision, note, asked_at FROM vault_unjournaled ORDER BY asked_at, key');
  return {
    /** Before the request leaves; a retry with the same key keeps the first row. */
    ask: (o: UnjournaledVaultOp): void => void insert.run(o.key, o.kind, o.transferId, o.actor, o.username, o.decision, o.note, o.askedAt),
    /** In the journal entry's transaction, or once central is known never to have applied it. */
    settle: (key: string): void => void remove.run(key),
    list: (): UnjournaledVaultOp[] =>
      list.all().map((r) => ({ key: r.key, kind: r.kind, transferId: r.transfer_id, actor: r.actor, username: r.username, decision: r.decision, note: r.note, askedAt: r.asked_at })),
  };
};
export type VaultUnjournaledRepo = ReturnType<typeof vaultUnjournaledRepo>;
