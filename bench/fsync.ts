import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The disk's own durable-write rate: 100 bytes written and fsync'd, repeated; the baseline for commit rates. */
export const rawFsyncRate = (dir: string, iterations: number): number => {
  const fd = openSync(join(dir, 'fsync-probe.bin'), 'w');
  const buf = Buffer.alloc(100, 7);
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      writeSync(fd, buf, 0, buf.length, (i % 64) * 100);
      fsyncSync(fd);
    }
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    return iterations / secs;
  } finally {
    closeSync(fd);
  }
};
