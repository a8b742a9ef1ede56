import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalBytes, CanonicalEncodingError } from './canonical';
import {
  appendEntry,
  GENESIS_PREV_HASH,
  JOURNAL_ENTRY_TYPES,
  JournalEntrySchema,
  JournalError,
  type JournalDraft,
  type JournalEntry,
} from './entry';
import { verifyChain } from './verify';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const draftArb: fc.Arbitrary<JournalDraft> = fc.record({
  at: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }).map((ms) => new Date(ms).toISOString()),
  workstation: fc.constantFrom('OF001-CAJA03', 'OF001-CAJA04'),
  actor: fc.constantFrom('cajero01', 'super02', 'system'),
  type: fc.constantFrom(...JOURNAL_ENTRY_TYPES),
  payload: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.maxSafeInteger(), fc.string(), fc.boolean(), fc.constant(null)), { maxKeys: 4 }),
});

const build = (drafts: readonly JournalDraft[]): JournalEntry[] => {
  const out: JournalEntry[] = [];
  for (const d of drafts) out.push(appendEntry(out.at(-1) ?? null, d, sha256));
  return out;
};

const draft = (n: number): JournalDraft => ({
  at: '2026-03-02T15:00:00.000Z',
  workstation: 'OF001-CAJA03',
  actor: 'cajero01',
  type: 'comprobante',
  payload: { amount: 1_250_000 + n, account: '****4321', n },
});

describe('appendEntry', () => {
  it('chains from 64 zeros with sequence 1, hash = SHA-256(prevHash hex text || canonical(entry without hash))', () => {
    const e1 = appendEntry(null, draft(1), sha256);
    expect(e1.sequence).toBe(1);
    expect(e1.prevHash).toBe(GENESIS_PREV_HASH);
    // Independent reconstruction with Buffer and JSON.stringify (keys listed in sorted order by hand).
    const { hash: _hash, ...body } = e1;
    const json = JSON.stringify({
      actor: body.actor,
      at: body.at,
      payload: { account: '****4321', amount: 1_250_001, n: 1 },
      prevHash: body.prevHash,
      sequence: 1,
      type: 'comprobante',
      workstation: 'OF001-CAJA03',
    });
    expect(e1.hash).toBe(sha256(Buffer.from(GENESIS_PREV_HASH + json, 'utf8')));
    // …which is also the generic canonical encoding of the entry without its hash.
    expect(e1.hash).toBe(sha256(Buffer.concat([Buffer.from(body.prevHash, 'ascii'), canonicalBytes(body)])));
    const e2 = appendEntry(e1, draft(2), sha256);
    expect(e2).toMatchObject({ sequence: 2, prevHash: e1.hash });
  });

  it('property: the streamed hash input equals the generic canonical encoding', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 5 }), (drafts) => {
        for (const e of build(drafts)) {
          const { hash, ...body } = e;
          expect(hash).toBe(sha256(Buffer.concat([Buffer.from(body.prevHash, 'ascii'), canonicalBytes(body)])));
        }
      }),
    );
  });

  it('refuses floats and non-JSON payloads with a typed error', () => {
    expect(() => appendEntry(null, { ...draft(1), payload: { amount: 10.5 } }, sha256)).toThrow(CanonicalEncodingError);
    expect(() => appendEntry(null, { ...draft(1), payload: { at: new Date() } as never }, sha256)).toThrow(CanonicalEncodingError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => appendEntry(null, { ...draft(1), payload: cyclic as never }, sha256)).toThrow(CanonicalEncodingError);
  });

  it('refuses invalid drafts, heads and hash functions with JournalError codes', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof JournalError ? e.code : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => appendEntry(null, { ...draft(1), at: '2026-03-02' }, sha256))).toBe('JOURNAL_DRAFT_INVALID');
    expect(codeOf(() => appendEntry(null, { ...draft(1), type: 'coffee' as never }, sha256))).toBe('JOURNAL_DRAFT_INVALID');
    expect(codeOf(() => appendEntry(null, { ...draft(1), actor: '' }, sha256))).toBe('JOURNAL_DRAFT_INVALID');
    expect(codeOf(() => appendEntry({ sequence: 1, hash: 'xyz' }, draft(1), sha256))).toBe('JOURNAL_HEAD_INVALID');
    expect(codeOf(() => appendEntry(null, draft(1), (b) => sha256(b).toUpperCase()))).toBe('JOURNAL_HASH_FUNCTION_INVALID');
  });

  it('copies the payload: mutating the draft afterwards does not break the chain', () => {
    const payload: Record<string, number> = { amount: 5 };
    const e = appendEntry(null, { ...draft(1), payload }, sha256);
    payload.amount = 6;
    expect(e.payload).toEqual({ amount: 5 });
    expect(verifyChain([e], sha256)).toMatchObject({ ok: true, count: 1 });
  });

  it('JournalEntrySchema accepts stored entries and rejects floats or unknown fields', () => {
    const [e] = build([draft(1)]);
    expect(JournalEntrySchema.parse(e)).toEqual(e);
    expect(JournalEntrySchema.safeParse({ ...e, payload: { amount: 1.5 } }).success).toBe(false);
    expect(JournalEntrySchema.safeParse({ ...e, extra: 1 }).success).toBe(false);
  });
});

describe('verifyChain', () => {
  it('an empty chain is ok with the genesis head', () => {
    expect(verifyChain([], sha256)).toEqual({ ok: true, count: 0, head: GENESIS_PREV_HASH, lastSequence: 0 });
  });

  it('property: an untouched chain verifies, head = last hash', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 30 }), (drafts) => {
        const chain = build(drafts);
        expect(verifyChain(chain, sha256)).toEqual({ ok: true, count: chain.length, head: chain.at(-1)?.hash, lastSequence: chain.length });
      }),
      { numRuns: 200 },
    );
  });

  it('a row with a malformed field or a float payload is a hash mismatch, not a crash', () => {
    const chain = build([draft(1), draft(2)]);
    const bad = [chain[0], { ...chain[1], actor: 7 }] as unknown as JournalEntry[];
    expect(verifyChain(bad, sha256)).toEqual({ ok: false, firstBadSequence: 2, reason: 'hash_mismatch', index: 1 });
    const float = [chain[0], { ...chain[1], payload: { amount: 1.5 } }] as JournalEntry[];
    expect(verifyChain(float, sha256)).toEqual({ ok: false, firstBadSequence: 2, reason: 'hash_mismatch', index: 1 });
  });

  it('verifies a segment continuing from a known head', () => {
    const chain = build([draft(1), draft(2), draft(3), draft(4)]);
    const [a, b, ...rest] = chain;
    expect(a && b).toBeTruthy();
    expect(verifyChain(rest, sha256, { from: b })).toMatchObject({ ok: true, count: 2, lastSequence: 4 });
    expect(verifyChain(rest, sha256, { from: a })).toMatchObject({ ok: false, firstBadSequence: 2, reason: 'sequence_gap' });
  });

  type Tamper =
    | { kind: 'edit'; at: number; field: 'payload' | 'actor' | 'at' | 'type' | 'workstation' | 'hash' }
    | { kind: 'edit_rehash'; at: number }
    | { kind: 'delete'; at: number }
    | { kind: 'swap'; at: number; with: number }
    | { kind: 'duplicate'; at: number };

  const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
    fc.record({
      kind: fc.constant('edit' as const),
      at: fc.nat(),
      field: fc.constantFrom('payload' as const, 'actor' as const, 'at' as const, 'type' as const, 'workstation' as const, 'hash' as const),
    }),
    fc.record({ kind: fc.constant('edit_rehash' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  );

  const edited = (e: JournalEntry, field: Extract<Tamper, { kind: 'edit' }>['field']): JournalEntry => {
    switch (field) {
      case 'payload':
        return { ...e, payload: { ...e.payload, tampered: 1 } };
      case 'actor':
        return { ...e, actor: `${e.actor}x` };
      case 'at':
        return { ...e, at: e.at.replace(/^\d{4}/, (y) => String(Number(y) + 1)) };
      case 'type':
        return { ...e, type: e.type === 'reversal' ? 'comprobante' : 'reversal' };
      case 'workstation':
        return { ...e, workstation: `${e.workstation}-B` };
      case 'hash':
        return { ...e, hash: sha256(new Uint8Array([1, 2, 3])) };
    }
  };

  it('property: editing, deleting, reordering or duplicating any row is detected at the first bad entry', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 2, maxLength: 25 }), tamperArb, (drafts, t) => {
        const chain = build(drafts);
        const n = chain.length;
        const k = t.at % n; // 0-based position of the tampered row; its sequence is k + 1
        const original = chain[k] as JournalEntry;
        const head = { sequence: n, hash: (chain[n - 1] as JournalEntry).hash };
        const rows = [...chain];
        const last = k === n - 1;

        switch (t.kind) {
          case 'edit': {
            rows[k] = edited(original, t.field);
            // A rewritten stored hash on a non-last row also breaks the next row's link, but the row itself comes first.
            expect(verifyChain(rows, sha256)).toEqual({ ok: false, firstBadSequence: k + 1, reason: 'hash_mismatch', index: k });
            break;
          }
          case 'edit_rehash': {
            // An attacker who recomputes the edited row's hash: the next row's prevHash no longer links.
            const { hash: _h, ...body } = edited(original, 'payload');
            const rehashed = { ...body, hash: sha256(Buffer.concat([Buffer.from(body.prevHash, 'ascii'), canonicalBytes(body)])) };
            rows[k] = rehashed;
            if (last) {
              // Nothing after it to break: only the anchored head reveals it.
              expect(verifyChain(rows, sha256)).toMatchObject({ ok: true, count: n, head: rehashed.hash });
              expect(verifyChain(rows, sha256, { anchor: head })).toEqual({ ok: false, firstBadSequence: n, reason: 'hash_mismatch', index: k });
            } else {
              expect(verifyChain(rows, sha256)).toEqual({ ok: false, firstBadSequence: k + 2, reason: 'prev_mismatch', index: k + 1 });
            }
            break;
          }
          case 'delete': {
            rows.splice(k, 1);
            if (last) {
              expect(verifyChain(rows, sha256)).toMatchObject({ ok: true, count: n - 1 });
              expect(verifyChain(rows, sha256, { anchor: head })).toEqual({ ok: false, firstBadSequence: n, reason: 'sequence_gap', index: n - 1 });
            } else {
              expect(verifyChain(rows, sha256)).toEqual({ ok: false, firstBadSequence: k + 1, reason: 'sequence_gap', index: k });
            }
            break;
          }
          case 'swap': {
            const j = t.with % n;
            if (j === k) return;
            const [lo, hi] = k < j ? [k, j] : [j, k];
            rows[lo] = chain[hi] as JournalEntry;
            rows[hi] = chain[lo] as JournalEntry;
            expect(verifyChain(rows, sha256)).toEqual({ ok: false, firstBadSequence: lo + 1, reason: 'reordered', index: lo });
            break;
          }
          case 'duplicate': {
            rows.splice(k + 1, 0, original);
            expect(verifyChain(rows, sha256)).toEqual({ ok: false, firstBadSequence: k + 2, reason: 'reordered', index: k + 1 });
            break;
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a one-shot stream once (generator), without holding the chain in memory', () => {
    const N = 100_000;
    function* journal(): Generator<JournalEntry> {
      let prev: JournalEntry | null = null;
      for (let i = 1; i <= N; i++) {
        prev = appendEntry(prev, draft(i), sha256);
        yield prev;
      }
    }
    const r = verifyChain(journal(), sha256);
    expect(r).toMatchObject({ ok: true, count: N, lastSequence: N });
  });
});
