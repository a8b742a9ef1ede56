import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { outboxRepo } from '../store/outbox/repo';
import { centralProcessForFile } from './testing/central-proc';
import { keyFor } from './testing/ops';
import { compareSides } from './testing/verify';

const POSTER = fileURLToPath(new URL('./testing/poster.ts', import.meta.url));
const TOTAL = 1_000;
const PREFIX = 0x9e;
const KILLS = 8;

const central = centralProcessForFile();

/** Deterministic pseudo-random kill times (xorshift), so a failing run can be replayed. */
const xorshift = (seed: number) => {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
};

it('kill -9 at random points while posting 1.000 operations: every confirmed one reaches central exactly once', async () => {
  const seed = Number(process.env.KILL9_SEED ?? 20260302);
  const random = xorshift(seed);
  // kill -9 is a process crash, not a power cut: committed pages live in the OS cache either way, so the
  // branch file may sit on tmpfs where commits are quick and the kills land among many more of them.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'caja-kill9-'));
  const dbFile = join(dir, 'caja.sqlite');
  const confirmed = new Set<string>();
  let kills = 0;
  let finished = false;
  const lives: { posted: number; inFlightAtStart: number; killed: boolean }[] = [];
  try {
    for (let i = 0; i < 40 && !finished; i++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', POSTER, '--db', dbFile, '--url', central.url, '--token', central.token, '--prefix', String(PREFIX), '--total', String(TOTAL)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const life = { posted: 0, inFlightAtStart: 0, killed: false };
      lives.push(life);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let onStart: () => void = () => undefined;
      let progress: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (onStart = resolve));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /^COMMITTED (\S+)$/.exec(line);
        if (m?.[1]) {
          confirmed.add(m[1]);
          life.posted++;
          progress();
        }
        const s = /^START (\d+)$/.exec(line);
        if (s?.[1]) {
          life.inFlightAtStart = Number(s[1]);
          onStart();
        }
        if (line === 'DRAINED') finished = true;
      });
      // The first lives are killed with SIGKILL after a random number of confirmed postings in that life (0 =
      // right after start-up, while it resolves what the previous life left in flight); the last runs to the end.
      const target = kills < KILLS ? Math.floor(random() * 110) : Infinity;
      const kill = () => {
        if (life.killed || target === Infinity) return;
        child.kill('SIGKILL');
        life.killed = true;
        kills++;
      };
      void started.then(() => {
        if (target === 0) kill();
      });
      progress = () => {
        if (life.posted >= target) kill();
      };
      const code = await exited;
      if (code === 0) finished = true;
      else expect(life.killed).toBe(true);
    }
    expect(finished).toBe(true);
    expect(kills).toBe(KILLS);
    // The kills landed while posting, and at least one left requests in flight that a restart had to resolve.
    expect(lives.filter((l) => l.killed && l.posted > 0).length).toBeGreaterThanOrEqual(KILLS / 2);
    expect(lives.some((l) => l.inFlightAtStart > 0)).toBe(true);
    console.info(`kill -9 seed ${seed}: ${JSON.stringify(lives)}`);

    const db = openDatabase(dbFile);
    const outbox = outboxRepo(db);
    const audit = await central.audit(keyFor(PREFIX, 0).slice(0, 8));
    try {
      expect(outbox.counts()).toEqual({ pending: 0, unknown: 0, applied: TOTAL, rejected: 0, conflict: 0 });
      // Count and compare both sides.
      expect(audit.operations).toHaveLength(TOTAL);
      const atCentral = new Set(audit.operations.map((o) => o.key));
      expect([...confirmed].filter((k) => !atCentral.has(k))).toEqual([]);
      expect(confirmed.size).toBeGreaterThanOrEqual(TOTAL - kills);
      expect(compareSides(outbox, audit)).toEqual([]);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 110_000);
