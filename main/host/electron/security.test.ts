import { describe, expect, it } from 'vitest';
import { createCallHandler, type CallEvent } from './ipc';
import { CONTENT_SECURITY_POLICY, isTrustedSender, responseHeaders, SESSION_PARTITION, webPreferences } from './security';

// Architecture anchors §7 (Electron security checklist), items 2–10, 17, 18, 20.
describe('webPreferences', () => {
  it('sets every switch of the checklist explicitly (items 2, 3, 4, 6, 8–12)', () => {
    expect(webPreferences('/x/preload.cjs', { packaged: true })).toStrictEqual({
      preload: '/x/preload.cjs',
      partition: SESSION_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('opens devTools only in an unpackaged (development) run', () => {
    expect(webPreferences('p', { packaged: true }).devTools).toBe(false);
    expect(webPreferences('p', { packaged: false }).devTools).toBe(true);
  });

  it('uses a persisted partition of its own, not the default session', () => {
    expect(SESSION_PARTITION).toMatch(/^persist:caja$/);
  });
});

describe('Content-Security-Policy (item 7)', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('falls back to nothing and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('travels on every answer of the app:// handler with nosniff', () => {
    const h = responseHeaders('text/html');
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('isTrustedSender (item 17)', () => {
  const main = { url: 'app://caja/index.html', parent: null };

  it('accepts only the main frame on app://caja', () => {
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender({ url: 'app://caja/', parent: null }, undefined)).toBe(false);
  });

  it.each([
    ['another origin', 'https://evil.example/index.html'],
    ['file://', 'file:///opt/Caja/resources/app.asar/out/renderer/index.html'],
    ['another app host', 'app://other/index.html'],
    ['look-alike host', 'app://caja.evil/index.html'],
    ['userinfo trick', 'app://caja@evil/index.html'],
    ['not a URL', 'caja'],
  ])('refuses %s', (_why, url) => {
    const frame = { url, parent: null };
    expect(isTrustedSender(frame, frame)).toBe(false);
  });

  it('refuses a subframe even on the app origin, and a frame that is gone', () => {
    const sub = { url: 'app://caja/index.html', parent: main };
    expect(isTrustedSender(sub, sub)).toBe(false);
    expect(isTrustedSender(sub, main)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
  });
});

describe('createCallHandler', () => {
  const main = { url: 'app://caja/index.html', parent: null };
  const event = (frame: CallEvent['senderFrame'], mainFrame: unknown = frame): CallEvent => ({ senderFrame: frame, sender: { mainFrame } });
  const setup = () => {
    const relayed: [string, unknown][] = [];
    const warnings: string[] = [];
    const handler = createCallHandler(
      async (channel, payload) => {
        relayed.push([channel, payload]);
        return { ok: true, data: {} };
      },
      (msg) => warnings.push(msg),
    );
    return { handler, relayed, warnings };
  };

  it('relays a known channel from the app window unchanged', async () => {
    const { handler, relayed } = setup();
    await expect(handler(event(main), 'status.get', { a: 1 })).resolves.toEqual({ ok: true, data: {} });
    expect(relayed).toEqual([['status.get', { a: 1 }]]);
  });

  it('refuses an untrusted sender with FORBIDDEN before relaying', async () => {
    const { handler, relayed, warnings } = setup();
    const foreign = { url: 'https://evil.example/', parent: null };
    const r = await handler(event(foreign), 'status.get', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(relayed).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it.each([['nope.nothing'], ['__proto__'], ['constructor'], [42], [null], [{ toString: () => 'status.get' }]])(
    'refuses channel %s with UNKNOWN_CHANNEL before relaying',
    async (channel) => {
      const { handler, relayed } = setup();
      const r = await handler(event(main), channel, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(relayed).toEqual([]);
    },
  );
});
