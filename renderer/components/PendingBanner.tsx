import { useCallback, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import type { AppErrorShape } from '../../domain/contract/channel';
import type { Result } from '../../domain/contract/index';
import type { PostedComprobante } from '../../domain/contract/receipt';
import { useAskOnEscape } from './ask-on-escape';
import { ConfirmDialog } from './ConfirmDialog';
import { useLeaveUnsaved } from './LeaveUnsaved';

/**
 * Central did not answer a debit's online authorization: nothing was posted and nothing may be paid. Retrying
 * reuses the comprobante's key, so central answers with the same hold and the posting can never happen twice.
 * If the customer gives up, Abandonar (Tab, Enter) asks central to release what it may hold under that key.
 */
export const PendingBanner = ({ message, testId, onRetry, onAbandon, busy }: { message: string | null; testId: string; onRetry: () => void; onAbandon?: () => void; busy?: boolean }) =>
  message ? (
    <div className="error-banner" role="alert" data-testid={testId}>
      Pendiente de confirmación: {message}
      <div className="actions">
        {/* The focus goes here when the banner appears, so Enter retries as the message says. */}
        <button type="button" className="primary" autoFocus onClick={onRetry} disabled={busy}>
          Reintentar <kbd>Enter</kbd>
        </button>
        {onAbandon ? (
          <button type="button" className="secondary" onClick={onAbandon} disabled={busy}>
            Abandonar y liberar los fondos
          </button>
        ) : null}
      </div>
    </div>
  ) : null;

type Abandon = (req: { idempotencyKey: string }) => Promise<Result<'withdrawal.abandon'> | Result<'transfer.abandon'>>;

/**
 * Giving up a pending debit: central releases what it may hold under the comprobante's key, and the screen
 * takes a new key, so whatever the teller does next is a new comprobante that cannot post against that hold.
 */
export const useAbandonPending = (abandon: Abandon, key: MutableRefObject<string>, on: { abandoned: () => void; error: (e: AppErrorShape) => void }) => {
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** True once central released (or never held) the funds. */
  const run = async (): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    const r = await abandon({ idempotencyKey: key.current });
    setBusy(false);
    if (!r.ok) {
      on.error(r.error);
      return false;
    }
    key.current = crypto.randomUUID();
    setNotice(r.data.message);
    on.abandoned();
    return true;
  };
  return { notice, busy, run };
};

/**
 * Leaving a screen whose debit is still pending is asked, not silent: Esc (or Cancelar) offers to abandon it
 * and release the funds first, or to leave them held until central lets the hold lapse (15 minutes), e.g. to
 * ask the supervisor for contingency and come back. Esc in the question stays on the screen.
 */
export const useLeavePending = (o: { pending: boolean; what: string; abandon: { busy: boolean; run: () => Promise<boolean> }; leave: () => void }): { leave: () => void; dialog: ReactNode } => {
  const [asking, setAsking] = useState(false);
  const askLeave = useCallback(() => setAsking(true), []);
  useAskOnEscape(o.pending, askLeave);
  const dialog =
    asking && o.pending ? (
      <ConfirmDialog
        title={`${o.what} sigue pendiente`}
        confirmLabel="Abandonar y liberar los fondos"
        busy={o.abandon.busy}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          void o.abandon.run().then((released) => {
            setAsking(false);
            if (released) o.leave();
          });
        }}
      >
        <p>Central no ha confirmado la operación: los fondos pueden estar retenidos en la cuenta del cliente. Abandónela para liberarlos antes de salir.</p>
        <p>
          <button type="button" className="secondary" onClick={o.leave} disabled={o.abandon.busy}>
            Salir sin liberar (central los libera en 15 minutos)
          </button>
        </p>
      </ConfirmDialog>
    ) : null;
  return { leave: () => (o.pending ? setAsking(true) : o.leave()), dialog };
};

/** What the abandonment did, until the next comprobante starts. */
export const AbandonNotice = ({ message }: { message: string | null }) =>
  message ? (
    <p className="notice" role="status" data-testid="abandon-notice">
      {message}
    </p>
  ) : null;

type Post<R> = (req: { idempotencyKey: string; request: R; approvalId?: string }) => Promise<Result<'withdrawal.post'> | Result<'transfer.post'>>;

/**
 * A debit's posting under one comprobante key (withdrawal, transfer): "pendiente" keeps the key, so Reintentar
 * reaches central's same hold; abandoning takes a new one; leaving while pending is asked, and so is leaving with
 * work typed (`unsaved`, as Consignación asks), the pending question first.
 */
export const usePendingDebit = <R,>(
  api: { post: Post<R>; abandon: Abandon },
  o: {
    what: string;
    leave: () => void;
    setError: (e: AppErrorShape | null) => void;
    afterPost: () => void;
    unsaved: { dirty: boolean; what: string; lost: string };
    /** Central refused the debit: its figures differ from the screen's (another workstation moved the account), so the screen reads the account again. */
    refused?: () => void;
    /** The approval given no longer covers the debit (APPROVAL_REQUIRED at the posting): the next review asks again. */
    approvalOutdated?: () => void;
  },
) => {
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [posted, setPosted] = useState<PostedComprobante | null>(null);
  const key = useRef(crypto.randomUUID());
  const abandon = useAbandonPending(api.abandon, key, {
    abandoned: () => {
      setPending(null);
      o.setError(null);
    },
    error: o.setError,
  });
  const leavingPending = useLeavePending({ pending: pending !== null, what: o.what, abandon, leave: o.leave });
  const leavingUnsaved = useLeaveUnsaved({ ...o.unsaved, dirty: o.unsaved.dirty && pending === null && posted === null, leave: o.leave });
  const leaving = pending !== null ? leavingPending : leavingUnsaved;
  const post = async (request: R | null, approvalId: string | null | undefined) => {
    if (!request || busy) return;
    setBusy(true);
    const r = await api.post({ idempotencyKey: key.current, request, ...(approvalId ? { approvalId } : {}) });
    setBusy(false);
    o.afterPost();
    if (!r.ok) {
      // Central refused this key's authorization and holds nothing under it; it binds a key to its first request, so
      // what the teller corrects (another cheque number, a smaller amount) is asked as a new comprobante.
      if (r.error.code === 'CENTRAL_REFUSED') {
        key.current = crypto.randomUUID();
        o.refused?.();
      }
      if (r.error.code === 'APPROVAL_REQUIRED') o.approvalOutdated?.();
      return o.setError(r.error);
    }
    // Central did not answer the authorization: nothing was posted; a retry keeps the key (the same hold).
    if (r.data.status === 'pendiente') return setPending(r.data.message);
    setPending(null);
    setPosted(r.data);
  };
  return { busy, setBusy, pending, posted, abandon, leaving, post };
};
