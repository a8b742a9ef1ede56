import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, type Station } from '../../testing/stations';

/**
 * Seed 003 cl. 4 c across windows: the three "no coincide" are the person's for the Bogotá day, not the
 * workstation's. A person refused at one window gets no new tries at the next, even with the right finger, even
 * once that window loses central (it keeps what central told). Two real cores, one real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const CC = (number: string) => ({ type: 'CC' as const, number });
const CONFIG = { rules: { fingerprintFrom: 2_000_000 } };
const station = async (id: string, teller: string) => {
  const s = await startStation(central, id, true, CONFIG);
  open.push(s);
  data(await s.call('session.login', { username: teller, password: 'Caja.2026' }));
  return s;
};
/** `finger`: whose finger is on the station's emulated reader; `person`: whose match is asked. */
const capture = async (s: Station, comprobanteId: string, person: string, finger: string) => {
  data(await s.call('devices.emulator', { action: 'fingerprint.place', documentNumber: finger, finger: 'right-index' }));
  return data<{ outcome: string; message: string; remaining?: number; exceptionAllowed?: boolean }>(
    await s.call('withdrawal.fingerprint', { comprobanteId, person: CC(person), finger: 'right-index', consentVersion: biometricConsent('withdrawal').version }),
  );
};
const noMatchesAt = (s: Station, person: string): number =>
  s.core.db.prepare("SELECT COUNT(*) FROM fingerprint_matches WHERE document_number = ? AND result = 'no_match'").pluck().get(person) as number;

it('three "no coincide" at one window: the next window refuses the same day, with the right finger, and after a restart without central', async () => {
  const JUAN = '900000002'; // holder of 240000000029 ($ 15.800.000)
  const one = await station('001-02', 'cajero1');
  const two = await station('001-03', 'cajero2');
  const first = randomUUID();
  expect((await capture(one, first, JUAN, '900000001')).outcome).toBe('no_match');
  expect((await capture(one, first, JUAN, '900000001')).outcome).toBe('no_match');
  expect((await capture(one, first, JUAN, '900000001')).outcome).toBe('refused');

  const other = randomUUID();
  const refused = await capture(two, other, JUAN, JUAN);
  expect(refused.outcome).toBe('refused');
  expect(refused.message).toMatch(/^La huella de CC \*{5}0002 no coincidió 3 veces con la Registraduría \(hoy, la última en la estación 001-02 a las \d\d:\d\d\): el retiro no se puede hacer\. No hay excepción posible/);

  // Without central, what it told still stands: no capture, no supervisor's exception at the approval.
  await two.reopen(false);
  await two.as({ username: 'cajero2', password: 'Caja.2026' });
  expect((await capture(two, other, JUAN, JUAN)).outcome).toBe('refused');
  const request = {
    accountNumber: '240000000029',
    amount: 2_000_000,
    presenters: [CC(JUAN)],
    payout: { kind: 'cheque-gerencia', number: '730001' },
    identity: { comprobanteId: other, fingerprints: [{ kind: 'exception', person: CC(JUAN), reason: 'REGISTRY_UNAVAILABLE' }] },
  };
  const asked = await two.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request } });
  expect(asked).toMatchObject({ ok: false, error: { details: { errors: [{ code: 'FINGERPRINT_REFUSED', message: refused.message }] } } });
}, 120_000);

it('one "no coincide" at each window leaves one try between them, and two windows trying it at once get one answer', async () => {
  const LUZ = '900000003';
  const one = await station('001-02', 'cajero1');
  const two = await station('001-03', 'cajero2');
  const [a, b] = [randomUUID(), randomUUID()];
  expect(await capture(one, a, LUZ, '900000002')).toMatchObject({ outcome: 'no_match', remaining: 2 });
  expect(await capture(two, b, LUZ, '900000002')).toMatchObject({ outcome: 'no_match', remaining: 1, message: expect.stringContaining('queda 1 intento') });

  const both = await Promise.all([capture(one, a, LUZ, '900000002'), capture(two, b, LUZ, '900000002')]);
  expect(both.map((x) => x.outcome)).toEqual(['refused', 'refused']);
  // Central answered only one of them: three "no coincide" in all, never a fourth.
  expect(noMatchesAt(one, LUZ) + noMatchesAt(two, LUZ)).toBe(3);
}, 120_000);
