import type { Db } from '../db';

export interface JournalRow {
  sequence: number;
  at: string;
  workstation: string;
  actor: string;
  type: string;
  payload: string;
  prevHash: string;
  hash: string;
}

export const journalRepo = (db: Db) => {
  const insert = db.prepare(
    'INSERT INTO journal (sequence, at, workstation, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const head = db.prepare<[], JournalRow>(
    'SELECT sequence, at, workstation, actor, type, payload, prev_hash AS prevHash, hash FROM journal ORDER BY sequence DESC LIMIT 1',
  );
  const all = db.prepare<[], JournalRow>(
    'SELECT sequence, at, workstation, actor, type, payload, prev_hash AS prevHash, hash FROM journal ORDER BY rowid',
  );
  return {
    append: (r: JournalRow) => {
      insert.run(r.sequence, r.at, r.workstation, r.actor, r.type, r.payload, r.prevHash, r.hash);
    },
    head: () => head.get(),
    /** Streams rows in insertion order so a chain of millions is verified without loading it. */
    iterate: () => all.iterate(),
  };
};
export type JournalRepo = ReturnType<typeof journalRepo>;
