import type { Pesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { type Result, fail, ok } from '../rules-config/result';
import { type ReturnCausal, findCausal } from './causales';

/**
 * Effects of a returned cheque (seed 003 cl. 3.9 and 4.2 d): the conditional credit is reversed from the bucket
 * it sits in, the physical cheque is kept in custody for the customer to collect at the account's office, and
 * the returned-cheque fee may be charged (cl. 4.2 h). Waiving the fee is a supervisor decision
 * (RETURNED_CHEQUE_FEE_WAIVER).
 */
export interface ReturnedChequeInput {
  readonly amount: Pesos;
  /** Where the deposit put the amount: canje for same-city cheques, hold for remesas. */
  readonly heldIn: 'inCanje' | 'onHold';
  readonly causalId: string;
  readonly chargeFee: boolean;
}

export interface ReturnedChequePlan {
  readonly reverse: { readonly from: 'inCanje' | 'onHold'; readonly amount: Pesos };
  /** Debited from the available balance; 0 when not charged. */
  readonly fee: Pesos;
  readonly causal: ReturnCausal;
  readonly custody: 'oficina-de-la-cuenta';
  /** C.Co. art. 731: the drawer may owe the holder 20 % when the return is the drawer's fault. */
  readonly sanctionArt731: Pesos;
  readonly customerNotice: string;
}

export const planReturnedCheque = (input: ReturnedChequeInput, rules: RulesConfig): Result<ReturnedChequePlan> => {
  const causal = findCausal(input.causalId);
  if (!causal) return fail('RETURN_CAUSAL_UNKNOWN', 'Seleccione una causal de devolución válida.', { causalId: input.causalId });
  const fee = input.chargeFee ? rules.returnedChequeFee : 0;
  return ok({
    reverse: { from: input.heldIn, amount: input.amount },
    fee,
    causal,
    custody: 'oficina-de-la-cuenta',
    sanctionArt731: causal.imputableAlGirador ? Math.floor(input.amount / 5) : 0,
    customerNotice: `Su cheque fue devuelto por "${causal.text}". Reclámelo en la oficina donde tiene la cuenta (cláusula 3.9).`,
  });
};
