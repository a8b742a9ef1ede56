import type { User } from '../../../domain/contract/session';
import { formatPesos } from '../../../domain/money/pesos';
import { AppError } from '../../core/errors';
import type { ComprobanteDeps } from '../comprobante/deps';
import { checkSupervisor } from '../session/check-supervisor';
import type { Db } from '../../store/db';

export interface ReturnRequest {
  causalId: string;
  chargeFee: boolean;
  waiver?: { username: string; password: string } | undefined;
}
/** What the posting records: the waiver as the supervisor who authorized it, never their password. */
export interface AuthorizedReturn {
  causalId: string;
  chargeFee: boolean;
  waivedBy: string | null;
}

/**
 * Seed 003 cl. 4.2 h lets the bank charge the fee; not charging it when the tariff has one is an exception a
 * supervisor other than the teller authorizes with their own credentials (maker ≠ checker, checked here).
 * Runs before the posting transaction because checking a password is asynchronous.
 */
export const authorizeFeeWaiver = async (deps: ComprobanteDeps & { db: Db }, user: User, req: ReturnRequest, details: Record<string, string>): Promise<AuthorizedReturn> => {
  const { waiver, ...rest } = req;
  if (req.chargeFee || deps.rules.returnedChequeFee === 0) return { ...rest, waivedBy: null };
  if (!waiver) {
    throw new AppError(
      'FEE_WAIVER_NEEDS_SUPERVISOR',
      `No cobrar la comisión por cheque devuelto (${formatPesos(deps.rules.returnedChequeFee)}) es una excepción: el supervisor debe autorizarla con su usuario y contraseña.`,
    );
  }
  const sup = await checkSupervisor(deps, { ...waiver, makers: [user.id], makersFirst: true, context: 'exoneracion comision cheque devuelto', details });
  return { ...rest, waivedBy: sup.id };
};
