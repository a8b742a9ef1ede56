import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { test, expect } from './support/fixtures';
import type { Page, TestInfo } from '@playwright/test';
import { channelNames } from '../domain/contract';
import type { TellerApi } from '../domain/contract/client';

/** The page's window as the preload / browser-host client leaves it (types only; erased in page.evaluate). */
type AppWindow = Window & { teller?: TellerApi };

/**
 * Security properties of the UI<->core boundary (architecture anchors §7), run against the browser host and,
 * where its runtime exists, the Electron shell (same `app` fixture). Tests of the browser host's own network
 * surface (WebSocket bridge, Host header) are skipped in the electron project, which has no network surface.
 */

const isElectron = (info: TestInfo) => info.project.name === 'electron';
const browserHostOnly = (info: TestInfo) =>
  test.skip(isElectron(info), 'The Electron shell has no HTTP/WebSocket surface; its IPC checks are unit-tested in main/host/electron.');

const tellerReady = (app: Page) => app.waitForFunction(() => typeof (window as AppWindow).teller === 'object' && (window as AppWindow).teller !== null);

test('the page cannot reach Node, require or Electron internals; window.teller has only named functions', async ({ app }) => {
  await tellerReady(app);
  const seen = await app.evaluate(() => {
    const g = globalThis as Record<string, unknown>;
    const teller = (window as AppWindow).teller as unknown as Record<string, Record<string, unknown>>;
    return {
      require: typeof g.require,
      module: typeof g.module,
      process: typeof g.process,
      Buffer: typeof g.Buffer,
      electron: typeof g.electron,
      ipcRenderer: typeof g.ipcRenderer,
      keys: Object.keys(teller).sort(),
      methods: Object.fromEntries(
        Object.entries(teller).filter(([, v]) => typeof v === 'object').map(([k, v]) => [k, Object.keys(v).sort()]),
      ),
      allFunctions: Object.values(teller).every((v) => typeof v === 'function' || Object.values(v).every((f) => typeof f === 'function')),
    };
  });
  expect(seen).toMatchObject({ require: 'undefined', module: 'undefined', process: 'undefined', Buffer: 'undefined', electron: 'undefined', ipcRenderer: 'undefined' });
  // Exactly one named function per contract channel, grouped by feature, plus `on`.
  const expected: Record<string, string[]> = {};
  for (const name of channelNames) {
    const [ns, method] = name.split('.') as [string, string];
    (expected[ns] ??= []).push(method);
  }
  expect(seen.keys).toEqual([...Object.keys(expected), 'on'].sort());
  expect(seen.methods).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v.sort()])));
  expect(seen.allFunctions).toBe(true);
  // (Equality with the contract is the check: a generic `invoke`/`send` or an `ipcRenderer` would be extra keys.)
});

test('the CSP header is on the document and blocks an injected inline script and string eval', async ({ app }) => {
  await tellerReady(app);
  const csp = await app.evaluate(async () => (await fetch(location.href, { cache: 'no-store' })).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  const outcome = await app.evaluate(async () => {
    const g = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__cajaInjected = true;';
    document.body.appendChild(s);
    // A string timer is eval; it runs later, in the page's own context. (A direct eval() inside page.evaluate
    // would prove nothing: DevTools evaluations are exempt from the CSP eval check.)
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__cajaEvaluated = true;', 0);
    await new Promise((r) => setTimeout(r, 200));
    return { injected: g.__cajaInjected === true, evalRan: g.__cajaEvaluated === true, violations };
  });
  expect(outcome.injected).toBe(false);
  expect(outcome.evalRan).toBe(false);
  expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
});

test('the page names its own icon, served from the build, so the browser does not ask for a missing /favicon.ico', async ({ app }) => {
  await tellerReady(app);
  const icon = await app.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '';
    const r = href ? await fetch(href) : null;
    return { href, status: r?.status ?? 0, type: r?.headers.get('content-type') ?? '' };
  });
  expect(icon).toMatchObject({ href: expect.stringMatching(/\/assets\/favicon-[\w-]+\.svg$/), status: 200, type: 'image/svg+xml' });
});

test('a contract call with a bad payload gets a typed INVALID_REQUEST, not a crash', async ({ app }) => {
  await tellerReady(app);
  const results = await app.evaluate(async () => {
    const t = (window as AppWindow).teller as unknown as { session: { login(r: unknown): Promise<unknown> }; till: { open(r: unknown): Promise<unknown> } };
    return Promise.all([
      t.session.login({ username: 42, password: ['x'] }),
      t.session.login('not an object'),
      t.session.login({ username: 'cajero1' }),
    ]);
  });
  for (const r of results) {
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/^Datos inválidos/) } });
  }
  // The core is still answering afterwards.
  const after = await app.evaluate(() => (window as AppWindow).teller?.session.current({}));
  expect(after).toMatchObject({ ok: true, data: { state: 'signed_out' } });
});

test('an unknown channel over the raw bridge gets a typed UNKNOWN_CHANNEL', async ({ app, host }, info) => {
  browserHostOnly(info);
  const answer = await app.evaluate(
    ({ token }) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/bridge?token=${token}`);
        ws.onerror = () => reject(new Error('bridge refused the app page'));
        ws.onopen = () => ws.send(JSON.stringify({ t: 'call', id: 7, channel: 'vault.empty', payload: {} }));
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { t: string; id?: number; result?: unknown };
          if (m.t === 'result' && m.id === 7) {
            ws.close();
            resolve(m.result);
          }
        };
      }),
    { token: host.token },
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL', details: { channel: 'vault.empty' } } });
});

test('navigation to another origin: Electron prevents it; the browser host serves that origin nothing', async ({ app, host }, info) => {
  await tellerReady(app);
  const before = new URL(app.url()).origin;
  if (isElectron(info)) {
    // will-navigate is prevented: the window keeps the app and its teller.
    await app.evaluate(() => {
      location.href = 'https://example.org/';
    });
    await app.waitForTimeout(500);
    expect(new URL(app.url()).origin).toBe(before);
    expect(await app.evaluate(() => typeof (window as AppWindow).teller)).toBe('object');
    return;
  }
  // A browser tab can always be navigated by its user; what the host guarantees is that another origin gets
  // nothing: `localhost` is another origin than 127.0.0.1 and is refused (421) before any byte of the app.
  const foreign = host.origin.replace('127.0.0.1', 'localhost');
  // Chromium reports an empty error answer as ERR_HTTP_RESPONSE_CODE_FAILURE instead of a response.
  const outcome = await app.goto(`${foreign}/`).then(
    (r) => String(r?.status()),
    (e: Error) => e.message,
  );
  expect(outcome).toMatch(/^421$|ERR_HTTP_RESPONSE_CODE_FAILURE/);
  expect(await app.evaluate(() => typeof (window as AppWindow).teller)).toBe('undefined');
  expect(await app.content()).not.toContain('Caja · Ingreso');
});

test('window.open to another origin gives the page no window to script', async ({ app, host }, info) => {
  await tellerReady(app);
  const foreign = isElectron(info) ? 'https://example.org/' : host.origin.replace('127.0.0.1', 'localhost') + '/';
  const handle = await app.evaluate(async (url) => {
    const w = window.open(url, '_blank');
    if (w === null) return 'null';
    // Let the popup commit its navigation (it starts as a same-origin about:blank).
    await new Promise((r) => setTimeout(r, 1500));
    if (w.closed) return 'closed';
    try {
      return `reachable:${w.location.href}`;
    } catch {
      return 'cross-origin';
    }
  }, foreign);
  // Electron: setWindowOpenHandler denies every window. Browser host: COOP same-origin puts a foreign popup in
  // another browsing-context group, so the handle reads as closed (or at least cross-origin).
  info.annotations.push({ type: 'window.open handle', description: handle });
  if (isElectron(info)) expect(handle).toBe('null');
  else expect(['null', 'closed', 'cross-origin']).toContain(handle);
});

/** Opens a WebSocket to the bridge from Node with explicit headers and reports the HTTP status of the upgrade. */
const upgradeStatus = (url: string, headers: { origin?: string; host?: string }) =>
  new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url, { origin: headers.origin, headers: headers.host ? { Host: headers.host } : {} });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', (err) => {
      const m = /Unexpected server response: (\d+)/.exec(err.message);
      if (m?.[1]) resolve(Number(m[1]));
      else reject(err);
    });
  });

test('the WebSocket bridge refuses a missing or wrong token and a foreign Origin', async ({ host }, info) => {
  browserHostOnly(info);
  const bridge = `${host.origin.replace('http', 'ws')}/bridge`;
  const wrong = host.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  // Control: the right token from the right Origin is accepted, so the refusals below are not an accident.
  expect(await upgradeStatus(`${bridge}?token=${host.token}`, { origin: host.origin })).toBe(101);
  expect(await upgradeStatus(bridge, { origin: host.origin })).toBe(401);
  expect(await upgradeStatus(`${bridge}?token=`, { origin: host.origin })).toBe(401);
  expect(await upgradeStatus(`${bridge}?token=${wrong}`, { origin: host.origin })).toBe(401);
  expect(await upgradeStatus(`${bridge}?token=${host.token}x`, { origin: host.origin })).toBe(401);
  expect(await upgradeStatus(`${bridge}?token=${host.token}`, { origin: 'http://evil.example' })).toBe(403);
  expect(await upgradeStatus(`${bridge}?token=${host.token}`, { origin: host.origin.replace('127.0.0.1', 'localhost') })).toBe(403);
  expect(await upgradeStatus(`${bridge}?token=${host.token}`, {})).toBe(403);
});

/** A raw HTTP GET with a chosen Host header (what a DNS-rebinding page's requests look like). */
const getWithHost = (origin: string, host: string, path = '/') =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const req = httpRequest({ hostname, port, path, method: 'GET', headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

test('an HTTP request with a foreign Host header is refused (DNS rebinding)', async ({ host }, info) => {
  browserHostOnly(info);
  const port = new URL(host.origin).port;
  const own = await getWithHost(host.origin, `127.0.0.1:${port}`);
  expect(own.status).toBe(200);
  expect(own.body).toContain('<div id="root">');
  for (const foreign of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
    const r = await getWithHost(host.origin, foreign);
    expect(r.status, foreign).toBe(421);
    expect(r.body).not.toContain('<div id="root">');
  }
  // The same rule holds for the bridge upgrade.
  expect(await upgradeStatus(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, { origin: host.origin, host: `evil.example:${port}` })).toBe(421);
});
