import type { Db } from '../store/db';
import { tillRepo } from '../store/till/repo';

/**
 * The open till's cash as stored in the workstation's SQLite file (a workstation keeps one till). Under blind
 * close the teller's contract read (`till.current`) leaves it out, so tests that follow cash movements read it here.
 */
export const tillCash = (db: Db) => {
  const code = db.prepare("SELECT till_code FROM till_sessions WHERE state = 'abierta'").pluck().get() as string | undefined;
  const open = code === undefined ? undefined : tillRepo(db).findOpen(code);
  if (!open) throw new Error('no till is open at this workstation');
  return { position: open.position, positionTotal: open.positionTotal };
};
