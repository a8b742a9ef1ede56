import type { PersonId } from '../../../domain/accounts/person';
import type { HoldPayee, HoldRequest } from '../../../domain/central-api/holds';
import { type AuthorizedDebit, MANDATE_REFUSAL_CODES } from '../../../domain/withdrawal/authorized-conditions';
import { formatPesos } from '../../../domain/money/pesos';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { ComprobanteDeps } from './deps';

export type Authorization = { status: 'authorized'; holdId: string } | { status: 'unreachable'; sent: boolean };

/**
 * Central's online authorization of a debit: a hold on the account for the whole debit, under the comprobante's
 * key (a retry with the same key gets the same hold). A refusal is an error the teller reads with what to do
 * (`consequence`: "No entregue el efectivo."); no answer is `unreachable` and the caller decides — `sent` says
 * whether the request may have reached central (it may hold funds under that key).
 */
type AuthorizeDeps = Pick<ComprobanteDeps, 'central' | 'clock' | 'refreshReference'> & { accounts?: Pick<ComprobanteDeps['accounts'], 'localReactivation'> };

/** Central's refusals for the money itself: the teller needs the account's figure now to agree another amount. */
const SHORT_OF_FUNDS: Record<string, string> = {
  INSUFFICIENT_FUNDS: 'fondos insuficientes',
  EMBARGOED_FUNDS: 'parte del saldo está embargado',
};

/** Central refused who is paid (central/holds/mandate.ts): this branch's copy of the account's mandate is stale. */
const MANDATE = new Set<string>(MANDATE_REFUSAL_CODES);

/**
 * Who is paid, as the hold tells central (domain/central-api/holds.ts): central judges the holders' mandate again on
 * its own registration, which may be newer than this branch's copy. Every person identified at the counter goes, as
 * the branch's own check takes them; which is a holder and which an authorized person, central says.
 */
export const payeeOf = (presenters: readonly PersonId[], debit: AuthorizedDebit): { payee: HoldPayee } => ({
  payee: { presenters: presenters.map((p) => ({ documentType: p.type, documentNumber: p.number })), payout: debit.payout, amount: debit.amount },
});

export const authorizeDebit = async (deps: AuthorizeDeps, req: HoldRequest, what: string, consequence: string): Promise<Authorization> => {
  if (deps.central === null) return { status: 'unreachable', sent: false };
  const hold = await deps.central.call('authorizeWithdrawal', withTodaysReactivation(deps, req));
  if (!hold.ok) {
    if (hold.kind !== 'rejected') return { status: 'unreachable', sent: true };
    throw new AppError('CENTRAL_REFUSED', `Central no autorizó ${what}: ${hold.error.message} ${consequence}`, { code: hold.error.code });
  }
  if (hold.data.status === 'refused') {
    const { reason, available } = hold.data;
    const short = SHORT_OF_FUNDS[reason];
    if (short !== undefined && available !== undefined) {
      // Another workstation moved the account after this one's copy was read: the screen's figure is stale. The
      // branch's copy is brought up to date before answering, so the account the screen reads again is central's.
      await deps.refreshReference?.();
      throw new AppError('CENTRAL_REFUSED', `Central rechazó ${what}: ${short}. Disponible ahora: ${formatPesos(available)}. ${consequence}`, { code: reason, available });
    }
    // The holders narrowed or revoked the mandate after this copy was read: the account the screen reads again
    // carries central's conditions, so the teller sees why and what is allowed now.
    if (MANDATE.has(reason)) await deps.refreshReference?.();
    throw new AppError('CENTRAL_REFUSED', `Central no autorizó ${what}: ${hold.data.message} ${consequence}`, { code: reason, ...(available === undefined ? {} : { available }) });
  }
  // A retry answered from central's record of the first request, after the hold was released (the debit was
  // abandoned) or expired: the funds are no longer reserved, so this key can no longer pay.
  const state = hold.data.hold.state;
  if (state !== 'active') {
    const why = state === 'released' ? 'se liberó' : state === 'expired' ? 'venció' : 'ya se usó';
    throw new AppError('CENTRAL_REFUSED', `La autorización de central para ${what} ${why}. Inicie ${what} de nuevo con el cliente. ${consequence}`, { code: 'HOLD_NOT_ACTIVE' });
  }
  return { status: 'authorized', holdId: hold.data.hold.holdId };
};

/**
 * An account reactivated here today counts as active here at once (accounts/source.ts), but central may not
 * have applied the reactivation yet when the customer asks for cash. The hold then carries that reactivation's
 * approval, as a debit that reactivates does. Keyed on the day, so a retry sends the same body.
 */
const withTodaysReactivation = (deps: AuthorizeDeps, req: HoldRequest): HoldRequest => {
  if (req.reactivation || !deps.accounts) return req;
  const local = deps.accounts.localReactivation(req.account);
  return local && local.on === bogotaDate(deps.clock.now()) ? { ...req, reactivation: { approvalId: local.approvalId } } : req;
};

/** Posts against an authorization; if the local posting fails, the held funds go back rather than wait to expire. */
export const postAuthorized = <T>(deps: Pick<ComprobanteDeps, 'central'>, holdId: string, post: () => T): T => {
  try {
    return post();
  } catch (err) {
    void deps.central?.call('releaseHold', { holdId }).catch(() => undefined);
    throw err;
  }
};

/**
 * The teller gives up a debit left pending because central's answer to its authorization was lost: the hold
 * central may have placed under the comprobante's key goes back to the account now, not when it expires. The
 * screen then starts a new comprobante (new key), so nothing can post against the released hold. Refused once
 * the comprobante is posted; journaled either way it ends.
 */
export const abandonPending = async (
  deps: Pick<ComprobanteDeps, 'central' | 'comprobantes' | 'journal' | 'unconfirmed' | 'users' | 'refreshReference'>,
  user: { id: string; role: string },
  key: string,
  what: 'el retiro' | 'el traslado',
  /** What else central keeps under the key and gives back too (a withdrawal's reservation of the day's limits). */
  releaseAlso?: (key: string) => Promise<void>,
): Promise<{ released: boolean; message: string }> => {
  // Another teller's customer may still be at the counter: only the one who asked, or a supervisor, gives it up.
  const asked = deps.unconfirmed.get(key);
  if (asked && asked.tellerId !== user.id && user.role !== 'supervisor') {
    const who = deps.users.findById(asked.tellerId)?.displayName ?? 'otro cajero';
    throw new AppError('NOT_YOURS', `${capitalized(what)} lo pidió ${who}: solo quien lo pidió o un supervisor puede abandonarlo.`);
  }
  if (deps.comprobantes.byIdempotencyKey(key)) {
    deps.unconfirmed.settle(key);
    throw new AppError('ALREADY_POSTED', `${capitalized(what)} ya quedó registrado: no se puede abandonar. Consúltelo en el diario (F5); si hay que deshacerlo, solicite el reverso.`);
  }
  await releaseAlso?.(key);
  // "de el retiro" is not Spanish; a transfer pays no cash, so it is told what did not happen instead.
  const ofWhat = what.replace(/^el /, 'del ');
  const nothingPaid = what === 'el retiro' ? 'No entregue el efectivo.' : 'El traslado no se registró.';
  const r = deps.central === null ? null : await deps.central.call('releaseHoldByKey', { key });
  if (r === null || (!r.ok && r.kind !== 'rejected')) {
    throw new AppError('CENTRAL_UNAVAILABLE', `No hubo comunicación con central para liberar los fondos ${ofWhat}. ${nothingPaid} La retención vence sola en 15 minutos como máximo. Puede intentar de nuevo.`);
  }
  if (!r.ok) {
    // Released, expired or never placed: nothing is held any more, so nothing is left to settle.
    deps.unconfirmed.settle(key);
    throw new AppError('HOLD_NOT_ACTIVE', `Central ya no retiene fondos para ${what} (${r.error.message}). ${nothingPaid}`);
  }
  const hold = r.data.hold;
  deps.unconfirmed.settle(key);
  deps.journal.record('comprobante_abandoned', user.id, {
    idempotencyKey: key,
    kind: what === 'el retiro' ? 'retiro' : 'traslado',
    released: hold !== null,
    // What was asked, even when central held nothing: the entry must say which account and how much.
    ...(hold ? { account: hold.account, amount: hold.amount } : asked ? { account: asked.account, amount: asked.amount } : {}),
  });
  // Central gave the funds back outside the outbox, so nothing here knows yet: without a round now, the account
  // panel showed them held until the next one (up to 15 s) and the customer's new withdrawal was measured short.
  if (hold) await deps.refreshReference?.();
  return hold
    ? { released: true, message: `${capitalized(what)} se abandonó: central liberó ${formatPesos(hold.amount)} retenidos en la cuenta ${hold.account}. ${nothingPaid}` }
    : { released: false, message: `${capitalized(what)} se abandonó: central no alcanzó a retener fondos. ${nothingPaid}` };
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
