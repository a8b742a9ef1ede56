import type { TellerApi } from '../../../domain/contract/client';
import { ReversalPanel } from './ReversalPanel';

/** An approved reversal opened from Inicio: its panel finds the approval and offers to register it (Enter). */
export const ReversalScreen = ({ teller, sequence, onCancel }: { teller: TellerApi; sequence: string; onCancel: () => void }) => (
  <main className="screen" aria-labelledby="reversal-title">
    <h1 id="reversal-title">Registrar reverso</h1>
    <ReversalPanel teller={teller} sequence={sequence} onDone={() => undefined} />
    <div className="actions">
      <button type="button" className="secondary" onClick={onCancel}>
        Volver <kbd>Esc</kbd>
      </button>
    </div>
  </main>
);
