import type { FeatureHandlers } from '../core/dispatcher';
import { AppError } from '../core/errors';
import { inTransaction } from '../store/db';
import type { CentralBack } from './contingency';
import type { SyncFeature } from './feature';
import { formatBogotaTime } from '../../domain/calendar/bogota-time';
import { plural } from '../../domain/language/plural';

const linkMessage = (state: 'online' | 'offline' | 'unknown', queue: number, mode: string, back: CentralBack | null): string => {
  if (back) {
    const end = back.endsAt
      ? `la contingencia termina sola a las ${formatBogotaTime(back.endsAt)} si la comunicación se mantiene, o un supervisor la termina ya`
      : 'un supervisor debe terminar la contingencia';
    const link = back.returned ? `Central responde de nuevo desde las ${formatBogotaTime(back.since)}` : 'Central está en línea: la contingencia es solo para cuando no hay comunicación';
    return `${link}. Los retiros se autorizan en línea y ${end}.`;
  }
  if (mode === 'contingencia') return 'Estación en CONTINGENCIA: las operaciones quedan en cola y se confirman con central al restablecerse.';
  if (state === 'online') return queue > 0 ? `En línea con central; ${plural(queue, 'operación', 'operaciones')} por enviar.` : 'En línea con central.';
  if (state === 'offline') return `Sin comunicación con central; ${plural(queue, 'operación', 'operaciones')} en cola. Los depósitos se reciben; los retiros requieren contingencia.`;
  return 'Conectando con central…';
};

export const syncHandlers = (sync: SyncFeature): FeatureHandlers<'sync'> => ({
  'sync.status': () => {
    const s = sync.loop.status();
    const m = sync.contingency.record();
    const back = sync.contingency.centralBack();
    return {
      state: s.state,
      queueLength: s.queueLength,
      lastSyncAt: s.lastSyncAt,
      counts: sync.outbox.counts(),
      mode: m.mode,
      modeChangedBy: m.changedBy,
      modeChangedAt: m.changedAt,
      caps: sync.contingency.caps(),
      centralBack: back,
      message: linkMessage(s.state, s.queueLength, m.mode, back),
    };
  },
  'sync.rejections': (req) => ({
    rejections: sync.outbox.rejections().filter((r) => req.includeReviewed || r.reviewedBy === null),
  }),
  'sync.reviewRejection': (req, ctx) =>
    inTransaction(sync.db, () => {
      const note = req.note ? req.note : null;
      if (sync.outbox.markReviewed(req.key, ctx.user.id, sync.clock.now().toISOString(), note)) {
        sync.journal.record('approval', ctx.user.id, { action: 'sync_rejection_reviewed', key: req.key, note });
      }
      const found = sync.outbox.rejections().find((r) => r.key === req.key);
      if (!found) throw new AppError('REJECTION_NOT_FOUND', 'Esa operación no está en la cola de rechazos de central.');
      return { rejection: found };
    }),
  'sync.setContingency': async (req, ctx) => {
    const mode = sync.contingency.setMode(ctx.user, req.active ? 'contingencia' : 'normal', req.reason).mode;
    // The link is only as fresh as the last round (up to 15 s): switched on right after a cut, the panel said
    // "Central responde" and armed the automatic end until a round failed. A round now makes the answer true.
    if (req.active) await sync.loop.syncNow(3_000);
    return { mode };
  },
});
