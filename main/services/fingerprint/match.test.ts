import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../security-code/testing/world';
import { type CaptureAndMatchDeps, captureAndMatch } from './match';

/**
 * The capture + 1:1 match every fingerprint flow shares (domain-co §7), against the real device service on its GROW
 * emulator and a real central child process in demo mode (demo citizens: domain/devices/demo-citizens.ts).
 */
let w: World;
let deps: CaptureAndMatchDeps;
beforeAll(async () => {
  w = await startWorld();
  deps = { reader: { capture: (finger, o) => w.devices.captureFingerprint(finger, o) }, central: w.client, captureTimeoutMs: 2_000 };
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const CC = (number: string) => ({ type: 'CC' as const, number });

describe('capture and match (shared by the security code and the withdrawal)', () => {
  it('the person’s own finger matches, with central’s reference and score; the template is in no outcome', async () => {
    await w.place('900000001');
    const m = await captureAndMatch(deps, CC('900000001'), 'right-index');
    expect(m).toMatchObject({ kind: 'answered', result: 'match', transactionId: expect.any(String) });
    expect(JSON.stringify(m)).not.toContain('template');
  });

  it('another person’s finger is a "no coincide" with its own reference, every time it is tried', async () => {
    await w.place('900000002');
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await captureAndMatch(deps, CC('900000005'), 'right-index'));
    expect(answers.map((a) => (a.kind === 'answered' ? a.result : a.kind))).toEqual(['no_match', 'no_match', 'no_match']);
    const refs = answers.map((a) => (a.kind === 'answered' ? a.transactionId : ''));
    expect(new Set(refs).size).toBe(3);
  });

  it('the reader’s poor image is a failed capture without asking central; no finger means the reader is unavailable', async () => {
    await w.place('900000001');
    await w.readerMode('poor-image');
    expect(await captureAndMatch(deps, CC('900000001'), 'right-index')).toEqual({ kind: 'poor_image' });
    await w.readerMode('no-finger');
    expect(await captureAndMatch(deps, CC('900000001'), 'right-index')).toMatchObject({ kind: 'reader_unavailable' });
    await w.readerMode('ok');
    expect(await captureAndMatch({ ...deps, reader: null }, CC('900000001'), 'right-index')).toMatchObject({ kind: 'reader_unavailable', readerCode: null });
  });

  it('central unreachable: the match did not happen (no reference), so the flow may offer its exception', async () => {
    await w.place('900000001');
    w.link.down = true;
    try {
      expect(await captureAndMatch(deps, CC('900000001'), 'right-index')).toMatchObject({ kind: 'central_unavailable' });
    } finally {
      w.link.down = false;
    }
    expect(await captureAndMatch(deps, CC('900000001'), 'right-index')).toMatchObject({ kind: 'answered', result: 'match' });
  });
});
