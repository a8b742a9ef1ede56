import type { Account } from '../../../domain/accounts/account';
import type { PersonId } from '../../../domain/accounts/person';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { OutboxRepo } from '../../store/outbox/repo';
import type { ReferenceRepo } from '../../store/reference/repo';

export interface LocalEffects {
  available: number;
  inCanje: number;
  onHold: number;
}

export interface AccountSource {
  /** The account as the rules must see it now, or undefined when the branch does not know the number. */
  get(number: string): { account: Account; pendingLocal: LocalEffects } | undefined;
  /** This workstation's last reactivation of the account that central did not refuse (see reactivatedHere). */
  localReactivation(number: string): { on: string; approvalId: string } | null;
  /** Every account the person is a holder of, as central last published them. */
  ofHolder(holder: PersonId): Account[];
}

/**
 * Accounts from the branch's copy of central's reference data, minus this workstation's debits central has
 * not applied yet (credits are not counted on until applied: the outbox's rule for availability offline).
 */
/** Parsed accounts kept between postings; bounded so a long day does not grow it without limit. */
const CACHE_LIMIT = 2_000;

export const referenceAccountSource = (
  reference: Pick<ReferenceRepo, 'getAccount' | 'getCentralAccount' | 'findAccountsByHolder'>,
  outbox: Pick<OutboxRepo, 'pendingEffects' | 'lastReactivation'>,
): AccountSource => {
  // The domain account (zod-validated, seed 003 invariants) is rebuilt only when central's record changed:
  // its stored JSON is the cache key, so a reference update or a new balance is never served stale.
  const cache = new Map<string, { key: string; account: Account }>();
  const domainAccount = (number: string): Account | undefined => {
    const central = reference.getCentralAccount(number);
    if (!central) return undefined;
    const key = JSON.stringify(central);
    const hit = cache.get(number);
    if (hit?.key === key) return hit.account;
    const account = reference.getAccount(number);
    if (!account) return undefined;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(number, { key, account });
    return account;
  };
  const localReactivation = (number: string) => {
    const r = outbox.lastReactivation(number);
    return r ? { on: bogotaDate(new Date(r.at)), approvalId: r.approvalId } : null;
  };
  return {
    get: (number) => {
      let account: Account | undefined;
      try {
        account = domainAccount(number);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        throw new AppError('REFERENCE_UNAVAILABLE', `Los datos de la cuenta ${number} recibidos de central no son válidos (${msg}). Informe a soporte; no registre la operación a mano.`);
      }
      if (!account) return undefined;
      const { debits } = outbox.pendingEffects(number);
      const pendingLocal = { available: -debits, inCanje: 0, onHold: 0 };
      const balances = { ...account.balances, available: Math.max(0, account.balances.available - debits) };
      return { account: { ...reactivatedHere(account, localReactivation(number)?.on ?? null), balances }, pendingLocal };
    },
    ofHolder: (holder) => reference.findAccountsByHolder(holder.type, holder.number),
    localReactivation,
  };
};

/**
 * A reactivation posted here counts at once (seed 003 cl. 7.1), before central's new reference data arrives:
 * the next screen must not ask for a reactivation again. Central has it as soon as the outbox delivers it (the
 * posting starts a sync round at once), and a central refusal takes the local effect away with it.
 */
const reactivatedHere = (account: Account, on: string | null): Account => {
  if (on === null) return account;
  if (account.reactivatedOn !== null && account.reactivatedOn >= on) return account;
  return { ...account, state: account.state === 'inactiva' ? 'activa' : account.state, reactivatedOn: on };
};

export const requireAccount = (source: AccountSource, number: string) => {
  const found = source.get(number);
  if (!found) {
    throw new AppError(
      'ACCOUNT_NOT_FOUND',
      `No se encontró la cuenta ${number}. Verifique el número con el cliente; si es correcto, espere la próxima sincronización con central e intente de nuevo.`,
      { accountNumber: number },
    );
  }
  return found;
};
