import { Buffer } from 'node:buffer';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FingerprintMatchResponseSchema } from '../../domain/central-api';
import { DEMO_TEMPLATE_FORMAT, demoTemplate, demoTemplateBase64 } from '../../domain/devices/demo-citizens';
import { startTestCentral, type TestCentral } from '../testing/harness';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const match = async (documentNumber: string, template: string) =>
  FingerprintMatchResponseSchema.parse(
    (await t.call('matchFingerprint', { documentType: 'CC', documentNumber, template, format: DEMO_TEMPLATE_FORMAT })).body,
  );

it('matches a demo citizen’s derived template, for any finger', async () => {
  const r = await match('900000001', demoTemplateBase64('900000001', 'right-index'));
  expect(r).toMatchObject({ result: 'match', score: 100 });
  expect(r.transactionId).not.toBe('');
  expect((await match('900000001', demoTemplateBase64('900000001', 'left-thumb'))).result).toBe('match');
});

it('does not match another citizen’s finger, nor an unknown document', async () => {
  expect(await match('900000001', demoTemplateBase64('900000002', 'right-index'))).toMatchObject({ result: 'no_match' });
  expect(await match('123456789', demoTemplateBase64('900000001', 'right-index'))).toMatchObject({ result: 'no_match', score: 0 });
});

it('scores a slightly noisy capture as a match and a flat or short one as poor quality', async () => {
  const noisy = demoTemplate('900000003', 'right-index');
  for (let i = 0; i < noisy.length; i += 20) noisy[i] = (noisy[i] ?? 0) ^ 0xff;
  const r = await match('900000003', Buffer.from(noisy).toString('base64'));
  expect(r.result).toBe('match');
  expect(r.score).toBeLessThan(100);
  expect((await match('900000003', Buffer.alloc(512, 7).toString('base64'))).result).toBe('poor_quality');
  expect((await match('900000003', Buffer.from(demoTemplate('900000003', 'right-index').slice(0, 100)).toString('base64'))).result).toBe('poor_quality');
});
