import { useCallback, useState, type ReactNode } from 'react';
import { useAskOnEscape } from './ask-on-escape';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Leaving a screen with work typed on it is asked, not silent: one Esc meant for a list or a field used to take
 * the teller to the start menu and drop the counted cash and the cheques. Esc (or Volver) asks; Enter discards
 * and leaves; Esc again stays. An open list (aria-expanded) keeps its own Esc.
 */
export const useLeaveUnsaved = (o: { dirty: boolean; what: string; lost: string; leave: () => void }): { leave: () => void; dialog: ReactNode } => {
  const [asking, setAsking] = useState(false);
  const { dirty } = o;
  const askLeave = useCallback(() => setAsking(true), []);
  useAskOnEscape(dirty, askLeave);
  // A screen that stays mounted after leaving (Bóveda goes back to its own list) would keep the question open.
  const confirm = () => {
    setAsking(false);
    o.leave();
  };
  const dialog = asking ? (
    <ConfirmDialog title={`¿Descartar ${o.what}?`} confirmLabel="Descartar y salir" onCancel={() => setAsking(false)} onConfirm={confirm}>
      <p>Se pierde {o.lost}. Para seguir digitando, pulse Esc.</p>
    </ConfirmDialog>
  ) : null;
  return { leave: () => (dirty ? setAsking(true) : o.leave()), dialog };
};
