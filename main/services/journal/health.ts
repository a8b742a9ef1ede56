import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { JournalStatus } from '../../../domain/contract/journal';
import type { ChainHead } from '../../../domain/journal/entry';
import type { ChainVerification } from '../../../domain/journal/verify';
import { plural } from '../../../domain/language/plural';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import type { CentralClient } from '../../sync/central-client';
import type { Journal } from './writer';

const REASON_TEXT: Record<string, string> = {
  hash_mismatch: 'el contenido del registro fue modificado',
  prev_mismatch: 'el enlace con el registro anterior no coincide (registro reescrito o movido)',
  sequence_gap: 'faltan registros (borrados)',
  reordered: 'los registros están fuera de orden',
};

/**
 * Health of the electronic journal: verified at start and on demand (against central's last anchored head
 * when central answers, which also catches deleted last rows), and its head anchored at central at each
 * close and on demand. A broken chain is kept as state and shown — never silently ignored.
 */
export const createJournalHealth = (deps: {
  journal: Journal;
  clock: Clock;
  workstation: string;
  central: Pick<CentralClient, 'call'> | null;
  log: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
  onChange: () => void;
  /** The on-demand verification (worker threads, see parallel.ts); defaults to journal.verify. */
  verifyAsync?: (options: { anchor?: ChainHead }) => Promise<ChainVerification>;
}) => {
  let last: { result: ChainVerification; at: string } | null = null;
  let anchored: { sequence: number; at: string } | null = null;

  const status = (): JournalStatus => {
    const r = last?.result;
    const base = { anchoredSequence: anchored?.sequence ?? null, anchoredAt: anchored?.at ?? null, checkedAt: last?.at ?? null };
    if (!r) return { ...base, ok: null, count: 0, lastSequence: 0, head: null, firstBadSequence: null, reason: null, message: 'Diario electrónico sin verificar.' };
    if (r.ok) {
      // The check is a moment's: entries written since are named as not yet verified, not counted as verified.
      const at = last ? ` a las ${formatReceiptDateTime(last.at).slice(11, 16)}` : '';
      const since = (deps.journal.head()?.sequence ?? r.lastSequence) - r.lastSequence;
      const after = since > 0 ? ` ${plural(since, 'registro posterior', 'registros posteriores')} sin verificar: pulse Verificar integridad.` : '';
      const message = `Diario íntegro: ${plural(r.count, 'registro verificado', 'registros verificados')}${at}.${after}`;
      return { ...base, ok: true, count: r.count, lastSequence: r.lastSequence, head: r.head, firstBadSequence: null, reason: null, message };
    }
    return {
      ...base,
      ok: false,
      count: r.index,
      lastSequence: r.firstBadSequence - 1,
      head: null,
      firstBadSequence: r.firstBadSequence,
      reason: r.reason,
      message: `DIARIO ALTERADO desde el registro ${r.firstBadSequence}: ${REASON_TEXT[r.reason] ?? r.reason}. Informe de inmediato al supervisor y a auditoría; no borre nada.`,
    };
  };

  const latestAnchor = async (): Promise<ChainHead | undefined> => {
    if (!deps.central) return undefined;
    const r = await deps.central.call('latestAnchor', { workstation: deps.workstation });
    if (!r.ok || !r.data.anchor) return undefined;
    return { sequence: r.data.anchor.sequence, hash: r.data.anchor.headHash };
  };

  const verifyNow = async (): Promise<JournalStatus> => {
    const anchor = await latestAnchor().catch(() => undefined);
    const options = anchor && anchor.sequence > 0 ? { anchor } : {};
    const result = deps.verifyAsync ? await deps.verifyAsync(options) : deps.journal.verify(options);
    last = { result, at: deps.clock.now().toISOString() };
    if (!result.ok) deps.log({ level: 'error', msg: 'journal chain broken', firstBadSequence: result.firstBadSequence, reason: result.reason });
    deps.onChange();
    return status();
  };

  return {
    status,
    /** At start: local verification right away (no network wait), the anchored check follows. */
    verifyAtStart: (): JournalStatus => {
      const result = deps.journal.verify();
      last = { result, at: deps.clock.now().toISOString() };
      if (!result.ok) deps.log({ level: 'error', msg: 'journal chain broken at start', firstBadSequence: result.firstBadSequence, reason: result.reason });
      return status();
    },
    verifyNow,
    /** Sends the head to central (`anchorJournal`). Refused while the chain is known to be broken. */
    anchor: async (): Promise<JournalStatus> => {
      if (last?.result.ok === false) throw new AppError('JOURNAL_BROKEN', 'El diario está alterado: no se envía su cabeza a central. Informe al supervisor.');
      if (!deps.central) throw new AppError('CENTRAL_UNAVAILABLE', 'No hay conexión con central configurada; la cabeza del diario se enviará en la próxima sincronización.');
      const head = deps.journal.head();
      if (!head) return status();
      const r = await deps.central.call('anchorJournal', { workstation: deps.workstation, sequence: head.sequence, headHash: head.hash });
      if (!r.ok) {
        if (r.error.code === 'CHAIN_FORK') {
          last = { result: { ok: false, firstBadSequence: head.sequence, reason: 'hash_mismatch', index: head.sequence - 1 }, at: deps.clock.now().toISOString() };
          deps.onChange();
        }
        throw new AppError('CENTRAL_UNAVAILABLE', `Central no registró la cabeza del diario: ${r.error.message}`);
      }
      anchored = { sequence: r.data.anchor.sequence, at: r.data.anchor.anchoredAt };
      deps.onChange();
      return status();
    },
  };
};
export type JournalHealth = ReturnType<typeof createJournalHealth>;
