import { hashCanonical } from '../runtime';
import type { Sql } from '../store/db';
import { fail, type HandlerResult } from './result';

/**
 * Runs `fn` once per idempotency key for single-request routes (holds, security codes): the key is bound to
 * the hash of the route and body; a replay returns the stored answer, another body is refused. Failures are
 * not stored, so the teller can fix the cause and retry with the same key.
 */
export const once = <T>(
  sql: Sql,
  route: string,
  key: string,
  body: unknown,
  nowMs: number,
  fn: () => HandlerResult<T>,
  /**
   * Another body under a seen key: `same` says whether the stored answer still answers it (the branch was upgraded
   * while the request was pending, so the retry has the request's new shape); `reused`, what the teller is told if not.
   */
  otherBody: { same: (answer: T) => boolean; reused: string } = { same: () => false, reused: 'La clave de la solicitud ya se usó con otros datos. Inicie la solicitud de nuevo.' },
): HandlerResult<T> =>
  sql.tx(() => {
    const hash = hashCanonical({ route, body });
    const seen = sql.get<{ hash: string; response: string }>('SELECT hash, response FROM requests WHERE key = ?', key);
    if (seen) {
      const answer = JSON.parse(seen.response) as T;
      if (seen.hash !== hash && !otherBody.same(answer)) return fail(409, 'KEY_REUSED', otherBody.reused);
      return { ok: true, value: answer };
    }
    const result = fn();
    if (result.ok) {
      sql.run('INSERT INTO requests (key, route, hash, response, at_ms) VALUES (?, ?, ?, ?, ?)', key, route, hash, JSON.stringify(result.value), nowMs);
    }
    return result;
  });
