import { useEffect, useRef, useState, type ReactNode } from 'react';
import { trapTab, useRestoreFocus } from './focus-trap';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** Modal confirmation: Enter confirms, Escape cancels, focus starts on the confirm button and stays inside. */
export const ConfirmDialog = ({ title, children, confirmLabel, onConfirm, onCancel, busy }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // "Enter" is shown on the confirm only while Enter does confirm: a summary may move the focus to an action it
  // recommends first (the till's transfer to the vault), and the key must not be promised to both.
  const [confirmFocused, setConfirmFocused] = useState(true);
  useRestoreFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first button (Cancelar); the teller's Enter must confirm.
    confirmRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancelar <kbd>Esc</kbd>
        </button>
        <button type="button" className="primary" onClick={onConfirm} disabled={busy} ref={confirmRef} onFocus={() => setConfirmFocused(true)} onBlur={() => setConfirmFocused(false)}>
          {busy ? 'Procesando…' : confirmLabel}
          {confirmFocused ? <> <kbd>Enter</kbd></> : null}
        </button>
      </div>
    </dialog>
  );
};
