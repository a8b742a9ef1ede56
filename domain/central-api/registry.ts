import { z } from 'zod';
import { DocumentNumberSchema, DocumentTypeSchema } from './common';

/**
 * 1:1 fingerprint match through the registry operator (RNEC via a certified operator, domain-co §7). Central
 * relays the template and never stores it; only the outcome and the operator transaction id are kept.
 */
/** `caja-demo-v1`: the demo reader's derived templates (domain/devices/demo-citizens.ts). */
export const FingerprintFormatSchema = z.enum(['ansi-378', 'iso-19794-2', 'caja-demo-v1']);
export const FingerprintMatchRequestSchema = z.object({
  documentType: DocumentTypeSchema,
  documentNumber: DocumentNumberSchema,
  /** Base64 template from the reader. */
  template: z.base64().min(4).max(64 * 1024),
  format: FingerprintFormatSchema,
});
export type FingerprintMatchRequest = z.infer<typeof FingerprintMatchRequestSchema>;

export const FingerprintResultSchema = z.enum(['match', 'no_match', 'poor_quality']);
export const FingerprintMatchResponseSchema = z.object({
  result: FingerprintResultSchema,
  /** 0..100 as decided by the operator. */
  score: z.number().int().min(0).max(100),
  /** Operator transaction id, stored on the transaction record at the branch. */
  transactionId: z.string(),
});
export type FingerprintMatchResponse = z.infer<typeof FingerprintMatchResponseSchema>;
