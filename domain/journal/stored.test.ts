import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, type JsonValue } from './canonical';
import { appendEntry, GENESIS_PREV_HASH, JOURNAL_ENTRY_TYPES, type ChainHead, type JournalDraft, type JournalEntry } from './entry';
import { ChainChecker, initialChainState, joinChunk, storedHashInput, verifyStoredChain, type ChunkSummary, type StoredRow } from './stored';
import { verifyChain } from './verify';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const sha256Text = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const decoder = new TextDecoder();

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"\\', '\u0000\u001f\u007f', 'ñandú €', '😀', '\ud800', '\udc00x', '\u2028'));
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const draftArb: fc.Arbitrary<JournalDraft> = fc.record({
  at: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }).map((ms) => new Date(ms).toISOString()),
  workstation: fc.oneof(fc.constantFrom('001-03', '001-04'), text.filter((s) => s.trim() !== '')),
  actor: fc.oneof(fc.constantFrom('cajero01', 'super02'), text.filter((s) => s.trim() !== '')),
  type: fc.constantFrom(...JOURNAL_ENTRY_TYPES),
  payload: fc.dictionary(text, json, { maxKeys: 4 }),
});

const build = (drafts: readonly JournalDraft[]): JournalEntry[] => {
  const out: JournalEntry[] = [];
  for (const d of drafts) out.push(appendEntry(out.at(-1) ?? null, d, sha256));
  return out;
};
/** What the store keeps: the payload as the decoded canonical bytes. */
const toRow = (e: JournalEntry): StoredRow => [e.sequence, e.at, e.workstation, e.actor, e.type, decoder.decode(canonicalBytes(e.payload)), e.prevHash, e.hash];

describe('verifyStoredChain', () => {
  it('property: the stored hash input is byte for byte the input appendEntry hashed (any strings, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 6 }), (drafts) => {
        for (const e of build(drafts)) {
          const { hash, ...body } = e;
          const input = storedHashInput(toRow(e));
          expect(input).not.toBeNull();
          expect(sha256Text(input ?? '')).toBe(hash);
          expect(Buffer.from(input ?? '', 'utf8')).toEqual(Buffer.concat([Buffer.from(body.prevHash, 'ascii'), canonicalBytes(body)]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: same verdict as verifyChain for untouched and tampered chains (edit, delete, swap, rehash)', () => {
    const tamper = fc.record({ kind: fc.constantFrom('edit', 'delete', 'swap', 'rehash', 'none'), at: fc.nat(), other: fc.nat() });
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 2, maxLength: 12 }), tamper, (drafts, t) => {
        const chain: JournalEntry[] = build(drafts);
        const n = chain.length;
        const k = t.at % n;
        const e = chain[k] as JournalEntry;
        // A null-prototype copy keeps a '__proto__' key as data, as JSON.parse would.
        if (t.kind === 'edit') chain[k] = { ...e, payload: Object.assign(Object.create(null) as object, e.payload, { tampered: 1 }) };
        if (t.kind === 'delete') chain.splice(k, 1);
        if (t.kind === 'swap') {
          const j = t.other % n;
          const other = chain[j] as JournalEntry;
          chain[j] = e;
          chain[k] = other;
        }
        if (t.kind === 'rehash') {
          const { hash: _h, ...body } = { ...e, actor: `${e.actor}x` };
          chain[k] = { ...body, hash: sha256(Buffer.concat([Buffer.from(body.prevHash, 'ascii'), canonicalBytes(body)])) };
        }
        expect(verifyStoredChain(chain.map(toRow), sha256Text)).toEqual(verifyChain(chain, sha256));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a payload rewritten into an equivalent but non-canonical text (stricter than parsing)', () => {
    const chain = build([{ at: '2026-03-02T15:00:00.000Z', workstation: '001-03', actor: 'u1', type: 'comprobante', payload: { b: 1, a: 2 } }]);
    const row = toRow(chain[0] as JournalEntry);
    expect(verifyStoredChain([row], sha256Text)).toMatchObject({ ok: true });
    const spaced: StoredRow = [row[0], row[1], row[2], row[3], row[4], '{"a": 2,"b":1}', row[6], row[7]];
    expect(verifyStoredChain([spaced], sha256Text)).toEqual({ ok: false, firstBadSequence: 1, reason: 'hash_mismatch', index: 0 });
  });

  it('honours from and anchor like verifyChain', () => {
    const chain = build([1, 2, 3].map((n) => ({ at: '2026-03-02T15:00:00.000Z', workstation: '001-03', actor: 'u1', type: 'comprobante' as const, payload: { n } })));
    const rows = chain.map(toRow);
    const last = chain[2] as JournalEntry;
    expect(verifyStoredChain(rows.slice(1), sha256Text, { from: chain[0] })).toMatchObject({ ok: true, count: 2, lastSequence: 3 });
    expect(verifyStoredChain(rows.slice(0, 2), sha256Text, { anchor: last })).toEqual({ ok: false, firstBadSequence: 3, reason: 'sequence_gap', index: 2 });
  });
});

describe('joinChunk (parallel verification): ranges joined, then ChainChecker.resume, equal one ChainChecker', () => {
  interface Row { sequence: number; prevHash: string; hash: string; digest: string }
  const push = (c: ChainChecker, r: Row) => c.push(r.sequence, r.prevHash, r.hash, () => r.digest);
  /** What a range checker may claim: `fine` only if the range alone passes row by row from its first row. */
  const summarize = (rows: readonly Row[], anchor?: ChainHead): ChunkSummary => {
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return { fine: true, rows: null };
    const c = ChainChecker.resume({ expectedSequence: first.sequence, expectedPrev: first.prevHash, index: 0 });
    for (const r of rows) {
      if (push(c, r) || (anchor && r.sequence === anchor.sequence && r.hash !== anchor.hash)) return { fine: false };
    }
    const v = c.finish();
    if (!v.ok || v.count !== rows.length) return { fine: false };
    return { fine: true, rows: { count: rows.length, firstSequence: first.sequence, firstPrevHash: first.prevHash, lastSequence: last.sequence, lastHash: last.hash } };
  };

  it('property: same verdict for any cut into ranges, any tampering of sequence, link or digest, with or without anchor', () => {
    const arb = fc.record({
      n: fc.integer({ min: 0, max: 30 }),
      edits: fc.array(fc.record({ kind: fc.constantFrom('digest', 'prev', 'delete', 'renumber', 'none'), at: fc.nat(), to: fc.integer({ min: -3, max: 40 }) }), { maxLength: 3 }),
      cuts: fc.array(fc.nat(), { maxLength: 6 }),
      anchor: fc.option(fc.record({ sequence: fc.integer({ min: 1, max: 35 }), good: fc.boolean() })),
    });
    fc.assert(
      fc.property(arb, ({ n, edits, cuts, anchor: a }) => {
        let rows: Row[] = Array.from({ length: n }, (_, i) => ({ sequence: i + 1, prevHash: i === 0 ? GENESIS_PREV_HASH : `h${i}`, hash: `h${i + 1}`, digest: `h${i + 1}` }));
        for (const e of edits) {
          const r = rows[e.at % Math.max(1, rows.length)];
          if (!r || e.kind === 'none') continue;
          if (e.kind === 'digest') r.digest = 'x';
          if (e.kind === 'prev') r.prevHash = 'y';
          if (e.kind === 'delete') rows = rows.filter((x) => x !== r);
          if (e.kind === 'renumber' && !rows.some((x) => x.sequence === e.to)) r.sequence = e.to;
        }
        rows.sort((x, y) => x.sequence - y.sequence); // the store reads by sequence
        const anchor = a ? { sequence: a.sequence, hash: a.good ? `h${a.sequence}` : 'z' } : undefined;

        const whole = new ChainChecker(anchor ? { anchor } : {});
        for (const r of rows) if (push(whole, r)) break;
        const expected = whole.finish();

        const bounds = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((x, y) => x - y);
        const ranges = [0, ...bounds, rows.length].flatMap((b, i, all) => (i === 0 ? [] : [rows.slice(all[i - 1], b)]));
        let state = initialChainState();
        let rest: Row[] = [];
        for (let i = 0; i < ranges.length; i++) {
          const next = joinChunk(state, summarize(ranges[i] ?? [], anchor));
          if (next === null) {
            rest = ranges.slice(i).flat();
            break;
          }
          state = next;
        }
        const resumed = ChainChecker.resume(state, anchor);
        for (const r of rest) if (push(resumed, r)) break;
        expect(resumed.finish()).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
