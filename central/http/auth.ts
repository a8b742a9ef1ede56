import { z } from 'zod';
import { BranchIdSchema, WorkstationIdSchema } from '../../domain/central-api';
import { sha256Hex } from '../runtime';
import type { Caller } from './result';

/** A bearer token provisioned for one workstation of one branch. */
export const WorkstationTokenSchema = z
  .object({ token: z.string().min(16, 'El token debe tener al menos 16 caracteres'), workstation: WorkstationIdSchema, branch: BranchIdSchema })
  .refine((t) => t.workstation.startsWith(`${t.branch}-`), { message: 'La estación debe pertenecer a la oficina' });
export type WorkstationToken = z.infer<typeof WorkstationTokenSchema>;

/**
 * Tokens are looked up by their SHA-256, so the comparison never walks the secret byte by byte and the
 * table in memory holds no token in clear.
 */
export const tokenTable = (tokens: readonly WorkstationToken[]): ((header: string | undefined) => Caller | null) => {
  const byHash = new Map<string, Caller>();
  for (const t of tokens) byHash.set(sha256Hex(t.token), { workstation: t.workstation, branch: t.branch });
  return (header) => {
    const m = /^Bearer ([\x21-\x7e]+)$/.exec(header ?? '');
    return m?.[1] ? (byHash.get(sha256Hex(m[1])) ?? null) : null;
  };
};

/**
 * `CENTRAL_TOKENS` / `--tokens` format: comma-separated `workstation=token` (branch taken from the
 * workstation id), e.g. `001-01=abc…,001-02=def…`.
 */
export const parseTokenList = (text: string): WorkstationToken[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const eq = entry.indexOf('=');
      const workstation = entry.slice(0, eq);
      return WorkstationTokenSchema.parse({ workstation, branch: workstation.slice(0, 3), token: entry.slice(eq + 1) });
    });
