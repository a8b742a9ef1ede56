import { z } from 'zod';
import { PesosSchema } from '../money/pesos';

/**
 * A receipt as data, independent of paper width and printer: the core builds it, the UI previews it and the
 * printer driver lays it out for 80 mm (48 columns) or 58 mm (32 columns).
 */
export const ReceiptLineSchema = z.discriminatedUnion('kind', [
  /** A label and an amount, printed as `label ........ $ 1.234`. */
  z.object({ kind: z.literal('amount'), label: z.string(), amount: PesosSchema, negative: z.boolean().optional() }),
  /** A label and free text (account, holder, dates). */
  z.object({ kind: z.literal('field'), label: z.string(), value: z.string() }),
  /** A full-width line of text; `emphasis` prints bold/double where the printer can. */
  z.object({ kind: z.literal('text'), text: z.string(), align: z.enum(['left', 'center', 'right']).optional(), emphasis: z.boolean().optional() }),
  z.object({ kind: z.literal('rule') }),
]);
export type ReceiptLine = z.infer<typeof ReceiptLineSchema>;

export const ReceiptDocumentSchema = z.object({
  /** Business id of what the receipt proves, e.g. the comprobante sequence `001-03-000123`. */
  sequence: z.string(),
  /** What the header calls `sequence` when the paper is not a comprobante: "Radicado" on a constancia (default "Comprobante"). */
  sequenceLabel: z.string().optional(),
  title: z.string(),
  branch: z.object({ code: z.string(), name: z.string() }),
  till: z.string(),
  teller: z.string(),
  /** ISO date-time the operation was posted (the teller's clock at the branch). */
  postedAt: z.string(),
  lines: z.array(ReceiptLineSchema),
  /** Short code printed on paper and on the validation imprint so a copy can be checked against the journal. */
  verificationCode: z.string(),
  /** Amount in words, e.g. "SON: UN MILLÓN DOSCIENTOS MIL PESOS M/CTE". */
  amountInWords: z.string().optional(),
  /** Set when the receipt is printed again: "COPIA No. n". */
  copyNumber: z.number().int().positive().optional(),
  /** "CONTINGENCIA" and similar markings, printed prominently. */
  marks: z.array(z.string()).default([]),
});
export type ReceiptDocument = z.infer<typeof ReceiptDocumentSchema>;
