import { storedHashInput, type EncodedRow, type StoredRow } from '../../../domain/journal/stored';
import type { Db } from '../db';

export interface JournalRow {
  sequence: number;
  at: string;
  workstation: string;
  actor: string;
  type: string;
  payload: string;
  prevHash: string;
  hash: string;
}

/** Filters of the journal search (O-EJ, FSV: teller, function, date, account, amount, status). */
export interface JournalQuery {
  /** ISO instants, inclusive from / exclusive to. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  actor?: string | undefined;
  type?: string | undefined;
  account?: string | undefined;
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  /** The number printed on a paper (comprobante, R-, RA-, RAD-…): every entry that names it. */
  reference?: string | undefined;
  /** Any of these stored states (one label on screen may stand for several, see domain/journal/state-labels). */
  states?: readonly string[] | undefined;
  /** Newest first; page with `beforeSequence`. */
  beforeSequence?: number | undefined;
  limit: number;
}

const COLUMNS = 'sequence, at, workstation, actor, type, payload, prev_hash AS prevHash, hash';
// What "amount", "account" and "state" mean across event types: the payload fields the services write.
const AMOUNT = "COALESCE(json_extract(payload, '$.total'), json_extract(payload, '$.amount'))";
const ACCOUNT = "json_extract(payload, '$.account')";
// Where entries name a paper: its own number (`document`), the posting it concerns (`sequence`, `original`), a radicado.
const REFERENCES = `json_extract(payload, '$.document'), json_extract(payload, '$.sequence'), json_extract(payload, '$.original'),
  json_extract(payload, '$.radicado'), json_extract(payload, '$.reference')`;
// Security-code entries say how the request ended as `outcome` (a capture as `result`, a consent as `consent`).
// A posting (it carries its comprobante's id) stores no state: the journal shows it Contabilizado until a reversal of
// it is registered, then Reversado (journal-search), and the filter finds it under the same words.
const POSTING_STATE = `CASE WHEN EXISTS (SELECT 1 FROM reversals r WHERE r.original_sequence = json_extract(payload, '$.sequence'))
  THEN 'reversado' ELSE 'contabilizado' END`;
const STATE = `CASE WHEN type = 'comprobante' AND json_extract(payload, '$.comprobanteId') IS NOT NULL THEN ${POSTING_STATE}
  ELSE COALESCE(json_extract(payload, '$.state'), json_extract(payload, '$.action'), json_extract(payload, '$.status'),
  CASE WHEN type IN ('security_code_request', 'contact_update', 'biometric_check')
    THEN COALESCE(json_extract(payload, '$.outcome'), json_extract(payload, '$.result'), json_extract(payload, '$.consent')) END) END`;

/** Rows per bulk read of the verifier: large enough to amortise the call, small enough to stay in cache. */
export const PAGE = 2048;
const NO_HASH = 'x'.repeat(64);
/**
 * A row's hash input (storedHashInput) built by SQLite. json_quote escapes exactly as JSON.stringify for every
 * string SQLite can hold (a test pins it); the payload column already is canonical text.
 */
export const HASH_INPUT_SQL = `concat(prev_hash, '{"actor":', json_quote(actor), ',"at":', json_quote(at), ',"payload":', payload,
  ',"prevHash":"', prev_hash, '","sequence":', sequence, ',"type":', json_quote(type), ',"workstation":', json_quote(workstation), '}')`;
/**
 * Below and above every SQLite integer (bound as REAL, compared numerically), so a range can start before the
 * first row whatever its sequence, rows renumbered to 0 or below included.
 */
export const BEFORE_ALL = -1e19;
export const AFTER_ALL = 1e19;
/**
 * One page of hash inputs built by SQLite. The aggregates run over the subquery's rows in one loop, so the four
 * lists stay aligned; were the order ever different, links would fail (a false alarm, never a false pass). Rows
 * with a malformed hash column are read whole in JS instead.
 */
const ENCODED_PAGE = `
  SELECT group_concat(sequence, ','),
         group_concat(CASE WHEN input IS NULL THEN '${NO_HASH}' ELSE hash END, ''),
         CAST(group_concat(input, '') AS BLOB),
         group_concat(COALESCE(octet_length(input), -1), ',')
  FROM (
    SELECT sequence, hash, CASE WHEN length(prev_hash) = 64 AND length(hash) = 64 THEN ${HASH_INPUT_SQL} END AS input
    FROM journal WHERE sequence > ? ORDER BY sequence LIMIT ${PAGE})`;

/** A page of rows for bulk verification: one contiguous buffer of hash inputs (`ends` are offsets into it). */
export interface EncodedPage {
  sequences: number[];
  prevHashes: string[];
  hashes: string[];
  bytes: Uint8Array;
  ends: Uint32Array;
}

export const journalRepo = (db: Db) => {
  const insert = db.prepare(
    'INSERT INTO journal (sequence, at, workstation, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const head = db.prepare<[], JournalRow>(`SELECT ${COLUMNS} FROM journal ORDER BY sequence DESC LIMIT 1`);
  const first = db.prepare<[], JournalRow>(`SELECT ${COLUMNS} FROM journal ORDER BY sequence LIMIT 1`);
  const all = db.prepare<[], JournalRow>(`SELECT ${COLUMNS} FROM journal ORDER BY rowid`);
  // Raw tuples in column order: no object per row, the verifier's fast path over a million entries.
  const allRaw = db.prepare(`SELECT sequence, at, workstation, actor, type, payload, prev_hash, hash FROM journal ORDER BY rowid`).raw(true);
  const encodedPage = db.prepare(ENCODED_PAGE).raw(true);
  const rawBySequence = db.prepare('SELECT sequence, at, workstation, actor, type, payload, prev_hash, hash FROM journal WHERE sequence = ?').raw(true);
  const bySequence = db.prepare<[number], JournalRow>(`SELECT ${COLUMNS} FROM journal WHERE sequence = ?`);
  const maxSequence = db.prepare('SELECT max(sequence) FROM journal').pluck();
  const pages = (): Generator<EncodedPage> => repo.encodedPages();
  const repo = {
    /** The database file, for readers on other threads; null for an in-memory database (not shareable). */
    file: (): string | null => (db.memory ? null : db.name),
    /** Highest stored sequence (null when empty); sizes the ranges of parallel verification. */
    maxSequence: () => maxSequence.get() as number | null,
    append: (r: JournalRow) => {
      insert.run(r.sequence, r.at, r.workstation, r.actor, r.type, r.payload, r.prevHash, r.hash);
    },
    head: () => head.get(),
    /** The lowest stored entry: its hash names this store's chain at central (journal anchors per installation). */
    first: () => first.get(),
    get: (sequence: number) => bySequence.get(sequence),
    /** Streams rows in insertion order so a chain of millions is verified without loading it. */
    iterate: () => all.iterate(),
    iterateRaw: () => allRaw.iterate() as IterableIterator<StoredRow>,
    /**
     * The verifier's fast path: hash inputs built by SQLite for a page of rows at a time and read as one buffer,
     * instead of eight strings per row. Rows whose text fields would need JSON escaping (or whose hashes have
     * the wrong length) are read whole and encoded here, so the bytes are always exactly storedHashInput's.
     */
    encodedPages: function* (after: number | bigint = BEFORE_ALL): Generator<EncodedPage> {
      for (;;) {
        const page = encodedPage.get(after) as [string | null, string | null, Buffer | null, string | null] | undefined;
        if (!page || page[0] === null) return;
        const seqs = page[0].split(',');
        const hashes = page[1] ?? '';
        const src = page[2] ?? Buffer.alloc(0);
        const lens = (page[3] ?? '').split(',');
        const n = seqs.length;
        const out: EncodedPage = { sequences: new Array<number>(n), prevHashes: new Array<string>(n), hashes: new Array<string>(n), bytes: new Uint8Array(0), ends: new Uint32Array(n) };
        // Rows SQLite could not build are encoded here and spliced in, so the page is one contiguous buffer.
        const extra = new Map<number, Buffer>();
        let total = src.length;
        for (let i = 0; i < n; i++) {
          if (Number(lens[i]) < 0) {
            const row = rawBySequence.get(Number(seqs[i])) as StoredRow;
            const b = Buffer.from(storedHashInput(row) ?? '', 'utf8');
            extra.set(i, b);
            total += b.length;
            out.prevHashes[i] = row[6];
            out.hashes[i] = row[7];
          }
        }
        const bytes = new Uint8Array(total);
        let off = 0;
        let srcOff = 0;
        for (let i = 0; i < n; i++) {
          out.sequences[i] = Number(seqs[i]);
          const b = extra.get(i);
          if (b) {
            bytes.set(b, off);
            off += b.length;
          } else {
            const len = Number(lens[i]);
            bytes.set(src.subarray(srcOff, srcOff + len), off);
            // The input starts with the stored prev_hash (64 characters that are hex when untouched).
            out.prevHashes[i] = src.toString('latin1', srcOff, srcOff + 64);
            out.hashes[i] = hashes.slice(i * 64, i * 64 + 64);
            srcOff += len;
            off += len;
          }
          out.ends[i] = off;
        }
        out.bytes = bytes;
        // From the text: a sequence beyond 2^53 (a tampered row) must not round down and be read again forever.
        after = BigInt(seqs[n - 1] ?? '0');
        yield out;
      }
    },
    encodedRows: function* (): Generator<EncodedRow> {
      for (const p of pages()) {
        let start = 0;
        for (let i = 0; i < p.sequences.length; i++) {
          const end = p.ends[i] ?? start;
          yield { sequence: p.sequences[i] ?? -1, prevHash: p.prevHashes[i] ?? '', hash: p.hashes[i] ?? '', input: p.bytes.subarray(start, end) };
          start = end;
        }
      }
    },
    search: (q: JournalQuery): JournalRow[] => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (sql: string, v: string | number | undefined) => {
        if (v === undefined || v === '') return;
        where.push(sql);
        args.push(v);
      };
      add('at >= ?', q.fromAt);
      add('at < ?', q.toAt);
      add('actor = ?', q.actor);
      add('type = ?', q.type);
      add(`${ACCOUNT} = ?`, q.account);
      add(`? IN (${REFERENCES})`, q.reference);
      add(`${AMOUNT} >= ?`, q.amountMin);
      add(`${AMOUNT} <= ?`, q.amountMax);
      if (q.states && q.states.length > 0) add(`${STATE} IN (SELECT value FROM json_each(?))`, JSON.stringify(q.states));
      add('sequence < ?', q.beforeSequence);
      const sql = `SELECT ${COLUMNS} FROM journal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY sequence DESC LIMIT ?`;
      return db.prepare<(string | number)[], JournalRow>(sql).all(...args, q.limit);
    },
  };
  return repo;
};
export type JournalRepo = ReturnType<typeof journalRepo>;
