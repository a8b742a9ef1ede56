import { hashCanonical } from '../runtime';
import type { Sql } from '../store/db';
import { fail, type HandlerResult } from './result';

/**
 * Runs `fn` once per idempotency key for single-request routes (holds, security codes): the key is bound to
 * the hash of the route and body; a replay returns the stored answer, another body is refused. Failures are
 * not stored, so the teller can fix the cause and retry with the same key.
 */
export const once = <T>(sql: Sql, route: string, key: string, body: unknown, nowMs: number, fn: () => HandlerResult<T>): HandlerResult<T> =>
  sql.tx(() => {
    const hash = hashCanonical({ route, body });
    const seen = sql.get<{ hash: string; response: string }>('SELECT hash, response FROM requests WHERE key = ?', key);
    if (seen) {
      if (seen.hash !== hash) {
        return fail(409, 'KEY_REUSED', 'La clave de la solicitud ya se usó con otros datos. Inicie la solicitud de nuevo.');
      }
      return { ok: true, value: JSON.parse(seen.response) as T };
    }
    const result = fn();
    if (result.ok) {
      sql.run('INSERT INTO requests (key, route, hash, response, at_ms) VALUES (?, ?, ?, ?, ?)', key, route, hash, JSON.stringify(result.value), nowMs);
    }
    return result;
  });
