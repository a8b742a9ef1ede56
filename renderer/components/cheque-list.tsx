import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../domain/contract/channel';
import { ChequeReturnDialog, type ReturnedChequeSummary } from './ChequeReturnDialog';
import type { ReturnDone } from './ReturnedChequeNotice';
import { useWindowKeyDown } from './useWindowKeyDown';

type Fetched<T> = { ok: true; rows: T[] } | { ok: false; error: AppErrorShape };

/**
 * The state of a list of deposited cheques that may come back (remesas, canje): rows loaded once and after each
 * change, the keyboard selection, the cheque being returned and the core's refusal of that return. `fetch`
 * must be stable (useCallback) or the list reloads on every render.
 */
export const useChequeList = <T extends ReturnedChequeSummary>(fetch: () => Promise<Fetched<T>>) => {
  const [rows, setRows] = useState<T[]>([]);
  const [selected, setSelected] = useState(0);
  const [returning, setReturning] = useState<T | null>(null);
  const [error, setError] = useState<AppErrorShape | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const [returned, setReturned] = useState<ReturnDone | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async () => {
    const r = await fetch();
    if (r.ok) setRows(r.rows);
    else setError(r.error);
  }, [fetch]);
  useEffect(() => {
    void load();
  }, [load]);
  /** Reread the list (a cheque cleared, another teller acted on one), dropping an error the reread may settle. */
  const reload = useCallback(() => {
    setError(null);
    void load();
  }, [load]);
  // F5 rereads (the home menu's F5 is not listening on this screen).
  useWindowKeyDown((e) => {
    if (e.key !== 'F5' || document.querySelector('dialog[open]')) return;
    e.preventDefault();
    reload();
  });
  // Keyboard first: the list takes the focus as soon as it has rows (and again after each change).
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && !returning) tableRef.current?.focus();
  }, [hasRows, returning]);

  /** ↑/↓ move the selection; true when the key was one of them. */
  const moveSelection = (key: string): boolean => {
    if (key === 'ArrowDown') setSelected(Math.min(rows.length - 1, selected + 1));
    else if (key === 'ArrowUp') setSelected(Math.max(0, selected - 1));
    else return false;
    return true;
  };
  /** A return settled (or another action done): the dialog closes and the list reloads. */
  const settled = async () => {
    setReturning(null);
    setRefusal(null);
    setError(null);
    await load();
  };
  const closeDialog = () => {
    setReturning(null);
    setRefusal(null);
    tableRef.current?.focus();
  };

  return { rows, selected, setSelected, returning, setReturning, error, setError, busy, setBusy, refusal, setRefusal, returned, setReturned, tableRef, moveSelection, settled, closeDialog, reload };
};

interface FooterProps<T extends ReturnedChequeSummary> {
  list: ReturnType<typeof useChequeList<T>>;
  onCancel: () => void;
  onReturn: (cheque: T, causalId: string, chargeFee: boolean, waiver?: { username: string; password: string }) => void;
}

/** Volver, Actualizar, and the return dialog while a cheque is being returned. */
export const ChequeListFooter = <T extends ReturnedChequeSummary>({ list, onCancel, onReturn }: FooterProps<T>) => {
  const cheque = list.returning;
  return (
    <>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
        <button type="button" className="secondary" onClick={list.reload}>
          Actualizar <kbd>F5</kbd>
        </button>
      </div>
      {cheque ? (
        <ChequeReturnDialog
          cheque={cheque}
          busy={list.busy}
          refusal={list.refusal}
          onCancel={list.closeDialog}
          onConfirm={(causalId, chargeFee, waiver) => onReturn(cheque, causalId, chargeFee, waiver)}
        />
      ) : null}
    </>
  );
};
