import { bogotaDate, formatReceiptDate, formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { JournalStatus } from '../../../domain/contract/journal';
import type { ChainHead } from '../../../domain/journal/entry';
import type { ChainVerification } from '../../../domain/journal/verify';
import { plural } from '../../../domain/language/plural';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import type { CentralClient } from '../../sync/central-client';
import type { Journal } from './writer';

const ALTERED = 'Informe de inmediato al supervisor y a auditoría; no borre nada.';

/** What central's lookup says beyond the anchor: the installation a reinstall replaced, or a copied chain. */
interface Installations {
  previous: { sequence: number } | null;
  copiedFrom: { workstation: string } | null;
}

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
 *
 * Anchors are this installation's (the store's own chain, `journal.installation` in settings, born with the store): a
 * workstation reinstalled on an empty store under the same id is checked against its own anchors, and the first day
 * says where the previous installation's journal ended at central, as a note, not an alarm. The id is no proof on
 * its own (a settings row): a missing one is reported, never replaced, and central refuses a chain it knows under
 * another installation (CHAIN_COPIED), so a copied store keeps its anchors. A journal rewritten from its first entry
 * under a new id is a chain central never saw: it is not caught here (central/journal/anchors.ts).
 */
export const createJournalHealth = (deps: {
  journal: Journal;
  clock: Clock;
  workstation: string;
  /** This store's installation (settings `journal.installation`), read at each check: null when it was removed. */
  installation: () => string | null;
  central: Pick<CentralClient, 'call'> | null;
  log: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
  onChange: () => void;
  /** The on-demand verification (worker threads, see parallel.ts); defaults to journal.verify. */
  verifyAsync?: (options: { anchor?: ChainHead }) => Promise<ChainVerification>;
}) => {
  let last: { result: ChainVerification; at: string } | null = null;
  let anchored: { sequence: number; at: string } | null = null;
  /** A store that is not what its installation id says: reported as an altered journal from its first entry. */
  let problem: { reason: 'installation_missing' | 'chain_copied'; message: string } | null = null;
  let previous: Installations['previous'] = null;

  const missing = () =>
    deps.installation() === null
      ? {
          reason: 'installation_missing' as const,
          message: `DIARIO ALTERADO desde el registro 1: falta el identificador de esta instalación en la base de datos (borrado), y sin él este diario no se distingue del de otra instalación. ${ALTERED}`,
        }
      : null;

  /** The first day of a reinstalled workstation's journal (by its first entry, or today while it has none). */
  const reinstallNote = (): string => {
    if (!previous) return '';
    const today = bogotaDate(deps.clock.now().toISOString());
    const started = bogotaDate(deps.journal.first()?.at ?? deps.clock.now().toISOString());
    if (started !== today) return '';
    return `Diario iniciado en esta instalación el ${formatReceiptDate(started)}; el anterior de la estación ${deps.workstation} quedó en central hasta el registro ${previous.sequence}. `;
  };

  const status = (): JournalStatus => {
    const r = last?.result;
    const base = { anchoredSequence: anchored?.sequence ?? null, anchoredAt: anchored?.at ?? null, checkedAt: last?.at ?? null };
    if (problem) return { ...base, ok: false, count: 0, lastSequence: 0, head: null, firstBadSequence: 1, reason: problem.reason, message: problem.message };
    if (!r) return { ...base, ok: null, count: 0, lastSequence: 0, head: null, firstBadSequence: null, reason: null, message: 'Diario electrónico sin verificar.' };
    if (r.ok) {
      // The check is a moment's: entries written since are named as not yet verified, not counted as verified.
      const at = last ? ` a las ${formatReceiptDateTime(last.at).slice(11, 16)}` : '';
      const since = (deps.journal.head()?.sequence ?? r.lastSequence) - r.lastSequence;
      const after = since > 0 ? ` ${plural(since, 'registro posterior', 'registros posteriores')} sin verificar: pulse Verificar integridad.` : '';
      const message = `${reinstallNote()}Diario íntegro: ${plural(r.count, 'registro verificado', 'registros verificados')}${at}.${after}`;
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
      message: `DIARIO ALTERADO desde el registro ${r.firstBadSequence}: ${REASON_TEXT[r.reason] ?? r.reason}. ${ALTERED}`,
    };
  };

  const copiedMessage = (workstation: string) =>
    `DIARIO ALTERADO desde el registro 1: central tiene este diario como el de otra instalación de la estación ${workstation}, y esta base lo presenta con otro identificador (copiada o cambiada). Una copia no inicia un diario nuevo. ${ALTERED}`;

  /** This installation's last anchor at central, and what central knows of the workstation's other installations. */
  const lookup = async (installation: string): Promise<({ anchor: ChainHead | undefined } & Installations) | undefined> => {
    if (!deps.central) return undefined;
    const first = deps.journal.first();
    const r = await deps.central.call('latestAnchor', { workstation: deps.workstation, installation, ...(first ? { firstHash: first.hash } : {}) });
    if (!r.ok) return undefined;
    const a = r.data.anchor;
    return { anchor: a ? { sequence: a.sequence, hash: a.headHash } : undefined, previous: r.data.previous, copiedFrom: r.data.copiedFrom };
  };

  const verifyNow = async (): Promise<JournalStatus> => {
    const installation = deps.installation();
    const found = installation === null ? undefined : await lookup(installation).catch(() => undefined);
    if (found) previous = found.previous;
    // A copy found earlier stays reported while central is silent; only central's answer clears it.
    problem = missing() ?? (found ? (found.copiedFrom ? { reason: 'chain_copied', message: copiedMessage(found.copiedFrom.workstation) } : null) : problem);
    const anchor = found?.anchor;
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
      problem = missing();
      if (problem) deps.log({ level: 'error', msg: 'journal installation id missing at start' });
      if (!result.ok) deps.log({ level: 'error', msg: 'journal chain broken at start', firstBadSequence: result.firstBadSequence, reason: result.reason });
      return status();
    },
    verifyNow,
    /** Sends the head to central (`anchorJournal`). Refused while the chain is known to be broken. */
    anchor: async (): Promise<JournalStatus> => {
      if (last?.result.ok === false || problem) throw new AppError('JOURNAL_BROKEN', 'El diario está alterado: no se envía su cabeza a central. Informe al supervisor.');
      if (!deps.central) throw new AppError('CENTRAL_UNAVAILABLE', 'No hay conexión con central configurada; la cabeza del diario se enviará en la próxima sincronización.');
      const head = deps.journal.head();
      const first = deps.journal.first();
      const installation = deps.installation();
      if (!head || !first || installation === null) return status();
      const r = await deps.central.call('anchorJournal', { workstation: deps.workstation, installation, firstHash: first.hash, sequence: head.sequence, headHash: head.hash });
      if (!r.ok) {
        if (r.error.code === 'CHAIN_COPIED') {
          const owner = r.error.details?.workstation;
          problem = { reason: 'chain_copied', message: copiedMessage(typeof owner === 'string' ? owner : deps.workstation) };
          deps.onChange();
        }
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
