import { afterEach, beforeEach, expect, it } from 'vitest';
import { AnchorLatestResponseSchema } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const h = (c: string): string => c.repeat(64);

it('anchors forward only: replay is a duplicate, backwards and forks are refused', async () => {
  expect((await t.call('anchorJournal', { workstation: '001-01', sequence: 10, headHash: h('a') })).body).toMatchObject({ status: 'anchored' });
  expect((await t.call('anchorJournal', { workstation: '001-01', sequence: 10, headHash: h('a') })).body).toMatchObject({ status: 'duplicate' });
  const fork = await t.call('anchorJournal', { workstation: '001-01', sequence: 10, headHash: h('b') });
  expect(fork.status).toBe(409);
  expect(fork.body).toMatchObject({ error: { code: 'CHAIN_FORK' } });
  expect((await t.call('anchorJournal', { workstation: '001-01', sequence: 25, headHash: h('c') })).status).toBe(200);
  const back = await t.call('anchorJournal', { workstation: '001-01', sequence: 20, headHash: h('d') });
  expect(back.status).toBe(409);
  expect(back.body).toMatchObject({ error: { code: 'SEQUENCE_BACKWARDS', details: { lastSequence: 25 } } });
  const latest = AnchorLatestResponseSchema.parse((await t.call('latestAnchor', { workstation: '001-01' }, '001-02')).body);
  expect(latest.anchor).toMatchObject({ sequence: 25, headHash: h('c') });
});

it('keeps each workstation’s chain separate and refuses anchoring for another workstation', async () => {
  expect((await t.call('anchorJournal', { workstation: '001-02', sequence: 3, headHash: h('e') }, '001-02')).status).toBe(200);
  expect((await t.call('anchorJournal', { workstation: '001-01', sequence: 1, headHash: h('f') })).status).toBe(200);
  expect((await t.call('anchorJournal', { workstation: '001-02', sequence: 9, headHash: h('e') }, '001-01')).status).toBe(403);
});
