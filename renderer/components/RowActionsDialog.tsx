import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { trapTab, useRestoreFocus } from './focus-trap';

export interface RowAction {
  /** The letter that does it on the list too, shown on its button. */
  key: string;
  label: string;
  run: () => void;
}

/**
 * What Enter opens on a list row with more than one action: the row's actions with their letters. Enter does the
 * focused one (the first to start), its letter does it, Esc goes back to the list as it was.
 */
export const RowActionsDialog = ({ title, children, actions, onCancel }: { title: string; children?: ReactNode; actions: RowAction[]; onCancel: () => void }) => {
  const ref = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useRestoreFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    first.current?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    trapTab(e);
    const action = actions.find((a) => a.key.toLowerCase() === e.key.toLowerCase());
    if (!action) return;
    e.preventDefault();
    action.run();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="row-actions-title"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="row-actions-title">{title}</h2>
      {children ? <div className="dialog-body">{children}</div> : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancelar <kbd>Esc</kbd>
        </button>
        {actions.map((a, i) => (
          <button key={a.key} type="button" className="primary" ref={i === 0 ? first : undefined} onClick={a.run}>
            {a.label} <kbd>{a.key}</kbd>
          </button>
        ))}
      </div>
    </dialog>
  );
};
