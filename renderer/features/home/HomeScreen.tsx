import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { TillSession } from '../../../domain/contract/till';
import { formatPesos } from '../../../domain/money/pesos';
import { tillFromEarlierDayMessage } from '../../../domain/till/business-day';
import { focusIsNowhere } from '../../components/focus-trap';

export interface MenuItem {
  key: string;
  label: string;
  enabled: boolean;
  onSelect: () => void;
}

/** The menu's enabled buttons, in order, and the one that has the focus (-1: none). */
const enabledButtons = (nav: HTMLElement) => {
  const buttons = [...nav.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  return { buttons, at: buttons.findIndex((b) => b === document.activeElement) };
};

/**
 * The teller's start screen: every action on an F-key, shown on the button itself. Shown (after the sign-in, once
 * the till is known, or back from a screen), the first enabled item has the focus unless something else took it (an
 * approved reversal's Registrar): Enter acts on it and ↑/↓ move along the menu, as the F-keys and short codes do
 * from anywhere, instead of the focus resting on the page where Enter and the arrows do nothing.
 */
export const HomeScreen = ({
  till,
  userId,
  role,
  items,
  notices,
}: {
  till: TillSession | null;
  userId: string;
  role: string;
  items: MenuItem[];
  notices?: ReactNode;
}) => {
  const navRef = useRef<HTMLElement>(null);
  const closeOfferRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusIsNowhere()) return;
    // A till left open since an earlier day can only be closed: the focus goes to the close the notice offers, not
    // to the menu's first item (Enter opened Remesas, QA s37 Q9).
    if (closeOfferRef.current) closeOfferRef.current.focus();
    else if (navRef.current) enabledButtons(navRef.current).buttons[0]?.focus();
  }, []);
  const onMenuKey = (e: KeyboardEvent<HTMLElement>) => {
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || !navRef.current) return;
    const { buttons, at } = enabledButtons(navRef.current);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + step))];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  return (
    <main className="screen" aria-labelledby="home-title">
      <h1 id="home-title">Inicio</h1>
      {till && till.tellerId !== userId ? (
        // Another teller's till: who holds it, not its cash, and what to do.
        <p data-testid="till-summary" className="notice">
          La caja {till.tillCode} está abierta por {till.tellerName}. Solo quien la abrió registra operaciones y la cierra; para atender aquí, {till.tellerName} debe cerrarla (F6) primero.
        </p>
      ) : till ? (
        <>
          <p data-testid="till-summary">
            Caja {till.tillCode} abierta por {till.tellerName}
            {till.positionTotal === null ? (
              // Blind close: the core did not send the till's cash; the teller learns it only once the close count is final.
              <> · cierre a ciegas: el efectivo esperado se conoce al cerrar la caja (F6)</>
            ) : (
              <>
                {' '}
                · efectivo en caja <strong>{formatPesos(till.positionTotal)}</strong>
              </>
            )}
          </p>
          {/* Left open since an earlier business day: nothing more posts to it (the core refuses); the close is offered. */}
          {till.fromEarlierDay ? (
            <p className="error-banner" role="alert" data-testid="till-earlier-day">
              {tillFromEarlierDayMessage(till.businessDate)}{' '}
              {items.find((i) => i.key === 'F6' && i.enabled) ? (
                <button type="button" ref={closeOfferRef} onClick={items.find((i) => i.key === 'F6')?.onSelect}>
                  <kbd>F6</kbd> Cerrar la caja (arqueo)
                </button>
              ) : null}
            </p>
          ) : null}
          {/* Near or over the holding limit: said where the teller looks between customers, not only at F10. */}
          {till.holding?.prompt ? (
            <p className="error-banner" role="status" data-testid="holding-prompt">
              {till.holding.prompt}
            </p>
          ) : null}
        </>
      ) : (
        // A supervisor's F2 is disabled: say who opens the till, rather than let the key do nothing.
        <p data-testid="till-closed">
          {role === 'cajero' ? 'La caja no está abierta. Ábrala (F2) para atender clientes.' : 'La caja no está abierta: la abre un cajero con su propio usuario (F12 para cambiar de usuario).'}
        </p>
      )}
      {notices}
      <nav aria-label="Operaciones" className="menu" ref={navRef} onKeyDown={onMenuKey}>
        {items.map((i) => (
          <button key={i.key} type="button" className="menu-item" disabled={!i.enabled} onClick={i.onSelect}>
            <kbd>{i.key}</kbd> {i.label}
          </button>
        ))}
      </nav>
    </main>
  );
};
