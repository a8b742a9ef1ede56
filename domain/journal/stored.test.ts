import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, type JsonValue } from './canonical';
import { appendEntry, JOURNAL_ENTRY_TYPES, type JournalDraft, type JournalEntry } from './entry';
import { storedHashInput, verifyStoredChain, type StoredRow } from './stored';
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
