import { useEffect, useState, type ReactNode } from 'react';
import { onSuperseded, reclaimWindow } from '../api/teller';

/**
 * One live window per workstation: when the launch URL is opened in another tab, that tab takes the session and
 * this one stops showing it (the host no longer answers here), so no two windows work the same till at once. The
 * app is unmounted rather than covered, so none of its keys can act behind the message; "Usar aquí" mounts it
 * again on what the core holds, as a reload would.
 */
export const OneWindow = ({ children }: { children: ReactNode }) => {
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => {
    const off = onSuperseded(() => setElsewhere(true));
    return () => {
      off();
    };
  }, []);
  if (!elsewhere) return children;
  return (
    <main className="center-card">
      <div className="card" role="alertdialog" aria-labelledby="elsewhere-title" aria-describedby="elsewhere-text">
        <h1 id="elsewhere-title">Caja se abrió en otra ventana</h1>
        <p id="elsewhere-text">Esta ventana ya no atiende operaciones. Siga en la otra ventana, o tome la sesión aquí: la otra dejará de atender.</p>
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => {
            setElsewhere(false);
            reclaimWindow();
          }}
        >
          Usar aquí
        </button>
      </div>
    </main>
  );
};
