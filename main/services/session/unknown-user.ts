import type { Journal } from '../journal/writer';

/**
 * A failed attempt with a username that names no user: the security team reviews every failed attempt, so it is
 * journaled too. No user caused it that the workstation knows, so the entry is the workstation's own (`system`,
 * shown as "Sistema"), and never names a user id. What was typed is not kept in any form (not the text, a hash or
 * its length): a teller who types their password into "Usuario" by mistake would otherwise leave it in an
 * append-only journal kept for years and readable in F5 by every teller. The answer to whoever typed it stays the
 * one a real user's failure gets (see the session service).
 */
export const journalUnknownUser = (journal: Journal, type: 'login_failed' | 'approval_failed', details: Record<string, string | number>) =>
  journal.record(type, 'system', { unknownUser: true, ...details });
