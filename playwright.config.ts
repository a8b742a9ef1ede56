import { defineConfig } from '@playwright/test';

/**
 * Two projects run the same specs: `browser-host` (Debian's Chromium against the browser host, runs here and
 * in CI) and `electron` (the real shell; its fixture skips every test, with the reason, where the Electron
 * runtime is not installed).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser-host', use: { browserName: 'chromium' } },
    { name: 'electron', use: {} },
  ],
});
