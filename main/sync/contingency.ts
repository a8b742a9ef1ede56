import {
  decideOfflineWithdrawal,
  type BranchMode,
  type ContingencyCaps,
  type OfflineWithdrawalDecision,
} from '../../domain/contingency';
import type { DocumentType } from '../../domain/central-api';
import { bogotaDate, type Clock } from '../core/runtime';
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
  onChange?: () => void;
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
  return {
    mode: (): BranchMode => deps.repo.mode().mode,
    record: (): BranchModeRecord => deps.repo.mode(),
    caps: (): ContingencyCaps => deps.caps,
    /** Switches the branch mode; the change and its journal entry commit together. Same mode again is a no-op. */
    setMode(actor: { id: string }, mode: BranchMode, reason: string): BranchModeRecord {
      const changed = inTransaction(deps.db, () => {
        if (deps.repo.mode().mode === mode) return false;
        const at = deps.clock.now().toISOString();
        deps.repo.setMode(mode, actor.id, at, reason);
        deps.journal.record('approval', actor.id, { action: 'branch_mode', mode, reason });
        return true;
      });
      if (changed) deps.onChange?.();
      return deps.repo.mode();
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
