import { useRef } from 'react';

type Answer = { ok: true } | { ok: false; error: { code: string } };

/**
 * Idempotency keys for requests whose answer may be lost. After CORE_NO_ANSWER the core may have applied the
 * request, so the same request sent again carries its first key and the core answers what it already did instead
 * of doing it again (or refusing it as done). Any other answer is definitive: the next request gets a new key.
 * `target` names what the request acts on (a remesa and its event, a cheque, a count), so another request never
 * borrows a key left pending by a different one.
 */
export const useRetryKeys = () => {
  const pending = useRef(new Map<string, string>());
  const run = async <R extends Answer>(target: string, call: (idempotencyKey: string) => Promise<R>): Promise<R> => {
    const key = pending.current.get(target) ?? crypto.randomUUID();
    pending.current.set(target, key);
    const r = await call(key);
    if (r.ok || r.error.code !== 'CORE_NO_ANSWER') pending.current.delete(target);
    return r;
  };
  return { run };
};
