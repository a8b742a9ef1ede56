import type { FeatureHandlers } from '../../core/dispatcher';
import { AppError } from '../../core/errors';
import type { ArqueoService } from '../arqueo/service';
import type { CentralCloseWord, TillService } from './service';

/**
 * `learnTransfers`: asks central for cash sent to this till before the close gate reads the till's transfers. A
 * supervisor may have provisioned it from the vault a moment ago, and the 3 s pull may not have brought it yet.
 */
export const tillHandlers = (
  till: TillService,
  arqueo: ArqueoService,
  learnTransfers: () => Promise<unknown> = async () => undefined,
  centralClose: () => Promise<CentralCloseWord | null> = async () => null,
): FeatureHandlers<'till'> => {
  /** Central is asked for the last close only when this store has none (a reinstall). */
  const word = async () => (till.lastClose() ? null : centralClose());
  /** Central's close, when this store has none: a reinstall the same day reopens it as a local close (F6). */
  const centralCloseOf = (w: CentralCloseWord | null) => (w?.reached && !w.leftOpen ? w.close : null);
  return {
    'till.current': async (req, ctx) => {
      const open = till.current(ctx.user);
      // Inicio does not wait for central; F2 (`askCentral`) does, to name the close the count is compared with.
      const w = open || !req.askCentral ? null : await word();
      const last = open ? null : till.lastClose(w);
      return {
        till: open,
        openRefusal: till.openRefusal(ctx.user, w),
        lastClose: last ? { businessDate: last.businessDate, closedAt: last.closedAt, total: last.total } : null,
        lastCloseUnknown: open ? null : till.lastCloseUnknown(w),
      };
    },
    'till.requestOpeningApproval': async (req, ctx) => {
      const w = await word();
      return arqueo.requestOpeningApproval(ctx.user, req, till.lastClose(w), till.uncompared(w, req.count));
    },
    'till.incomingCash': (req, ctx) => till.incomingCash(ctx.user, req.incoming),
    'till.open': async (req, ctx) => ({ till: till.open(ctx.user, req, (approvalId, subject) => arqueo.consumeOpeningApproval(ctx.user, approvalId, subject), await word()) }),
    'till.gate': async (_req, ctx) => {
      await learnTransfers();
      return arqueo.gate(ctx.user);
    },
    'till.count': async (req, ctx) => {
      await learnTransfers();
      return arqueo.count(ctx.user, req);
    },
    'till.requestDifferenceApproval': (req, ctx) => arqueo.requestDifferenceApproval(ctx.user, req),
    'till.close': async (req, ctx) => {
      await learnTransfers();
      return arqueo.close(ctx.user, req);
    },
    'till.lastReport': async () => arqueo.lastReport(till.isOpen() ? null : centralCloseOf(await word())),
    'till.unprinted': (_req, ctx) => arqueo.unprinted(ctx.user),
    'till.printReport': (_req, ctx) => arqueo.printReport(ctx.user),
    'till.requestReopen': async (req, ctx) => arqueo.requestReopen(ctx.user, req, till.isOpen() ? null : centralCloseOf(await word())),
    'till.reopen': async (req, ctx) => {
      arqueo.reopen(ctx.user, req, till.isOpen() ? null : centralCloseOf(await word()));
      const t = till.current(ctx.user);
      if (!t) throw new AppError('NOTHING_TO_REOPEN', 'La caja no quedó abierta. Consulte el diario electrónico.');
      return { till: t };
    },
  };
};
