import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRemoteCash } from './remote-cash';

/** Whether a promise has settled yet, asked without awaiting it. */
const watch = (p: Promise<unknown>) => {
  let settled = false;
  void p.then(() => (settled = true));
  return { settled: () => settled, done: p };
};
const answer = (elsewhere: number) => ({ ok: true as const, data: { customer: 'CC:1', month: '2026-11', elsewhere } });

describe('remote cash (the customer’s cash at other workstations)', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps central’s figure per customer and month; unknown is 0', async () => {
    const central = { call: vi.fn(() => Promise.resolve(answer(45_000_000))) };
    const r = createRemoteCash({ central: central as never });
    expect(r.elsewhere('CC:1', '2026-11')).toBe(0);
    await r.refresh('CC:1', '2026-11');
    expect([r.elsewhere('CC:1', '2026-11'), r.elsewhere('CC:1', '2026-10')]).toEqual([45_000_000, 0]);
    expect(central.call).toHaveBeenCalledWith('customerCash', { customer: 'CC:1', month: '2026-11' });
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

  it('without central nothing is asked', async () => {
    const r = createRemoteCash({ central: null });
    await r.refresh('CC:1', '2026-11');
    expect(r.elsewhere('CC:1', '2026-11')).toBe(0);
  });
});
