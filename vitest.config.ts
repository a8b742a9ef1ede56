import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,drivers,main,renderer,central,tools,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Device and central tests open real ptys, ports and child processes; keep files isolated.
    pool: 'forks',
  },
});
