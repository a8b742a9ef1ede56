import { z } from 'zod';
import { ByteWriter, isCanonicalJson, type JsonObject, type JsonValue } from './canonical';

/**
 * The electronic journal: every event at a workstation, append-only and hash-chained so that editing, deleting
 * or reordering any row is detectable (teller-anchors.md §4 item 7; O-EJ). Signing and central anchoring of the
 * head happen outside domain/; this module defines the chain itself.
 *
 *   hash = H( ascii(prevHash) || canonical(entry without `hash`) )
 *
 * where ascii(prevHash) is the previous hash as stored (64 lowercase hex characters), so any verifier can hash the
 * text `prevHash + canonicalJson`; canonical() is `canonical.ts` (the body includes `prevHash` itself); H is
 * SHA-256 injected by the caller (domain/ cannot import node:crypto). The first entry has sequence 1 and
 * prevHash = 64 zeros.
 */
export const GENESIS_PREV_HASH = '0'.repeat(64);
export const FIRST_SEQUENCE = 1;

export const JOURNAL_ENTRY_TYPES = [
  'login',
  'login_failed',
  'user_locked_out',
  'user_unlocked',
  'user_lockout_lapsed',
  'approval_failed',
  'logout',
  'session_lock',
  'session_unlock',
  'till_open',
  'till_close',
  'cash_count',
  'vault_transfer',
  'drawer_open',
  'comprobante',
  'comprobante_abandoned',
  'approval',
  'reversal',
  'account_reactivation',
  'print',
  'reprint',
  'device_error',
  'contact_update',
  'security_code_request',
  'biometric_check',
  'chain_anchor',
  'pending_charge_difference',
] as const;
export type JournalEntryType = (typeof JOURNAL_ENTRY_TYPES)[number];

/** SHA-256 (or the configured digest) over the given bytes, as 64 lowercase hex characters. It must not keep
 * a reference to `bytes`: the verifier reuses the buffer for the next entry. */
export type HashFn = (bytes: Uint8Array) => string;

export interface JournalDraft {
  /** ISO instant from the injected clock. */
  readonly at: string;
  readonly workstation: string;
  /** User id of whoever caused the event (teller, supervisor, `system`). */
  readonly actor: string;
  readonly type: JournalEntryType;
  readonly payload: JsonObject;
}

export interface JournalEntry extends JournalDraft {
  readonly sequence: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** What the next entry chains to: the last entry, or a head anchored centrally. */
export interface ChainHead {
  readonly sequence: number;
  readonly hash: string;
}

export type JournalErrorCode = 'JOURNAL_DRAFT_INVALID' | 'JOURNAL_HEAD_INVALID' | 'JOURNAL_HASH_FUNCTION_INVALID';

export class JournalError extends Error {
  override readonly name = 'JournalError';
  constructor(
    readonly code: JournalErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const HASH_HEX = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Writes `ascii(prevHash) || canonical(entry without hash)` into `w`. The body keys are written in sorted order
 * directly (actor, at, payload, prevHash, sequence, type, workstation), which equals the generic canonical
 * encoding of that object without building it; a test pins the equivalence.
 */
export const writeHashInput = (w: ByteWriter, entry: Omit<JournalEntry, 'hash'>): boolean => {
  // Rows read back without schema validation may carry anything; such a row simply has no valid hash input.
  const { actor, at, type, workstation } = entry as Record<keyof JournalEntry, unknown>;
  if (typeof actor !== 'string' || typeof at !== 'string' || typeof type !== 'string' || typeof workstation !== 'string') return false;
  if (!w.hexDigest(entry.prevHash)) return false;
  w.raw('{"actor":');
  w.string(entry.actor);
  w.raw(',"at":');
  w.string(entry.at);
  w.raw(',"payload":');
  w.value(entry.payload, 1);
  w.raw(',"prevHash":');
  w.string(entry.prevHash);
  w.raw(',"sequence":');
  w.integer(entry.sequence);
  w.raw(',"type":');
  w.string(entry.type);
  w.raw(',"workstation":');
  w.string(entry.workstation);
  w.raw('}');
  return true;
};

const deepFreezeCopy = (v: JsonValue): JsonValue => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return Object.freeze((v as readonly JsonValue[]).map(deepFreezeCopy));
  const out: Record<string, JsonValue> = {};
  // defineProperty, not assignment: a key named "__proto__" must stay data, not replace the prototype.
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, k, { value: deepFreezeCopy((v as JsonObject)[k] ?? null), enumerable: true, writable: true, configurable: true });
  }
  return Object.freeze(out);
};

const draftProblem = (draft: JournalDraft): string | null => {
  if (typeof draft.at !== 'string' || !ISO_INSTANT.test(draft.at)) return 'la fecha y hora debe ser ISO 8601 con zona';
  if (typeof draft.workstation !== 'string' || draft.workstation.trim() === '') return 'falta la estación de trabajo';
  if (typeof draft.actor !== 'string' || draft.actor.trim() === '') return 'falta el usuario que origina el evento';
  if (!(JOURNAL_ENTRY_TYPES as readonly string[]).includes(draft.type)) return `tipo de evento desconocido "${String(draft.type)}"`;
  if (draft.payload === null || typeof draft.payload !== 'object' || Array.isArray(draft.payload)) return 'el contenido debe ser un objeto';
  return null;
};

/**
 * Appends one entry after `prev` (null for the first entry of a journal). Throws JournalError for an invalid
 * draft, head or hash function, and CanonicalEncodingError for a payload with no canonical form (floats,
 * undefined, Date…). The payload is copied and frozen so that later mutation by the caller cannot break the chain.
 */
export const appendEntry = (prev: ChainHead | null, draft: JournalDraft, hash: HashFn): JournalEntry => {
  const problem = draftProblem(draft);
  if (problem) throw new JournalError('JOURNAL_DRAFT_INVALID', `No se puede registrar el evento en el diario: ${problem}.`);
  if (prev !== null && (!Number.isSafeInteger(prev.sequence) || prev.sequence < FIRST_SEQUENCE || !HASH_HEX.test(prev.hash))) {
    throw new JournalError('JOURNAL_HEAD_INVALID', 'El último registro del diario no es válido; no se puede encadenar. Verifique el diario.');
  }
  const w = new ByteWriter(512);
  w.value(draft.payload); // Refuses floats, undefined, Date, cycles… with the payload's own path, before any copy.
  w.reset();
  const body = {
    sequence: prev === null ? FIRST_SEQUENCE : prev.sequence + 1,
    at: draft.at,
    workstation: draft.workstation,
    actor: draft.actor,
    type: draft.type,
    payload: deepFreezeCopy(draft.payload) as JsonObject,
    prevHash: prev === null ? GENESIS_PREV_HASH : prev.hash,
  };
  writeHashInput(w, body);
  const digest = hash(w.view());
  if (typeof digest !== 'string' || !HASH_HEX.test(digest)) {
    throw new JournalError('JOURNAL_HASH_FUNCTION_INVALID', 'La función de resumen debe devolver 64 caracteres hexadecimales en minúscula.');
  }
  return Object.freeze({ ...body, hash: digest });
};

/** Boundary schema for entries read back from the store or received by central. */
export const JournalEntrySchema = z.strictObject({
  sequence: z.number().int().min(FIRST_SEQUENCE),
  at: z.string().regex(ISO_INSTANT, { message: 'Fecha y hora inválida (ISO 8601 con zona)' }),
  workstation: z.string().min(1),
  actor: z.string().min(1),
  type: z.enum(JOURNAL_ENTRY_TYPES, { message: 'Tipo de evento de diario desconocido' }),
  payload: z.custom<JsonObject>(
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && isCanonicalJson(v),
    { message: 'El contenido del evento debe ser un objeto JSON con números enteros' },
  ),
  prevHash: z.string().regex(HASH_HEX, { message: 'Hash anterior inválido' }),
  hash: z.string().regex(HASH_HEX, { message: 'Hash inválido' }),
});
