import { z } from 'zod';
import { JOURNAL_ENTRY_TYPES } from '../journal/entry';
import { channel } from './channel';

export const JournalStatusSchema = z.object({
  /** null until the first verification has run. */
  ok: z.boolean().nullable(),
  checkedAt: z.string().nullable(),
  count: z.number().int(),
  lastSequence: z.number().int(),
  head: z.string().nullable(),
  firstBadSequence: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Spanish, for the status line of the desk and the journal screen. */
  message: z.string(),
  anchoredSequence: z.number().int().nullable(),
  anchoredAt: z.string().nullable(),
});
export type JournalStatus = z.infer<typeof JournalStatusSchema>;

const BusinessDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Fecha con formato AAAA-MM-DD');

export const JournalEntryViewSchema = z.object({
  sequence: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  type: z.string(),
  account: z.string().nullable(),
  amount: z.number().int().nullable(),
  state: z.string().nullable(),
  /** The comprobante sequence or other business reference, when the entry has one. */
  reference: z.string().nullable(),
  /** The comprobante this entry posted (its sequence): what Reversar offers to undo. Null for every other entry,
   * even one that names a comprobante (a remesa's status change, a returned cheque, a reversal), and for a viewer
   * who may not ask for its reversal (see reversalNote). */
  comprobante: z.string().nullable(),
  /** On a posting that stands but the viewer may not ask to reverse, in Spanish: of an earlier business day (by the
   * core's clock), nobody reverses it here; posted by another teller, who may. */
  reversalNote: z.string().nullable(),
  /** The number of the paper this entry printed (receipt, constancia, close report), once it came out of this
   * workstation's printer: what Reimprimir copies. */
  document: z.string().nullable(),
  /** Why Reimprimir is not offered yet, in Spanish: the entry's original paper is owed to the printer (Dispositivos,
   * F9), and a copy never comes out before the original. Null otherwise. */
  printNote: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const journalChannels = {
  'journal.status': channel({ access: 'user', request: z.object({}), response: JournalStatusSchema }),
  /** Verifies the whole chain now (and against central's last anchor when central answers). */
  'journal.verify': channel({ access: 'user', request: z.object({}), response: JournalStatusSchema }),
  /** Sends the chain head to central now (it also goes at each close). */
  'journal.anchor': channel({ access: 'user', request: z.object({}), response: JournalStatusSchema, errors: ['CENTRAL_UNAVAILABLE', 'JOURNAL_BROKEN'] }),
  'journal.search': channel({
    access: 'user',
    request: z.object({
      from: BusinessDate.optional(),
      to: BusinessDate.optional(),
      teller: z.string().trim().max(64).optional(),
      type: z.enum(JOURNAL_ENTRY_TYPES).optional(),
      account: z.string().trim().max(20).optional(),
      /** The number printed on a paper: a comprobante's sequence, R-…, RA-…, RAD-…. */
      reference: z.string().trim().max(40).optional(),
      amountMin: z.number().int().nonnegative().optional(),
      amountMax: z.number().int().nonnegative().optional(),
      state: z.string().trim().max(30).optional(),
      beforeSequence: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    response: z.object({ entries: z.array(JournalEntryViewSchema), nextBefore: z.number().int().nullable() }),
  }),
} as const;
