import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

// Architecture anchors §7 item 18: the UI is served from app:// with a path-traversal check, never file://.
describe('serveAppRequest', () => {
  const base = mkdtempSync(join(tmpdir(), 'caja-app-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Caja</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html for the entry and the root, with the CSP header', async () => {
    for (const url of ['app://caja/index.html', 'app://caja/', 'app://caja']) {
      const r = await serveAppRequest(root, url);
      expect(r.status).toBe(200);
      expect(String(r.body)).toContain('<title>Caja</title>');
      expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
    }
  });

  it('serves assets with their type and ignores query and fragment', async () => {
    const r = await serveAppRequest(root, 'app://caja/assets/app.js?v=1#x');
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://caja/../secret.txt',
    'app://caja/%2e%2e/secret.txt',
    'app://caja/assets/..%2f..%2fsecret.txt',
    'app://caja/%2e%2e%5csecret.txt',
    'app://caja/index.html%00.js',
    'app://caja/%E0%A4%A',
    'app://other/index.html',
    'app://caja@other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s without leaving the renderer folder', async (url) => {
    const r = await serveAppRequest(root, url);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(String(r.body)).not.toContain('do not serve');
  });
});
