import { z } from 'zod';
import { IsoDateTimeSchema, Sha256HexSchema, WorkstationIdSchema } from './common';

/**
 * Anchoring of a workstation journal's chain head: append-only. A sequence lower than the last anchored one is
 * refused; the same sequence with the same hash is an idempotent replay; with another hash it is a fork.
 */
export const AnchorRequestSchema = z.object({
  workstation: WorkstationIdSchema,
  sequence: z.number().int().nonnegative(),
  headHash: Sha256HexSchema,
});
export type AnchorRequest = z.infer<typeof AnchorRequestSchema>;

export const AnchorSchema = z.object({
  workstation: WorkstationIdSchema,
  sequence: z.number().int().nonnegative(),
  headHash: Sha256HexSchema,
  anchoredAt: IsoDateTimeSchema,
});
export const AnchorResponseSchema = z.object({ status: z.enum(['anchored', 'duplicate']), anchor: AnchorSchema });
export const AnchorQuerySchema = z.object({ workstation: WorkstationIdSchema });
export const AnchorLatestResponseSchema = z.object({ anchor: AnchorSchema.nullable() });
export const ANCHOR_ERRORS = ['SEQUENCE_BACKWARDS', 'CHAIN_FORK'] as const;
