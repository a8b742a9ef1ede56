import { Activity, useEffect, useRef, useState, type ReactNode } from 'react';
import { onSuperseded, reclaimWindow } from '../api/teller';

/**
 * One live window per workstation: when the launch URL is opened in another tab, that tab takes the session and
 * this one stops showing it (the host no longer answers here), so no two windows work the same till at once. The
 * app is hidden rather than covered, with its effects torn down (Activity), so none of its keys, polls or
 * listeners act behind the message; but its state stays, so "Usar aquí" gives back the screen and whatever was
 * half typed on it. Its effects start again on what the core holds now (useCore re-reads the session).
 */
export const OneWindow = ({ children }: { children: ReactNode }) => {
  const [elsewhere, setElsewhere] = useState(false);
  // Hiding the app blurs the field being typed in; "Usar aquí" puts the teller back in it.
  const focused = useRef<Element | null>(null);
  useEffect(() => {
    const off = onSuperseded(() => {
      focused.current = document.activeElement;
      setElsewhere(true);
    });
    return () => {
      off();
    };
  }, []);
  // After the app's own effects, which may have focused a screen's first field on showing again.
  useEffect(() => {
    if (elsewhere) return;
    const el = focused.current;
    focused.current = null;
    if (el instanceof HTMLElement && el.isConnected) el.focus();
  }, [elsewhere]);
  return (
    <>
      <Activity mode={elsewhere ? 'hidden' : 'visible'}>{children}</Activity>
      {elsewhere ? (
        <main className="center-card">
          <div className="card" role="alertdialog" aria-labelledby="elsewhere-title" aria-describedby="elsewhere-text">
            <h1 id="elsewhere-title">Caja se abrió en otra ventana</h1>
            <p id="elsewhere-text">Esta ventana ya no atiende operaciones. Siga en la otra ventana, o tome la sesión aquí: la otra dejará de atender.</p>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                reclaimWindow();
                setElsewhere(false);
              }}
            >
              Usar aquí
            </button>
          </div>
        </main>
      ) : null}
    </>
  );
};
