import type { Account } from '../../../domain/accounts/account';
import { isInactiveAccount } from '../../../domain/accounts/activity';
import type { AccountView } from '../../../domain/contract/accounts';
import type { RulesConfig } from '../../../domain/rules-config/config';
import { formatPesos } from '../../../domain/money/pesos';
import { embargoNotice, withdrawableBalance } from '../../../domain/withdrawal/embargo';
import { authorizedConditionsLine } from '../../../domain/withdrawal/authorized-conditions';
import { maxWithdrawal } from '../../../domain/withdrawal/max-withdrawal';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { gmfCapUsedInMonth, protectionElsewhere } from '../comprobante/context';
import type { ComprobanteDeps } from '../comprobante/deps';
import { requireAccount } from './source';

const STATE_NOTICE: Record<string, string | null> = {
  activa: null,
  inactiva: 'Cuenta inactiva: recibe consignaciones; un retiro requiere reactivación aprobada por el supervisor (cláusula 7.1).',
  embargada: 'Cuenta embargada: parte del saldo está retenida por orden de autoridad (cláusulas 7.2 y 8.5).',
  bloqueada: 'Cuenta bloqueada: no se puede disponer de los fondos (cláusula 7.2). Remita al cliente al director de la oficina.',
  cancelada: 'Cuenta cancelada: no admite operaciones (cláusula 7.3).',
};

/** Why a withdrawal cannot simply take today's withdrawable (domain/withdrawal/authorization), for the panel. */
const NOTHING: Partial<Record<Account['state'], string>> = {
  bloqueada: 'Nada: la cuenta está bloqueada y no se puede disponer de los fondos (cláusula 7.2).',
  cancelada: 'Nada: la cuenta está cancelada (cláusula 7.3).',
};
const withdrawalNote = (account: Account, on: string, rules: RulesConfig): string | null =>
  NOTHING[account.state] ?? (isInactiveAccount(account, on, rules.inactivityMonths) ? 'Solo con la reactivación aprobada por el supervisor (cuenta inactiva, cláusula 7.1).' : null);

export const createAccountsService = (deps: ComprobanteDeps) => ({
  lookup: (accountNumber: string): AccountView => {
    const { account, pendingLocal } = requireAccount(deps.accounts, accountNumber);
    const notices: string[] = [];
    // An embargo names its order, and a child-support one why the inembargable amount does not apply.
    const state = embargoNotice(account) ?? STATE_NOTICE[account.state];
    if (state) notices.push(state);
    if (account.kind === 'conjunta') notices.push('Cuenta conjunta ("y"): para retirar deben presentarse todos los titulares (cláusula 2.4.3).');
    // Central keeps a remesa al cobro in the same balance as canje until the drawee bank pays (central-api/operations).
    if (account.balances.inCanje > 0) notices.push(`${formatPesos(account.balances.inCanje)} en canje o remesa al cobro: no disponibles hasta el pago de los cheques (cláusula 3.9).`);
    const owed = account.balances.pendingCharges ?? 0;
    if (owed > 0) {
      notices.push(`Cargo pendiente por cheque devuelto: ${formatPesos(owed)}. No está disponible: los próximos abonos a la cuenta lo pagan primero.`);
    }
    const on = bogotaDate(deps.clock.now());
    // An account central still calls activa is inactive once its months without movement have passed (cl. 7.1).
    const stateNotice = account.state === 'activa' && isInactiveAccount(account, on, deps.rules.inactivityMonths) ? (STATE_NOTICE.inactiva ?? null) : (STATE_NOTICE[account.state] ?? null);
    const authorizedConditions = account.authorized.map((a) => ({ person: a.id, text: authorizedConditionsLine(a, on), expired: a.validUntil !== null && on > a.validUntil }));
    const view = {
      account,
      pendingLocal,
      withdrawalNote: withdrawalNote(account, on, deps.rules),
      notices,
      stateNotice,
      juridicaCertificateMaxAgeDays: deps.rules.juridicaCertificateMaxAgeDays,
      authorizedConditions,
    };
    if (NOTHING[account.state]) return { ...view, withdrawable: 0, embargoRetained: 0, maxWithdrawal: 0 };
    const w = withdrawableBalance(account, on, deps.rules, protectionElsewhere(deps, account));
    if (!w.ok) return { ...view, withdrawable: null, embargoRetained: 0, maxWithdrawal: null };
    const max = maxWithdrawal(w.value.withdrawable, { exemptAccount: account.gmfExempt, usedThisMonth: gmfCapUsedInMonth(deps, account.number, on), on }, deps.rules);
    return { ...view, withdrawable: w.value.withdrawable, embargoRetained: w.value.retained, maxWithdrawal: max.ok ? max.value : null };
  },
});
export type AccountsService = ReturnType<typeof createAccountsService>;
