import { afterEach, beforeEach, expect } from 'vitest';
import type { RunningCentral, World } from '../../comprobante/testing/world';
import { CC, startCentralProcess, world } from '../../comprobante/testing/world';
import { drainer } from '../../comprobante/testing/at-central';
import { tillCash } from '../../../testing/till-cash';

/** Two workstations under one id sharing a real central: the old machine's records, and the reinstalled one. */
export const DAY = 24 * 3_600_000;
export const key = () => crypto.randomUUID();
export const total = (c: Record<string, number>) => Object.entries(c).reduce((s, [d, n]) => s + Number(d) * n, 0);
export const open = (w: World, count: Record<string, number>, approvalId?: string) =>
  w.call('till.open', { idempotencyKey: key(), count, declaredTotal: total(count), ...(approvalId ? { approvalId } : {}) });
export const journalOpen = (w: World) =>
  JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'till_open' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as Record<string, unknown>;
export const approve = async (w: World, id: string) =>
  expect(await w.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true });
export const signIn = async (w: World, username: string) => {
  await w.call('session.logout', {});
  expect(await w.call('session.login', { username, password: 'Caja.2026' })).toMatchObject({ ok: true });
};

/** The arqueo of the open till, counted as it stands (squared), and its close. */
export const closeSquared = async (a: World) => {
  // The emulated printer finishes the receipt on its own time; the gate holds the close until it has.
  for (let i = 0; i < 100 && a.core.db.prepare("SELECT COUNT(*) FROM device_print_jobs WHERE state <> 'printed'").pluck().get() !== 0; i++) await new Promise((r) => setTimeout(r, 50));
  const { position } = tillCash(a.core.db);
  const counted = await a.call('till.count', { idempotencyKey: key(), count: position });
  if (!counted.ok) throw new Error(counted.error.message);
  expect(await a.call('till.close', { idempotencyKey: key(), closingId: (counted.data as { closingId: string }).closingId })).toMatchObject({ ok: true });
  return position;
};

/** Monday at workstation 001-03: a $ 100.000 deposit, the close counts the till squared, the outbox drains to central. */
export const closeMondayAtCentral = async (central: RunningCentral, worlds: World[]) => {
  const a = await world(central);
  worlds.push(a);
  expect(await a.call('deposit.post', { idempotencyKey: key(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 2 }, declaredTotal: 100_000 } })).toMatchObject({ ok: true });
  await drainer(a)();
  const position = await closeSquared(a);
  await drainer(a)();
  const closedTillId = a.core.db.prepare("SELECT id FROM till_sessions WHERE state = 'cerrada'").pluck().get() as string;
  return { a, position, closedTillId };
};

/**
 * A central process per test (a reinstalled machine's first opening is compared with whatever close central holds)
 * and the workstations the test made, closed after it.
 */
export const centralPerTest = () => {
  let central: RunningCentral;
  const worlds: World[] = [];
  beforeEach(async () => {
    central = await startCentralProcess();
  }, 40_000);
  afterEach(async () => {
    for (const w of worlds.splice(0)) w.close();
    await central.stop();
  });
  return {
    closeMonday: () => closeMondayAtCentral(central, worlds),
    /** A workstation reinstalled under the same id: an empty store, no till opened. */
    reinstall: async () => {
      const b = await world(central, { openTill: false });
      worlds.push(b);
      return b;
    },
  };
};
