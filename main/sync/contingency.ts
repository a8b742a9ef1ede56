import {
  decideOfflineWithdrawal,
  type BranchMode,
  type ContingencyCaps,
  type OfflineWithdrawalDecision,
} from '../../domain/contingency';
import type { DocumentType } from '../../domain/central-api';
import { type Clock } from '../core/runtime';
import { bogotaDate } from '../../domain/calendar/bogota-time';
import type { Journal } from '../services/journal/writer';
import { inTransaction, type Db } from '../store/db';
import type { BranchModeRecord, ContingencyRepo } from '../store/outbox/contingency-repo';
import type { OutboxRepo } from '../store/outbox/repo';
import type { ReferenceRepo } from '../store/reference/repo';

/** Printed on screen and on every receipt of an operation posted while the branch is in contingency. */
export const CONTINGENCY_MARK = 'CONTINGENCIA';

export interface ContingencyDeps {
  db: Db;
  repo: ContingencyRepo;
  outbox: OutboxRepo;
  reference: ReferenceRepo;
  journal: Journal;
  clock: Clock;
  caps: ContingencyCaps;
  tillCode: string;
  /** The link as the sync loop sees it; absent: no central, the link is never up. */
  link?: () => { state: 'online' | 'offline' | 'unknown'; onlineSince: string | null };
  /**
   * How long central must answer without a cut before contingency ends by itself; 0: only a supervisor ends
   * it. Left on, it would mark operations central authorized online as CONTINGENCIA and keep the caps armed.
   */
  autoEndAfterMs: number;
  onChange?: () => void;
}

/** Central is answering while the branch is in contingencia. */
export interface CentralBack {
  /** The later of the link coming back and the mode being switched on. */
  since: string;
  /** The link came back after contingency began; false: central was up when it was switched on. */
  returned: boolean;
  /** When the core ends contingency if the link holds; null when only a supervisor may. */
  endsAt: string | null;
}

export interface WithdrawalCheck {
  accountNumber: string;
  /** Who takes the cash: the per-customer daily cap counts by this document. */
  customer: { documentType: DocumentType; documentNumber: string };
  amount: number;
  gmf: number;
}

/**
 * The branch's contingency switch (supervisor, journaled) and the offline withdrawal check the posting
 * service calls when central is unreachable. Deposits need no check: they are queued and marked.
 */
export const createContingency = (deps: ContingencyDeps) => {
  const today = () => bogotaDate(deps.clock.now());
  const mode = (): BranchMode => deps.repo.mode().mode;
  const setMode = (actor: { id: string }, next: BranchMode, reason: string): BranchModeRecord => {
    const changed = inTransaction(deps.db, () => {
      if (deps.repo.mode().mode === next) return false;
      const at = deps.clock.now().toISOString();
      deps.repo.setMode(next, actor.id, at, reason);
      deps.journal.record('approval', actor.id, { action: 'branch_mode', mode: next, reason });
      return true;
    });
    if (changed) deps.onChange?.();
    return deps.repo.mode();
  };
  const centralBack = (): CentralBack | null => {
    const m = deps.repo.mode();
    const link = deps.link?.();
    if (m.mode !== 'contingencia' || link?.state !== 'online' || link.onlineSince === null) return null;
    const returned = m.changedAt === null || link.onlineSince >= m.changedAt;
    const since = returned ? link.onlineSince : (m.changedAt ?? link.onlineSince);
    const endsAt = deps.autoEndAfterMs > 0 ? new Date(Date.parse(since) + deps.autoEndAfterMs).toISOString() : null;
    return { since, returned, endsAt };
  };
  return {
    mode,
    record: (): BranchModeRecord => deps.repo.mode(),
    caps: (): ContingencyCaps => deps.caps,
    /** Switches the branch mode; the change and its journal entry commit together. Same mode again is a no-op. */
    setMode,
    /** In contingencia and central not answering: what is posted now goes without central's answer. */
    withoutCentral: (): boolean => mode() === 'contingencia' && deps.link?.().state !== 'online',
    centralBack,
    /** After each sync round: ends contingency once central has answered for `autoEndAfterMs` without a cut. */
    endIfCentralBack(): boolean {
      const back = centralBack();
      if (!back?.endsAt || back.endsAt > deps.clock.now().toISOString()) return false;
      const held = deps.autoEndAfterMs >= 60_000 ? `${Math.round(deps.autoEndAfterMs / 60_000)} min` : `${Math.round(deps.autoEndAfterMs / 1000)} s`;
      // Checked after each sync round. The link also drops on any call to central that fails (link-watch.ts), so a
      // cut between two rounds goes unseen only when nothing asked central during it.
      return setMode({ id: 'system' }, 'normal', `Fin automático: central respondió en cada sincronización durante ${held}`).mode === 'normal';
    },
    /** Whether a withdrawal may be paid without central, and the balance it leaves. */
    check(c: WithdrawalCheck): OfflineWithdrawalDecision {
      const date = today();
      return decideOfflineWithdrawal(
        {
          mode: deps.repo.mode().mode,
          amount: c.amount,
          debit: c.amount + c.gmf,
          account: deps.reference.getAccount(c.accountNumber),
          pendingDebits: deps.outbox.pendingEffects(c.accountNumber).debits,
          customerToday: deps.repo.customerToday(date, c.customer.documentType, c.customer.documentNumber),
          tillToday: deps.repo.tillToday(date, deps.tillCode),
        },
        deps.caps,
      );
    },
    /**
     * Counts a contingency withdrawal against the caps. Call inside the posting transaction, after
     * `outbox.enqueue(op, { contingency: true })` for the same key, and only after `check` said yes.
     */
    recordWithdrawal(key: string, c: WithdrawalCheck): void {
      deps.repo.recordWithdrawal({
        key,
        businessDate: today(),
        documentType: c.customer.documentType,
        documentNumber: c.customer.documentNumber,
        account: c.accountNumber,
        tillCode: deps.tillCode,
        amount: c.amount,
      });
    },
  };
};
export type Contingency = ReturnType<typeof createContingency>;
