import type { Account, HoldPayee, HoldResponse } from '../../domain/central-api';
import { toDomainAccount } from '../../domain/central-api/to-domain-account';
import { type AuthorizedTaken, MANDATE_REFUSAL_CODES, mandateErrors } from '../../domain/withdrawal/authorized-conditions';

type Refusal = Extract<HoldResponse, { status: 'refused' }>;
const isMandateCode = (code: string): code is (typeof MANDATE_REFUSAL_CODES)[number] => (MANDATE_REFUSAL_CODES as readonly string[]).includes(code);

/**
 * Seed 003 cl. 4, 2.1 and 3.5 judged on central's registration of the account, with the branch's own rule, for the
 * people the hold says are paid: the branch checked its copy, which may predate a mandate the holders narrowed or
 * revoked. The branch's words for each breach, all of them in one message (as its screen lists them), under the first
 * one's code. Null when the mandate allows it, or when the account's data cannot be judged (the branch refuses such an
 * account itself, REFERENCE_ACCOUNT_INVALID). `takenToday`: what each person already took on `on` at every
 * workstation (payees.ts), which an authorized person's maximum per day adds this debit to.
 */
export const mandateRefusal = (account: Account, payee: HoldPayee, on: string, takenToday: readonly AuthorizedTaken[] = []): Refusal | null => {
  const domain = toDomainAccount(account);
  if (!domain.ok) return null;
  const presenters = payee.presenters.map((p) => ({ type: p.documentType, number: p.documentNumber }));
  const errors = mandateErrors(domain.value, presenters, on, { amount: payee.amount, payout: payee.payout, takenToday });
  const first = errors[0];
  if (!first || !isMandateCode(first.code)) return null;
  return { status: 'refused', reason: first.code, message: errors.map((e) => e.message).join(' ') };
};
