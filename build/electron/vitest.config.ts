import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import base from '../../vitest.config';

/**
 * The root vitest config only includes the source layers; until `build/**` is added there, the packaging tests
 * run with `npx vitest run --config build/electron/vitest.config.ts` (same options, other include).
 */
// eslint-disable-next-line no-restricted-syntax -- vitest reads a config file's default export.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, include: ['build/**/*.test.ts'] },
});
