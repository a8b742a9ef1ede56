import { z } from 'zod';
import { IsoDateTimeSchema, Sha256HexSchema, WorkstationIdSchema } from './common';

/**
 * One installation of a workstation: a store's own journal chain, named by an id born with the store
 * (main/store/journal/migrations.ts). A workstation reinstalled on an empty store under the same workstation id
 * starts a new chain under a new installation; the previous installation's chain stays at central as it was.
 * `legacy`: a store created before installations existed, whose anchors central kept under that name.
 */
export const JournalInstallationSchema = z.string().regex(/^(legacy|[0-9a-f]{32})$/, 'Identificador de instalación inválido');

/**
 * Anchoring of a workstation journal's chain head: append-only, per workstation and installation. A sequence lower
 * than the installation's last anchored one is refused; the same sequence with the same hash is an idempotent replay;
 * with another hash it is a fork. `firstHash` (the hash of the chain's first entry) ties the installation to its
 * chain: the same installation with another first entry was rewritten from the start (a fork), and a chain central
 * already knows under another installation is a copied store (CHAIN_COPIED), never a new installation.
 */
export const AnchorRequestSchema = z.object({
  workstation: WorkstationIdSchema,
  installation: JournalInstallationSchema,
  firstHash: Sha256HexSchema,
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
export const AnchorQuerySchema = z.object({
  workstation: WorkstationIdSchema,
  installation: JournalInstallationSchema,
  /** The asking store's first entry, when it has one: central says whether that chain is another installation's. */
  firstHash: Sha256HexSchema.optional(),
});
export type AnchorQuery = z.infer<typeof AnchorQuerySchema>;
export const AnchorLatestResponseSchema = z.object({
  /** This installation's last anchor. */
  anchor: AnchorSchema.nullable(),
  /** The last anchor of the workstation's most recently anchored other installation (the one a reinstall replaced). */
  previous: z.object({ installation: JournalInstallationSchema, sequence: z.number().int().nonnegative(), anchoredAt: IsoDateTimeSchema }).nullable(),
  /** The installation whose chain begins with `firstHash`, when it is not the asking one: the store is a copy. */
  copiedFrom: z.object({ workstation: WorkstationIdSchema, installation: JournalInstallationSchema }).nullable(),
});
export type AnchorLatestResponse = z.infer<typeof AnchorLatestResponseSchema>;
export const ANCHOR_ERRORS = ['SEQUENCE_BACKWARDS', 'CHAIN_FORK', 'CHAIN_COPIED'] as const;
