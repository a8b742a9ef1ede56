import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWithdrawalFingerprints } from '../../../domain/withdrawal/fingerprint';
import { fingerprintRepo, type FingerprintRepo } from '../../store/fingerprint/repo';
import { startWorld, type World } from '../security-code/testing/world';
import { type WithdrawalFingerprintDeps, verifyWithdrawalFingerprint } from './fingerprint';

/**
 * A withdrawal's fingerprint verification (seed 003 cl. 4 c; domain-co §7) against the real device service on its
 * GROW emulator and a real central child process in demo mode (demo citizens: domain/devices/demo-citizens.ts).
 */
let w: World;
let matches: FingerprintRepo;
let deps: WithdrawalFingerprintDeps;
beforeAll(async () => {
  w = await startWorld();
  matches = fingerprintRepo(w.db);
  deps = { capture: { reader: { capture: (finger, o) => w.devices.captureFingerprint(finger, o) }, central: w.client, captureTimeoutMs: 2_000 }, matches, clock: w.clock };
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const CC = (number: string) => ({ type: 'CC' as const, number });
const rules = { fingerprintFrom: 10_000_000 };
/** Each test is its own comprobante: it starts a minute after the previous one. */
const newComprobante = () => {
  w.clock.advance(60_000);
  return w.clock.now().toISOString();
};
const verify = (number: string, since: string) =>
  verifyWithdrawalFingerprint(deps, { person: CC(number), finger: 'right-index', tellerId: 'u-cajero1', comprobanteStartedAt: since });

describe('withdrawal fingerprint verification against real central', () => {
  it('the holder’s own finger: verified with central’s reference, recorded by the core, accepted by the posting check', async () => {
    const since = newComprobante();
    await w.place('900000001');
    const v = await verify('900000001', since);
    expect(v).toMatchObject({ kind: 'verified', evidence: { kind: 'match', person: CC('900000001') } });
    if (v.kind !== 'verified') return;
    expect(v.message).toBe(`Identidad verificada con huella — ref ${v.evidence.reference}.`);
    expect(matches.get(v.evidence.reference)).toMatchObject({ result: 'match', purpose: 'withdrawal', tellerId: 'u-cajero1', document: CC('900000001') });
    const check = checkWithdrawalFingerprints(
      { amount: 12_000_000, presenters: [CC('900000001')], evidence: [v.evidence], attempts: matches.attempts([CC('900000001')], since, [v.evidence.reference]), comprobanteStartedAt: since },
      rules,
    );
    expect(check).toMatchObject({ ok: true, value: { verified: [{ reference: v.evidence.reference }], approvalReasons: [] } });
  });

  it('another person’s finger three times: two "no coincide" with the attempts left, the third refuses, a fourth never reaches the reader', async () => {
    const since = newComprobante();
    await w.place('900000002');
    const answers = [await verify('900000005', since), await verify('900000005', since), await verify('900000005', since)];
    expect(answers.map((a) => a.kind)).toEqual(['no_match', 'no_match', 'refused']);
    expect(answers[0]).toMatchObject({ failures: 1, remaining: 2, message: expect.stringContaining('quedan 2 intentos') });
    expect(answers[1]).toMatchObject({ failures: 2, remaining: 1, message: expect.stringContaining('queda 1 intento') });
    expect(answers[2]).toMatchObject({ failures: 3, message: expect.stringContaining('No hay excepción posible') });
    // Even the right finger now: refused without capturing (the reader would otherwise match it).
    await w.place('900000005');
    expect(await verify('900000005', since)).toMatchObject({ kind: 'refused', failures: 3 });
    expect(matches.attempts([CC('900000005')], since).filter((a) => a.result === 'no_match')).toHaveLength(3);
    // Nor can the reader being unplugged now turn the stop into the supervisor's exception.
    const check = checkWithdrawalFingerprints(
      { amount: 12_000_000, presenters: [CC('900000005')], evidence: [{ kind: 'exception', person: CC('900000005'), reason: 'READER_UNAVAILABLE' }], attempts: matches.attempts([CC('900000005')], since), comprobanteStartedAt: since },
      rules,
    );
    expect(check).toMatchObject({ ok: false, errors: [{ code: 'FINGERPRINT_REFUSED' }] });
  });

  it('a later comprobante the same day gives no new tries; the next Bogotá day starts again from zero "no coincide"', async () => {
    await w.place('900000005');
    expect(await verify('900000005', newComprobante())).toMatchObject({ kind: 'refused', failures: 3 });
    // Central counts them for the day too (every workstation's): its day turns as well.
    w.clock.advance(86_400_000);
    await w.advanceCentral(86_400_000);
    expect(await verify('900000005', newComprobante())).toMatchObject({ kind: 'verified' });
  });

  it('central unreachable: no reference, nothing recorded, the supervisor’s exception may be asked (IDENTITY_FALLBACK)', async () => {
    const since = newComprobante();
    await w.place('900000001');
    w.link.down = true;
    let v;
    try {
      v = await verify('900000001', since);
    } finally {
      w.link.down = false;
    }
    expect(v).toMatchObject({ kind: 'unavailable', reason: 'REGISTRY_UNAVAILABLE', exceptionAllowed: true });
    expect(matches.attempts([CC('900000001')], since)).toEqual([]);
    const check = checkWithdrawalFingerprints(
      { amount: 12_000_000, presenters: [CC('900000001')], evidence: [{ kind: 'exception', person: CC('900000001'), reason: 'REGISTRY_UNAVAILABLE' }], attempts: [], comprobanteStartedAt: since },
      rules,
    );
    expect(check).toMatchObject({ ok: true, value: { approvalReasons: [{ code: 'IDENTITY_FALLBACK' }] } });
  });

  it('after a "no coincide", an unplugged reader offers no exception', async () => {
    const since = newComprobante();
    await w.place('900000002');
    expect(await verify('900000001', since)).toMatchObject({ kind: 'no_match', failures: 1 });
    await w.readerMode('no-finger');
    try {
      expect(await verify('900000001', since)).toMatchObject({ kind: 'unavailable', reason: 'READER_UNAVAILABLE', exceptionAllowed: false });
    } finally {
      await w.readerMode('ok');
    }
  });
});
