// `npm test`: lint, typecheck, unit (vitest) and e2e (Playwright) in that order, then one closing line with the
// totals of both runners ("tests: N passed, N failed, N skipped"), so CI and people read one figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = 'out/test';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const run = (label, cmd, args, env = {}) => {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};

const steps = [];
const step = (label, ok) => steps.push({ label, ok });

step('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']));
step('typecheck', run('typecheck', 'npm', ['run', '--silent', 'typecheck']));
step('unit', run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]));
// The Electron bundles are built too, so the electron project runs wherever its runtime exists.
const built = run('build', 'npm', ['run', '--silent', 'build']) && run('build:electron', 'npm', ['run', '--silent', 'build:electron']);
step('build', built);
if (built) {
  step('e2e', run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json` }));
} else {
  step('e2e', false);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const readJson = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const vitest = readJson(`${OUT}/vitest.json`);
// A test file that fails to load has no test results of its own; count it as one failure.
const brokenFiles = (vitest?.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + brokenFiles;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const pw = readJson(`${OUT}/playwright.json`);
if (pw?.stats) {
  totals.passed += pw.stats.expected + (pw.stats.flaky ?? 0);
  totals.failed += pw.stats.unexpected;
  totals.skipped += pw.stats.skipped;
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.label}`);
if (vitest) console.log(`  unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests + brokenFiles} failed, ${vitest.numPendingTests} skipped${brokenFiles ? ` (${brokenFiles} test files failed to load)` : ''}`);
if (pw?.stats) console.log(`  e2e: ${pw.stats.expected} passed, ${pw.stats.unexpected} failed, ${pw.stats.skipped} skipped (Electron project skipped where its runtime is missing)`);
const failedSteps = steps.filter((s) => !s.ok).length;
// A failed step with no failed test (lint, typecheck, build) still counts as a failure in the closing line.
console.log(`tests: ${totals.passed} passed, ${totals.failed + (failedSteps && totals.failed === 0 ? failedSteps : 0)} failed, ${totals.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
