import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_TEMPLATE_FORMAT, demoTemplateBase64 } from '../../domain/devices/demo-citizens';
import { startTestCentral, type TestCentral } from '../testing/harness';

/**
 * A withdrawal's "no coincide" answers are the person's for the Bogotá day at every workstation (seed 003 cl. 4 c;
 * domain/withdrawal/fingerprint.ts): central sees them all, so it counts them and refuses the fourth match request
 * itself, wherever it comes from. Over real HTTP, two workstations with their own tokens.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const ROSA = '900000005';
/** `finger`: whose finger is on the reader (another citizen's gives "no coincide"). */
const match = (workstation: string, finger: string, purpose?: 'withdrawal' | 'security_code') =>
  t.call(
    'matchFingerprint',
    { documentType: 'CC', documentNumber: ROSA, template: demoTemplateBase64(finger, 'right-index'), format: DEMO_TEMPLATE_FORMAT, ...(purpose ? { purpose } : {}) },
    workstation,
  );

it('counts a withdrawal’s "no coincide" across workstations and refuses the fourth request, even with the right finger, until the next Bogotá day', async () => {
  expect(await match('001-01', '900000002', 'withdrawal')).toMatchObject({ status: 200, body: { result: 'no_match', failuresToday: 1 } });
  // A match and a poor capture are not failures.
  expect(await match('001-01', ROSA, 'withdrawal')).toMatchObject({ status: 200, body: { result: 'match', failuresToday: 1 } });
  expect(await match('001-02', '900000002', 'withdrawal')).toMatchObject({ status: 200, body: { result: 'no_match', failuresToday: 2 } });
  t.clock.advance(7 * 60_000);
  expect(await match('001-02', '900000002', 'withdrawal')).toMatchObject({ status: 200, body: { result: 'no_match', failuresToday: 3 } });

  const refused = await match('001-01', ROSA, 'withdrawal');
  expect(refused).toMatchObject({
    status: 409,
    body: { error: { code: 'FINGERPRINT_ATTEMPTS_EXHAUSTED', details: { failures: 3, lastWorkstation: '001-02', lastAt: '2025-03-10T15:07:00.000Z' } } },
  });
  expect((refused.body as { error: { message: string } }).error.message).toBe(
    'La huella de CC *****0005 no coincidió 3 veces con la Registraduría (hoy, la última en la estación 001-02 a las 10:07): el retiro no se puede hacer. No hay excepción posible; oriente al cliente a aclarar su identidad en la Registraduría.',
  );
  expect(await match('001-02', ROSA, 'withdrawal')).toMatchObject({ status: 409 });
  // F7 and a contact update keep their own rule: their matches are not a withdrawal's.
  expect(await match('001-01', ROSA, 'security_code')).toMatchObject({ status: 200, body: { result: 'match' } });
  expect(await match('001-01', ROSA)).toMatchObject({ status: 200, body: { result: 'match' } });

  // 10:07 in Bogotá plus 13 h 53 min is the next day's midnight there.
  t.clock.advance(13 * 3_600_000 + 53 * 60_000);
  expect(await match('001-01', ROSA, 'withdrawal')).toMatchObject({ status: 200, body: { result: 'match', failuresToday: 0 } });
});

it('two workstations asking at once after two "no coincide": exactly one more is answered, every other request is refused', async () => {
  await match('001-01', '900000002', 'withdrawal');
  await match('001-01', '900000002', 'withdrawal');
  const answers = await Promise.all(['001-01', '001-02', '001-01', '001-02', '001-01', '001-02'].map((ws) => match(ws, '900000002', 'withdrawal')));
  expect(answers.filter((a) => a.status === 200)).toMatchObject([{ body: { result: 'no_match', failuresToday: 3 } }]);
  expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
  for (const a of answers.filter((x) => x.status === 409)) expect(a.body).toMatchObject({ error: { code: 'FINGERPRINT_ATTEMPTS_EXHAUSTED', details: { failures: 3 } } });
});
