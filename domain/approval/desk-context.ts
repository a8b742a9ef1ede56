import { REVERSAL_REASONS } from '../contract/reversal';
import { DIFFERENCE_REASONS } from '../till/arqueo';

/** The codes a request's context may carry (a reversal's causal, a till difference's motivo), as the desk reads them. */
const CODE_LABELS: Readonly<Record<string, string>> = { ...REVERSAL_REASONS, ...DIFFERENCE_REASONS };
/** Context keys stored for the core's own use, named for the supervisor. */
const KEY_LABELS: Readonly<Record<string, string>> = { Código: 'Causal' };

/** A code by its Spanish label; anything else as it is. */
export const codeLabel = (value: string): string => (Object.hasOwn(CODE_LABELS, value) ? (CODE_LABELS[value] ?? value) : value);

/**
 * A request's context as a supervisor's desk shows it: every code by its Spanish label, never the raw code
 * (`CUENTA_ERRADA`). The stored context keeps the codes: the effect of an approved request reads them.
 */
export const deskContext = (context: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(context).map(([k, v]) => [Object.hasOwn(KEY_LABELS, k) ? (KEY_LABELS[k] ?? k) : k, codeLabel(v)]));
