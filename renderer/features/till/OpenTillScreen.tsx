import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { TillSession } from '../../../domain/contract/till';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { AmountInput } from '../../components/AmountInput';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DenominationGrid } from '../../components/DenominationGrid';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLeaveUnsaved } from '../../components/LeaveUnsaved';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';

/**
 * Till opening: count by denomination, then type the total as a check, then confirm. The idempotency key is
 * fixed for this screen, so a double Enter or a retry after a lost answer opens the till only once.
 */
export const OpenTillScreen = ({ teller, onOpened, onCancel }: { teller: TellerApi; onOpened: (t: TillSession) => void; onCancel: () => void }) => {
  const [count, setCount] = useState<DenominationCount>({});
  const [declared, setDeclared] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  const total = totalOfCount(count);
  const declaredRef = useRef<HTMLDivElement>(null);

  // A till this teller already closed today reopens only through F6: said now, before minutes of counting.
  useEffect(() => {
    void teller.till.current({}).then((r) => {
      if (r.ok && r.data.openRefusal) setError(r.data.openRefusal);
    });
  }, [teller]);

  // F10 refused from a row of the grid left the focus there, and the next digits went into that row's count.
  // The refusal is about the verification total: the focus goes to it, selected, so typing replaces it.
  const refuse = (message: string) => {
    setError(message);
    const field = declaredRef.current?.querySelector('input');
    field?.focus();
    field?.select();
  };
  const review = () => {
    if (declared === null) return refuse('Escriba el total contado para verificar el conteo.');
    if (declared !== total) {
      return refuse(`El conteo suma ${formatPesos(total)} y usted escribió ${formatPesos(declared)}. Revise el conteo.`);
    }
    setError(null);
    setConfirming(true);
  };

  useWindowKeyDown((e) => {
    if (e.key === 'F10' && !confirming) {
      e.preventDefault();
      review();
    }
  });

  // Esc took the teller to Inicio and dropped a half-typed count, while Cierre and Bóveda ask first: ask here too.
  const leaving = useLeaveUnsaved({
    dirty: !confirming && (total > 0 || declared !== null),
    what: 'el conteo',
    lost: 'el efectivo contado por denominación',
    leave: onCancel,
  });

  const open = async () => {
    if (busy || declared === null) return;
    setBusy(true);
    const r = await teller.till.open({ idempotencyKey: key.current, count, declaredTotal: declared });
    setBusy(false);
    setConfirming(false);
    if (r.ok) onOpened(r.data.till);
    else setError(r.error.message);
  };

  return (
    <main className="screen" aria-labelledby="open-till-title">
      <h1 id="open-till-title">Apertura de caja</h1>
      {leaving.dialog}
      <p className="hint">
        Cuente el efectivo recibido por denominación. <kbd>Enter</kbd> o <kbd>↓</kbd> pasa a la siguiente fila.
      </p>
      <div className="two-col">
        <DenominationGrid
          caption="Conteo de apertura"
          value={count}
          onChange={setCount}
          autoFocus
          onDone={() => declaredRef.current?.querySelector('input')?.focus()}
        />
        <div className="side" ref={declaredRef}>
          <AmountInput id="declared-total" label="Total contado (verificación)" value={declared} onChange={setDeclared} onEnter={review} />
          <p className="big-total">
            Total del conteo: <strong data-testid="open-total">{formatPesos(total)}</strong>
          </p>
          <ErrorBanner message={error} />
          <div className="actions">
            <button type="button" className="secondary" onClick={leaving.leave}>
              Volver <kbd>Esc</kbd>
            </button>
            <button type="button" className="primary" onClick={review}>
              Abrir caja <kbd>F10</kbd>
            </button>
          </div>
        </div>
      </div>
      {confirming ? (
        <ConfirmDialog title="Confirmar apertura" confirmLabel="Abrir caja" onConfirm={() => void open()} onCancel={() => setConfirming(false)} busy={busy}>
          <p>
            Se abrirá la caja con <strong>{formatPesos(total)}</strong> en efectivo.
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
};
