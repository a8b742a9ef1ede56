import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CC, startCentralProcess, TODAY_UTC, world, type RunningCentral, type World } from '../comprobante/testing/world';
import { createCentralClient, type CentralCall, type CentralClient } from '../../sync/central-client';
import { data } from '../../testing/wire-data';

/**
 * A request whose relay found central down, relayed again minutes later, lapses at central when it lapses at the
 * workstation (±1 s), with the workstation's clock behind central's and ahead of it: each send says how long the
 * request has been open by the workstation's own clock, and central counts what is left from the send's arrival.
 */
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const LEFT_MS = 5_000;
const visacion = { accountNumber: '240000000029', amount: 6_000_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' as const } };

let ahead: RunningCentral;
let behind: RunningCentral;
beforeAll(async () => {
  // The machine's clock, years after the workstation's day; and one started an hour before the workstation's.
  [ahead, behind] = await Promise.all([startCentralProcess(), startCentralProcess({ clockStart: new Date(Date.parse(TODAY_UTC) - 60 * 60_000).toISOString() })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([ahead.stop(), behind.stop()]);
});
let w: World;
afterEach(() => w.close());

/** Central as the workstation reaches it, with the relay of requests cut while `down` (the rest answers as usual). */
const cutRelay = (central: RunningCentral) => {
  const real = createCentralClient({ url: central.url, token: 'caja-demo-token-001-03', timeoutMs: 3000 });
  const state = { down: true };
  const client: Pick<CentralClient, 'call'> = {
    call: (route, req) =>
      state.down && route === 'requestApproval'
        ? Promise.resolve({ ok: false, kind: 'network', error: { code: 'CENTRAL_UNREACHABLE', message: 'Sin central' } } as CentralCall<typeof route>)
        : real.call(route, req),
  };
  return { client, state };
};
/** `ms` later at the workstation only; the teller signs in again (the idle lock would refuse the call otherwise). */
const later = async (ms: number) => {
  w.clock.advance(ms);
  data(await w.call('session.logout', {}));
  data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
};
/** Central's copy of request `id`, once it holds it. */
const atCentral = async (id: string, ask: () => Promise<unknown>) => {
  await expect
    .poll(async () => {
      await ask();
      const r = await w.client.call('getApproval', { id });
      return r.ok ? r.data.approval.state : null;
    }, { timeout: 10_000 })
    .toBe('pending');
  const r = await w.client.call('getApproval', { id });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.approval;
};
/** A supervisor at another desk of the branch (001-01) decides it through central. */
const deskDecides = (central: RunningCentral, id: string) =>
  createCentralClient({ url: central.url, token: 'caja-demo-token-001-01', timeoutMs: 3000 }).call('decideApproval', { id, supervisorId: 'supervisor2', decision: 'approve', reason: 'Revisado en otra caja' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opened with central's relay cut, relayed again `LEFT_MS` before its deadline at the workstation: central keeps it
 * open that long from the arrival (its createdAt), not its whole time to live; then both say it lapsed.
 */
const lapsesTogether = async (central: RunningCentral, kind: 'reversal' | 'visacion') => {
  const cut = cutRelay(central);
  w = await world(central, { client: cut.client });
  let id: string;
  let ttlMs: number;
  if (kind === 'reversal') {
    const { sequence } = data<{ sequence: string }>(
      await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 24 }, declaredTotal: 1_200_000 } }),
    );
    id = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' })).approvalId;
    ttlMs = 30 * 60_000;
  } else {
    id = data<{ approval: { id: string } }>(await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request: visacion } })).approval.id;
    ttlMs = 15 * 60_000;
  }
  expect((await w.client.call('getApproval', { id })).ok).toBe(false);
  await later(ttlMs - LEFT_MS);
  cut.state.down = false;
  // The teller's screen asks after its request: the relay goes again, now that central answers.
  const made = await atCentral(id, () => (kind === 'reversal' ? w.call('supervisor.request', { id }) : w.call('approval.get', { approvalId: id })));
  const leftAtCentral = Date.parse(made.expiresAt) - Date.parse(made.createdAt);
  expect(Math.abs(leftAtCentral - LEFT_MS)).toBeLessThanOrEqual(1_000);
  // Once that much time has passed for both, a desk's decision is refused at central as at the counter.
  await sleep(Math.max(0, Date.parse(made.expiresAt) - Date.parse(made.createdAt)) + 300);
  expect(await deskDecides(central, id)).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED' } });
  await later(LEFT_MS);
  const counter = kind === 'reversal' ? await w.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', ...SUP }) : await w.call('approval.decide', { approvalId: id, decision: 'aprobar', ...SUP });
  expect(counter).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED' } });
};

describe('a relay sent late lapses at central when it lapses at the workstation', () => {
  it('workstation clock behind central’s: a reversal', () => lapsesTogether(ahead, 'reversal'), 60_000);
  it('workstation clock behind central’s: a visación', () => lapsesTogether(ahead, 'visacion'), 60_000);
  it('workstation clock ahead of central’s: a reversal', () => lapsesTogether(behind, 'reversal'), 60_000);
  it('workstation clock ahead of central’s: a visación', () => lapsesTogether(behind, 'visacion'), 60_000);
});
