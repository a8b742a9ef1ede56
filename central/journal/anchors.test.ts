import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
/** One installation of each workstation, as a store sends it (its id and its chain's first entry). */
const ONE = { installation: '0a'.repeat(16), firstHash: h('0') };
const TWO = { installation: '0b'.repeat(16), firstHash: h('9') };

it('anchors forward only: replay is a duplicate, backwards and forks are refused', async () => {
  expect((await t.call('anchorJournal', { workstation: '001-01', ...ONE, sequence: 10, headHash: h('a') })).body).toMatchObject({ status: 'anchored' });
  expect((await t.call('anchorJournal', { workstation: '001-01', ...ONE, sequence: 10, headHash: h('a') })).body).toMatchObject({ status: 'duplicate' });
  const fork = await t.call('anchorJournal', { workstation: '001-01', ...ONE, sequence: 10, headHash: h('b') });
  expect(fork.status).toBe(409);
  expect(fork.body).toMatchObject({ error: { code: 'CHAIN_FORK' } });
  expect((await t.call('anchorJournal', { workstation: '001-01', ...ONE, sequence: 25, headHash: h('c') })).status).toBe(200);
  const back = await t.call('anchorJournal', { workstation: '001-01', ...ONE, sequence: 20, headHash: h('d') });
  expect(back.status).toBe(409);
  expect(back.body).toMatchObject({ error: { code: 'SEQUENCE_BACKWARDS', details: { lastSequence: 25 } } });
  const latest = AnchorLatestResponseSchema.parse((await t.call('latestAnchor', { workstation: '001-01', installation: ONE.installation }, '001-02')).body);
  expect(latest.anchor).toMatchObject({ sequence: 25, headHash: h('c') });
});

it('keeps each workstation’s chain separate and refuses anchoring for another workstation', async () => {
  expect((await t.call('anchorJournal', { workstation: '001-02', ...TWO, sequence: 3, headHash: h('e') }, '001-02')).status).toBe(200);
  expect((await t.call('anchorJournal', { workstation: '001-01', ...ONE, sequence: 1, headHash: h('f') })).status).toBe(200);
  expect((await t.call('anchorJournal', { workstation: '001-02', ...TWO, sequence: 9, headHash: h('e') }, '001-01')).status).toBe(403);
});

describe('two installations of one workstation id (a reinstall on an empty store)', () => {
  const A = 'a1'.repeat(16);
  const B = 'b2'.repeat(16);
  const C = 'c3'.repeat(16);

  it('keeps each installation’s chain apart: the new one starts at 1, the old one stays complete, and the lookup names it', async () => {
    expect((await t.call('anchorJournal', { workstation: '001-03', installation: A, firstHash: h('1'), sequence: 12, headHash: h('a') }, '001-03')).status).toBe(200);
    // The reinstalled store: its own chain from 1, neither "backwards" nor a fork of the old one.
    expect((await t.call('anchorJournal', { workstation: '001-03', installation: B, firstHash: h('2'), sequence: 4, headHash: h('b') }, '001-03')).body).toMatchObject({ status: 'anchored' });
    const mine = AnchorLatestResponseSchema.parse((await t.call('latestAnchor', { workstation: '001-03', installation: B, firstHash: h('2') }, '001-03')).body);
    expect(mine).toMatchObject({ anchor: { sequence: 4, headHash: h('b') }, previous: { installation: A, sequence: 12 }, copiedFrom: null });
    const old = AnchorLatestResponseSchema.parse((await t.call('latestAnchor', { workstation: '001-03', installation: A }, '001-03')).body);
    expect(old.anchor).toMatchObject({ sequence: 12, headHash: h('a') });
    // Within one installation the rules stand: a fork and a step back are refused.
    expect((await t.call('anchorJournal', { workstation: '001-03', installation: B, firstHash: h('2'), sequence: 4, headHash: h('c') }, '001-03')).body).toMatchObject({ error: { code: 'CHAIN_FORK' } });
    expect((await t.call('anchorJournal', { workstation: '001-03', installation: B, firstHash: h('2'), sequence: 3, headHash: h('d') }, '001-03')).body).toMatchObject({ error: { code: 'SEQUENCE_BACKWARDS' } });
    // The same installation whose journal now starts with another first entry was rewritten from the start.
    expect((await t.call('anchorJournal', { workstation: '001-03', installation: B, firstHash: h('9'), sequence: 9, headHash: h('e') }, '001-03')).body).toMatchObject({ error: { code: 'CHAIN_FORK' } });
  });

  it('refuses a known chain under a new installation id (a copied store), at this workstation or another', async () => {
    expect((await t.call('anchorJournal', { workstation: '001-03', installation: A, firstHash: h('1'), sequence: 12, headHash: h('a') }, '001-03')).status).toBe(200);
    const copy = await t.call('anchorJournal', { workstation: '001-03', installation: C, firstHash: h('1'), sequence: 14, headHash: h('f') }, '001-03');
    expect(copy.status).toBe(409);
    expect(copy.body).toMatchObject({ error: { code: 'CHAIN_COPIED' } });
    expect((await t.call('anchorJournal', { workstation: '001-02', installation: A, firstHash: h('1'), sequence: 14, headHash: h('f') }, '001-02')).body).toMatchObject({ error: { code: 'CHAIN_COPIED' } });
    const lookup = AnchorLatestResponseSchema.parse((await t.call('latestAnchor', { workstation: '001-03', installation: C, firstHash: h('1') }, '001-03')).body);
    expect(lookup).toMatchObject({ anchor: null, copiedFrom: { workstation: '001-03', installation: A } });
  });
});
