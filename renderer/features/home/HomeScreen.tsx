import type { TillSession } from '../../../domain/contract/till';
import { formatPesos } from '../../../domain/money/pesos';

export interface MenuItem {
  key: string;
  label: string;
  enabled: boolean;
  onSelect: () => void;
}

/** The teller's start screen: every action on an F-key, shown on the button itself. */
export const HomeScreen = ({ till, items }: { till: TillSession | null; items: MenuItem[] }) => (
  <main className="screen" aria-labelledby="home-title">
    <h1 id="home-title">Inicio</h1>
    {till ? (
      <p data-testid="till-summary">
        Caja {till.tillCode} abierta por {till.tellerName} · efectivo en caja <strong>{formatPesos(till.positionTotal)}</strong>
      </p>
    ) : (
      <p>La caja no está abierta. Ábrala para atender clientes.</p>
    )}
    <nav aria-label="Operaciones" className="menu">
      {items.map((i) => (
        <button key={i.key} type="button" className="menu-item" disabled={!i.enabled} onClick={i.onSelect}>
          <kbd>{i.key}</kbd> {i.label}
        </button>
      ))}
    </nav>
  </main>
);
