import type { Db } from '../db';

export interface IdempotencyRecord {
  channel: string;
  requestHash: string;
  response: string;
}

/** Remembers the answer to each state-changing request key, written in the same transaction as its effect. */
export const idempotencyRepo = (db: Db) => {
  const find = db.prepare<[string], { channel: string; request_hash: string; response: string }>(
    'SELECT channel, request_hash, response FROM idempotency WHERE key = ?',
  );
  const insert = db.prepare('INSERT INTO idempotency (key, channel, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)');
  const forget = db.prepare('DELETE FROM idempotency WHERE key = ? AND channel = ?');
  return {
    find: (key: string): IdempotencyRecord | undefined => {
      const r = find.get(key);
      return r ? { channel: r.channel, requestHash: r.request_hash, response: r.response } : undefined;
    },
    record: (key: string, rec: IdempotencyRecord, at: string) => {
      insert.run(key, rec.channel, rec.requestHash, rec.response, at);
    },
    /** An answer undone since (central refused what it promised): the same request asked again is worked anew. */
    forget: (key: string, channel: string): boolean => forget.run(key, channel).changes === 1,
  };
};
export type IdempotencyRepo = ReturnType<typeof idempotencyRepo>;
