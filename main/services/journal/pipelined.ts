import { Worker } from 'node:worker_threads';
import type { ChainHead } from '../../../domain/journal/entry';
import { ChainChecker } from '../../../domain/journal/stored';
import type { ChainVerification } from '../../../domain/journal/verify';
import type { EncodedPage, JournalRepo } from '../../store/journal/repo';

/**
 * Hashing worker as plain JavaScript (no file to bundle): digests every hash input of a page, in order, and
 * answers with the 64-character hex digests concatenated.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const digest = typeof crypto.hash === 'function'
  ? (b) => crypto.hash('sha256', b, 'hex')
  : (b) => crypto.createHash('sha256').update(b).digest('hex');
parentPort.on('message', ({ id, bytes, ends }) => {
  const out = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) { out[i] = digest(bytes.subarray(start, ends[i])); start = ends[i]; }
  parentPort.postMessage({ id, digests: out.join('') });
});`;

/** Pages read ahead while the worker hashes: enough to keep both threads busy, little memory (~1 MB each). */
const DEPTH = 3;

/**
 * Verifies the whole chain with reading and hashing overlapped: this thread reads pages of hash inputs from
 * SQLite while a worker thread computes their SHA-256; the chain checks (sequence, links, digests, anchor)
 * are the domain's `ChainChecker`, in order. Same verdicts as `Journal.verify()`.
 */
export const verifyPipelined = async (repo: JournalRepo, options: { anchor?: ChainHead } = {}): Promise<ChainVerification> => {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  const waiting = new Map<number, (digests: string) => void>();
  worker.on('message', (m: { id: number; digests: string }) => waiting.get(m.id)?.(m.digests));
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  const pages = repo.encodedPages();
  const checker = new ChainChecker(options);
  let nextId = 0;
  const send = (page: EncodedPage) => {
    const id = nextId++;
    const digests = new Promise<string>((resolve) => waiting.set(id, resolve));
    // Copies travel; the page keeps what the checker needs (sequences, stored prev hashes and hashes).
    const bytes = page.bytes.slice();
    const ends = page.ends.slice();
    worker.postMessage({ id, bytes, ends }, [bytes.buffer, ends.buffer]);
    return { page, digests };
  };
  try {
    const inFlight: { page: EncodedPage; digests: Promise<string> }[] = [];
    const fill = () => {
      while (inFlight.length < DEPTH) {
        const step = pages.next();
        if (step.done) return;
        inFlight.push(send(step.value));
      }
    };
    fill();
    while (inFlight.length > 0) {
      const head = inFlight.shift();
      if (!head) break;
      fill(); // read the next page while the worker hashes the ones in flight
      const digests = await Promise.race([head.digests, failed]);
      const p = head.page;
      for (let i = 0; i < p.sequences.length; i++) {
        if (checker.push(p.sequences[i] ?? -1, p.prevHashes[i] ?? '', p.hashes[i] ?? '', () => digests.slice(i * 64, i * 64 + 64))) {
          return checker.finish();
        }
      }
    }
    return checker.finish();
  } finally {
    pages.return(undefined);
    void worker.terminate();
  }
};
