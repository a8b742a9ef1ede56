import type { CashReportResponse } from '../../../domain/central-api';
import { AppError } from '../../core/errors';
import { type Clock } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { CentralClient } from '../../sync/central-client';

/**
 * The supervisor's view of the branch's cash for the UIAF report. Central holds the bank-wide register, so
 * without central there is nothing true to show: the answer is an error that says so, never a local guess.
 */
export const createCashReportService = (deps: { central: Pick<CentralClient, 'call'> | null; clock: Clock; branch: string }) => ({
  report: async (month?: string): Promise<CashReportResponse> => {
    const unavailable = () =>
      new AppError('CENTRAL_UNAVAILABLE', 'Central no responde: el reporte de efectivo se arma en central con las operaciones de todas las oficinas. Intente de nuevo cuando vuelva la conexión.');
    if (!deps.central) throw unavailable();
    const r = await deps.central.call('cashReport', { branch: deps.branch, month: month ?? bogotaDate(deps.clock.now()).slice(0, 7) }).catch(() => null);
    if (!r?.ok) throw unavailable();
    return r.data;
  },
});
export type CashReportService = ReturnType<typeof createCashReportService>;
