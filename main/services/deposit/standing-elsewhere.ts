import type { StandingChequeResponseSchema } from '../../../domain/central-api';
import type { DepositSlip } from '../../../domain/deposit/slip';
import { domainError, type DomainError } from '../../../domain/rules-config/result';
import type { z } from 'zod';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from '../comprobante/remote-figures';

type Standing = NonNullable<z.infer<typeof StandingChequeResponseSchema>['standing']>;
interface Question {
  bankCode: string;
  number: string;
  drawerAccount: string;
}

const questionOf = (c: DepositSlip['cheques'][number]): Question | null =>
  /^\d{2,4}$/.test(c.bank) && /^\d{1,12}$/.test(c.number) ? { bankCode: c.bank, number: c.number, drawerAccount: c.drawerAccount } : null;

/**
 * The same cheque (bank, number, drawer's account) standing in a deposit another workstation of the bank took:
 * central is asked before the deposit is evaluated and posted (bounded wait, remote-figures.ts). Without an answer
 * the workstation's own check stands alone, and central refuses the credit when the deposit reaches it
 * (CHEQUE_ALREADY_DEPOSITED in the supervisor's rejections).
 */
export const createStandingElsewhere = (central: Pick<CentralClient, 'call'> | null, workstation: string) => {
  const figures = createRemoteFigures<Question, Standing | false>({
    keyOf: (q) => `${q.bankCode}|${q.number}|${q.drawerAccount}`,
    fetch: central
      ? async (q) => {
          const r = await central.call('standingCheque', q);
          return r.ok ? (r.data.standing ?? false) : null;
        }
      : null,
  });
  return {
    refresh: async (slip: DepositSlip): Promise<void> => {
      await Promise.all(slip.cheques.flatMap((c) => questionOf(c) ?? []).map((q) => figures.refresh(q)));
    },
    /** Refusals for the slip's cheques another workstation holds (this workstation's own are checked locally). */
    errors: (slip: DepositSlip): DomainError[] =>
      slip.cheques.flatMap((c, i) => {
        const q = questionOf(c);
        const s = q ? figures.get(q) : undefined;
        if (!s || s.workstation === workstation) return [];
        return [
          domainError(
            'CHEQUE_ALREADY_DEPOSITED',
            `Cheque de la fila ${i + 1}: el cheque No. ${c.number} del banco ${c.bank} ya se consignó en la estación ${s.workstation} a la cuenta ${s.account} y sigue en canje, en remesa o pagado. No lo reciba otra vez; consulte al supervisor.`,
            { row: i, workstation: s.workstation },
          ),
        ];
      }),
  };
};
