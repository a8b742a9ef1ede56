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
