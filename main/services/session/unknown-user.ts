import type { Journal } from '../journal/writer';

/**
 * The contract's own cap on a username: nothing a teller can type is cut, and a caller that skipped the contract
 * cannot fill the journal with one attempt.
 */
export const TYPED_USERNAME_MAX = 64;

/** Code points, not UTF-16 units: a cut never leaves half a character in the journal. */
export const typedUsername = (typed: string) => Array.from(typed.trim()).slice(0, TYPED_USERNAME_MAX).join('');

/**
 * A failed attempt with a username that names no user: the security team reviews every failed attempt, so it is
 * journaled too, by what was typed. No user caused it that the workstation knows, so the entry is the
 * workstation's own (`system`, shown as "Sistema"), and never names a user id. The answer to whoever typed it
 * stays the one a real user's failure gets (see the session service).
 */
export const journalUnknownUser = (journal: Journal, typed: string, details: Record<string, string | number>) =>
  journal.record('login_failed', 'system', { username: typedUsername(typed), unknownUser: true, ...details });
