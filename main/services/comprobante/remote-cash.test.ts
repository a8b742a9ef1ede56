import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRemoteCash } from './remote-cash';

/** Whether a promise has settled yet, asked without awaiting it. */
const watch = (p: Promise<unknown>) => {
  let settled = false;
  void p.then(() => (settled = true));
  return { settled: () => settled, done: p };
};
const op = (amount: number) => ({ key: 'k-1', workstation: '001-01', on: '2026-11-03', direction: 'deposito' as const, amount });
const answer = (amount: number) => ({ ok: true as const, data: { customer: 'CC:1', month: '2026-11', operations: [op(amount)] } });

describe('remote cash (the customer’s cash at other workstations)', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps central’s operations per customer and month; unknown is null', async () => {
    const central = { call: vi.fn(() => Promise.resolve(answer(45_000_000))) };
    const r = createRemoteCash({ central: central as never });
    expect(r.operations('CC:1', '2026-11')).toBeNull();
    await r.refresh('CC:1', '2026-11');
    expect([r.operations('CC:1', '2026-11'), r.operations('CC:1', '2026-10')]).toEqual([[op(45_000_000)], null]);
    expect(central.call).toHaveBeenCalledWith('customerCashOperations', { customer: 'CC:1', month: '2026-11' });
  });

  it('a silent central is waited for a bounded time once; later refreshes do not wait while it stays silent', async () => {
    vi.useFakeTimers();
    let now = 0;
    const central = { call: vi.fn(() => new Promise<never>(() => undefined)) };
    const r = createRemoteCash({ central: central as never, now: () => now });
    const first = watch(r.refresh('CC:1', '2026-11'));
    await vi.advanceTimersByTimeAsync(799);
    expect(first.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await first.done;
    // No timer advances: it returns at once (the call still goes out, in the background).
    await r.refresh('CC:1', '2026-11');
    expect(central.call).toHaveBeenCalledTimes(2);
    now = 31_000;
    const third = watch(r.refresh('CC:1', '2026-11'));
    await vi.advanceTimersByTimeAsync(10);
    expect(third.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(790);
    await third.done;
  });

  // QA: central went down after one answer and the UIAF check went on with that answer, saying nothing.
  it('an answer given earlier still counts once central fails, but is no longer known: it is stale', async () => {
    let up = true;
    const central = { call: vi.fn(() => (up ? Promise.resolve(answer(45_000_000)) : Promise.reject(new Error('ECONNREFUSED')))) };
    const r = createRemoteCash({ central: central as never });
    await r.refresh('CC:1', '2026-11');
    expect([r.known('CC:1', '2026-11'), r.stale('CC:1', '2026-11')]).toEqual([true, false]);
    up = false;
    await r.refresh('CC:1', '2026-11');
    expect([r.operations('CC:1', '2026-11'), r.known('CC:1', '2026-11'), r.stale('CC:1', '2026-11')]).toEqual([[op(45_000_000)], false, true]);
    // While central stays quiet the ask is not waited for, and what is here is still not known.
    up = true;
    const quiet = r.refresh('CC:1', '2026-11');
    expect(r.known('CC:1', '2026-11')).toBe(false);
    await quiet;
    // Its answer, arriving in the background, makes it known again.
    await vi.waitFor(() => expect(r.known('CC:1', '2026-11')).toBe(true));
  });

  it('without central nothing is asked', async () => {
    const r = createRemoteCash({ central: null });
    await r.refresh('CC:1', '2026-11');
    expect(r.operations('CC:1', '2026-11')).toBeNull();
  });
});
