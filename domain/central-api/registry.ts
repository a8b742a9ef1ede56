import { z } from 'zod';
import { DocumentNumberSchema, DocumentTypeSchema, IsoDateTimeSchema } from './common';

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
  /**
   * What the match is for. `withdrawal`: central counts the document's "no coincide" answers of the Bogotá day at
   * every workstation and refuses the request after the third (FINGERPRINT_ATTEMPTS_EXHAUSTED). Absent (a
   * workstation from before the count) is matched without counting toward it.
   */
  purpose: z.enum(['withdrawal', 'security_code', 'contact_update']).optional(),
});
export type FingerprintMatchRequest = z.infer<typeof FingerprintMatchRequestSchema>;

export const FingerprintResultSchema = z.enum(['match', 'no_match', 'poor_quality']);
export const FingerprintMatchResponseSchema = z.object({
  result: FingerprintResultSchema,
  /** 0..100 as decided by the operator. */
  score: z.number().int().min(0).max(100),
  /** Operator transaction id, stored on the transaction record at the branch. */
  transactionId: z.string(),
  /** With purpose `withdrawal`: the document's withdrawal "no coincide" answers of the Bogotá day at every workstation, this one included. */
  failuresToday: z.number().int().min(0).optional(),
});
export type FingerprintMatchResponse = z.infer<typeof FingerprintMatchResponseSchema>;

/** Central refuses a withdrawal's match request once the document had this many "no coincide" that Bogotá day. */
export const FINGERPRINT_ATTEMPTS_EXHAUSTED = 'FINGERPRINT_ATTEMPTS_EXHAUSTED';
/** The `details` of that refusal: how many, and where and when the last one was answered. */
export const FingerprintAttemptsExhaustedSchema = z.object({
  failures: z.number().int().min(0),
  lastWorkstation: z.string(),
  /** ISO instant, central's clock. */
  lastAt: IsoDateTimeSchema,
});
export type FingerprintAttemptsExhausted = z.infer<typeof FingerprintAttemptsExhaustedSchema>;
