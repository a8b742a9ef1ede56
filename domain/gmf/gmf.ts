import type { Pesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { uvtFor } from '../rules-config/lookup';
import { type Result, fail, ok } from '../rules-config/result';
import { mulDivRound } from '../rules-config/rounding';

/**
 * GMF 4 × 1.000 on a debit (domain-co §1). Deposits never pay it: callers only compute it for withdrawals,
 * cheques de gerencia, transfers and other disposals.
 */
export interface GmfInput {
  /** Value of the disposal in pesos. */
  readonly amount: Pesos;
  /** The account is the holder's marked GMF-exempt account (ET art. 879 num. 1; seed 003 cl. 4.3). */
  readonly exemptAccount: boolean;
  /** Exempt debits already applied this calendar month (marked account, or the titular in consolidated mode). */
  readonly usedThisMonth: Pesos;
  /** Business date of the debit; selects the UVT year. */
  readonly on: string;
  /** A disposal fully exempt by law, e.g. ET art. 879 num. 14 (same sole holder, same bank). */
  readonly fullyExempt?: 'ET_879_14' | undefined;
}

export interface GmfBreakdown {
  /** Part covered by the monthly exemption (or the whole amount if fully exempt). */
  readonly exempt: Pesos;
  readonly taxable: Pesos;
  readonly gmf: Pesos;
  /** Monthly exempt cap, 350 × UVT (0 when the account is not marked). */
  readonly cap: Pesos;
  /** Cap left after this debit. */
  readonly remainingCap: Pesos;
  /** Part that counts against the month's 350 UVT (art. 879 num. 1); a disposal exempt by num. 14 uses none. */
  readonly capUsed: Pesos;
  readonly legalBasis: string | null;
}

/** 4 × 1.000 of `taxable`, rounded with the configured policy using integer arithmetic only. */
export const gmfOn = (taxable: Pesos, rules: RulesConfig): Pesos =>
  mulDivRound(taxable, rules.gmf.ratePerMille, 1000, rules.gmf.rounding);

export const gmfExemptCap = (on: string, rules: RulesConfig): Result<Pesos> => {
  const uvt = uvtFor(on, rules);
  return uvt.ok ? ok(rules.gmf.exemptCapUvt * uvt.value) : uvt;
};

export const computeGmf = (input: GmfInput, rules: RulesConfig): Result<GmfBreakdown> => {
  const { amount, usedThisMonth } = input;
  if (!Number.isSafeInteger(amount) || amount < 0 || !Number.isSafeInteger(usedThisMonth) || usedThisMonth < 0) {
    return fail('GMF_INVALID_AMOUNT', 'El valor para calcular el 4x1000 debe ser un entero de pesos no negativo.');
  }
  if (input.fullyExempt === 'ET_879_14') {
    return ok({ exempt: amount, taxable: 0, gmf: 0, cap: 0, remainingCap: 0, capUsed: 0, legalBasis: 'ET art. 879 num. 14: traslado entre cuentas del mismo y único titular' });
  }
  if (!input.exemptAccount) {
    return ok({ exempt: 0, taxable: amount, gmf: gmfOn(amount, rules), cap: 0, remainingCap: 0, capUsed: 0, legalBasis: null });
  }
  const cap = gmfExemptCap(input.on, rules);
  if (!cap.ok) return cap;
  const room = Math.max(0, cap.value - usedThisMonth);
  const exempt = Math.min(amount, room);
  const taxable = amount - exempt;
  return ok({
    exempt,
    taxable,
    gmf: gmfOn(taxable, rules),
    cap: cap.value,
    remainingCap: room - exempt,
    capUsed: exempt,
    legalBasis: exempt > 0 ? 'ET art. 879 num. 1: cuenta marcada exenta hasta 350 UVT mensuales' : null,
  });
};
