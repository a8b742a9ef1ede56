import type { KeyboardEvent } from 'react';

/** The foot of every transaction screen: back to the start (Esc) or review the comprobante (Enter). */
export const ReviewActions = ({ onCancel, onReview, disabled }: { onCancel: () => void; onReview: () => void; disabled: boolean }) => (
  <div className="actions">
    <button type="button" className="secondary" onClick={onCancel}>
      Volver <kbd>Esc</kbd>
    </button>
    <button type="button" className="primary" disabled={disabled} onClick={onReview}>
      Revisar <kbd>Enter</kbd>
    </button>
  </div>
);

/**
 * For a screen's onKeyDown: Enter in a field with no Enter of its own (a list such as "Forma de pago", a name)
 * reviews, as the button says, instead of doing nothing. On a list it also keeps Chromium from opening the
 * options, which would then take F2, Tab and Esc; the arrows still change the option. A field whose Enter does
 * something else prevents the default first and is left alone, and so are buttons and dialogs.
 */
export const reviewOnEnter = (e: KeyboardEvent<HTMLElement>, review: () => void) => {
  if (e.key !== 'Enter' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const t = e.target;
  const field = t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && !['button', 'submit', 'reset', 'file'].includes(t.type));
  if (!field || t.closest('dialog')) return;
  e.preventDefault();
  review();
};
