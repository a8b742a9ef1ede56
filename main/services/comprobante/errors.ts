import type { DomainError } from '../../../domain/rules-config/result';
import { AppError } from '../../core/errors';

/**
 * A comprobante refused by the domain rules. Every problem is reported at once (the teller corrects the slip in
 * one pass): the code is the first problem's, `details.errors` lists them all, the message joins them.
 */
export const refused = (errors: readonly DomainError[]): AppError => {
  const first = errors[0];
  const message = errors.length === 1 ? (first?.message ?? '') : errors.map((e, i) => `${i + 1}. ${e.message}`).join('\n');
  return new AppError(first?.code ?? 'COMPROBANTE_INVALID', message, { errors: errors.map((e) => ({ code: e.code, message: e.message })) });
};

export const docKey = (id: { type: string; number: string }): string => `${id.type}:${id.number}`;

export const parseDocKey = (key: string): { type: string; number: string } => {
  const i = key.indexOf(':');
  return { type: key.slice(0, i), number: key.slice(i + 1) };
};
