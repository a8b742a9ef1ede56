import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../compose';
import { tempCore, tempDir } from '../../testing/temp-core';
import { startBrowserHost, type BrowserHost } from './server';

interface Wire {
  t: string;
  id?: number;
  event?: string;
  result?: { ok: boolean; data?: unknown; error?: { code: string } };
}

/** A bridge client as the page's transport is: real WebSocket, the launch token, the host's own Origin. */
const open = async (host: BrowserHost) => {
  const ws = new WebSocket(`${host.url.replace('http', 'ws')}/bridge?token=${host.token}`, { origin: host.url });
  const seen: Wire[] = [];
  const waiters: (() => void)[] = [];
  let closedWith: number | null = null;
  ws.on('message', (raw: Buffer) => {
    seen.push(JSON.parse(raw.toString()) as Wire);
    waiters.forEach((w) => w());
  });
  ws.on('close', (code: number) => {
    closedWith = code;
    waiters.forEach((w) => w());
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const until = <T>(what: string, check: () => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; seen ${JSON.stringify(seen)}`)), 3000);
      const test = () => {
        const v = check();
        if (v === undefined) return;
        clearTimeout(timer);
        resolve(v);
      };
      waiters.push(test);
      test();
    });
  let nextId = 0;
  return {
    seen,
    closedWith: () => closedWith,
    closed: () => until('close', () => closedWith ?? undefined),
    superseded: () => until('superseded', () => seen.find((m) => m.t === 'superseded')),
    send: (channel: string, payload: unknown = {}) => {
      const id = ++nextId;
      ws.send(JSON.stringify({ t: 'call', id, channel, payload }));
      return until(`answer to ${channel}`, () => seen.find((m) => m.t === 'result' && m.id === id)?.result);
    },
    close: () => ws.close(),
  };
};

const KEY = '0c7a1e52-3b4d-4f6a-9e8b-1a2b3c4d5e6f';
const count = { '100000': 10, '50000': 20, '500': 40 };

describe('browser host: one live window per workstation', () => {
  let t: Awaited<ReturnType<typeof tempCore>>;
  let host: BrowserHost;
  let renderer: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await host.close();
    t.close();
    renderer.remove();
  });

  /** A real core on SQLite behind the real host; `hold` keeps one channel's calls in flight until `release`. */
  const start = async () => {
    t = await tempCore();
    renderer = tempDir('caja-renderer-');
    const dispatched: string[] = [];
    let hold: string | null = null;
    let release = () => {};
    const held = () => new Promise<void>((r) => (release = r));
    const real = t.core;
    const core: Core = {
      ...real,
      dispatch: async (channel, payload) => {
        dispatched.push(channel);
        if (channel === hold) await held();
        return real.dispatch(channel, payload);
      },
    };
    host = await startBrowserHost({ core, rendererDir: renderer.dir, port: 0, log: () => {} });
    return {
      dispatched,
      hold: (channel: string) => (hold = channel),
      release: () => {
        hold = null;
        release();
      },
    };
  };

  it('a second window with the launch token takes over; the first is told and closed, and serves nothing more', async () => {
    await start();
    const first = await open(host);
    expect(await first.send('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });

    const second = await open(host);
    await first.superseded();
    expect(await first.closed()).toBe(4001);
    // The session is the workstation's: the window that took over carries on with it.
    expect(await second.send('session.current')).toMatchObject({ ok: true, data: { state: 'active', user: { username: 'cajero1' } } });
    expect(second.closedWith()).toBeNull();

    // The first window's events stopped with it; the live one still hears the core.
    const before = first.seen.length;
    expect(await second.send('session.lock')).toMatchObject({ ok: true });
    await expect.poll(() => second.seen.some((m) => m.t === 'event' && m.event === 'session.changed')).toBe(true);
    expect(first.seen.length).toBe(before);
    second.close();
  });

  it('a posting in flight on the replaced window is finished once and answered there before it closes; later calls there are not run', async () => {
    const gate = await start();
    const first = await open(host);
    await first.send('session.login', { username: 'cajero1', password: 'Caja.2026' });
    gate.hold('till.open');
    const opening = first.send('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 });
    await expect.poll(() => gate.dispatched.includes('till.open')).toBe(true);

    const second = await open(host);
    await first.superseded();
    // Still open: it owes the answer of the call the core is running.
    expect(first.closedWith()).toBeNull();
    // A call that left before the window heard it was replaced: answered as never sent, and the core never saw it.
    const runs = gate.dispatched.length;
    expect(await first.send('till.current')).toMatchObject({ ok: false, error: { code: 'CORE_UNREACHABLE' } });
    expect(gate.dispatched.length).toBe(runs);

    gate.release();
    expect(await opening).toMatchObject({ ok: true, data: { till: { state: 'abierta', openingTotal: 2_020_000 } } });
    expect(await first.closed()).toBe(4001);

    // Applied once: the live window sees that till, and a retry of the same key answers it instead of a second one.
    const current = await second.send('till.current');
    expect(current).toMatchObject({ ok: true, data: { till: { state: 'abierta' } } });
    const retry = await second.send('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 });
    expect(retry).toEqual(await opening);
    expect(t.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'till_open'").pluck().get()).toBe(1);
    second.close();
  });

  it('"Usar aquí" (connecting again) takes the workstation back and the other window is told in turn', async () => {
    await start();
    const first = await open(host);
    const second = await open(host);
    await first.superseded();
    const again = await open(host);
    await second.superseded();
    expect(await second.closed()).toBe(4001);
    expect(await again.send('status.get')).toMatchObject({ ok: true });
    again.close();
  });
});
