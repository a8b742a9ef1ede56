import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { atMost, info, type Bench } from './figure';

const RESULT = 'out/bench/keystrokes.json';

const run = (cmd: string, args: string[]): void => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
};

/**
 * Keystrokes of a cash deposit done with the keyboard alone (e2e/keystrokes.spec.ts against the browser host),
 * next to the minimum a teller cannot go below: the digits of the account plus the digits of the amount. The
 * ratio's goal (≤ 1.5) leaves room for the screen key, the count by denomination and the two confirmations.
 */
export const bench: Bench = {
  name: 'keystrokes',
  run: () => {
    if (!existsSync('out/renderer/index.html')) run('npm', ['run', 'build']);
    rmSync(RESULT, { force: true });
    run('npx', ['playwright', 'test', 'e2e/keystrokes.spec.ts', '--project=browser-host', '--reporter=line']);
    const { keystrokes, minimum } = JSON.parse(readFileSync(RESULT, 'utf8')) as { keystrokes: number; minimum: number };
    return Promise.resolve([
      info('keystrokes/cash-deposit', keystrokes, 'keys'),
      info('keystrokes/minimum', minimum, 'keys (account + amount digits)'),
      atMost('keystrokes/ratio-to-minimum', Number((keystrokes / minimum).toFixed(3)), 'ratio', 1.5),
    ]);
  },
};
