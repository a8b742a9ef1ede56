import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CanjeChequeView } from '../../../domain/contract/canje';
import type { AppErrorShape } from '../../../domain/contract/channel';
import type { TellerApi } from '../../../domain/contract/client';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { formatPesos } from '../../../domain/money/pesos';
import { ChequeReturnDialog } from '../../components/ChequeReturnDialog';
import { ErrorList } from '../../components/ErrorList';
import { ReturnedChequeNotice } from '../../components/ReturnedChequeNotice';

const STATUS_TEXT: Record<CanjeChequeView['status'], string> = { en_canje: 'En canje', abonado: 'Abonado', devuelta: 'Devuelto' };

/**
 * Cheques en canje (seed 003 cl. 3.9): same-city cheques received at this workstation. ↑/↓ choose a row; D
 * registers that the clearing house returned it (causal, fee), even after it was credited.
 */
export const CanjeScreen = ({ teller, onCancel }: { teller: TellerApi; onCancel: () => void }) => {
  const [rows, setRows] = useState<CanjeChequeView[]>([]);
  const [selected, setSelected] = useState(0);
  const [returning, setReturning] = useState<CanjeChequeView | null>(null);
  const [returned, setReturned] = useState<{ cheque: CanjeChequeView; receipt: ReceiptDocument; printState: string | null } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async () => {
    const r = await teller.canje.list({});
    if (r.ok) setRows(r.data.cheques);
    else setError(r.error);
  }, [teller]);
  useEffect(() => {
    void load();
  }, [load]);
  // Keyboard first: the list takes the focus as soon as it has rows (and again after each change).
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && !returning) tableRef.current?.focus();
  }, [hasRows, returning]);

  const giveBack = async (row: CanjeChequeView, causalId: string, chargeFee: boolean, waiver?: { username: string; password: string }) => {
    if (busy) return;
    setBusy(true);
    const r = await teller.canje.return({ idempotencyKey: crypto.randomUUID(), chequeId: row.id, causalId, chargeFee, ...(waiver ? { waiver } : {}) });
    setBusy(false);
    // A refused return keeps its dialog open with the reason, so the teller or supervisor corrects and retries.
    if (!r.ok) return setRefusal(r.error);
    setReturning(null);
    setRefusal(null);
    setError(null);
    setReturned({ cheque: r.data.cheque, receipt: r.data.receipt, printState: r.data.printJob.state });
    await load();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const row = rows[selected];
    if (e.key === 'ArrowDown') setSelected(Math.min(rows.length - 1, selected + 1));
    else if (e.key === 'ArrowUp') setSelected(Math.max(0, selected - 1));
    else if (!row) return;
    else if ((e.key === 'd' || e.key === 'D') && row.status !== 'devuelta') setReturning(row);
    else return;
    e.preventDefault();
  };

  return (
    <main className="screen" aria-labelledby="canje-title">
      <h1 id="canje-title">Cheques en canje</h1>
      <p className="muted">↑/↓ elige el cheque · D devuelto por la cámara de compensación (causal y comisión).</p>
      {returned ? (
        <ReturnedChequeNotice
          causalText={returned.cheque.causalText}
          customerNotice={returned.cheque.customerNotice}
          receipt={returned.receipt}
          printState={returned.printState}
          testId="canje-returned"
        />
      ) : null}
      <ErrorList error={error} />
      {rows.length === 0 ? (
        <p>No hay cheques en canje recibidos en esta estación. Los cheques de esta plaza consignados con F3 aparecen aquí.</p>
      ) : (
        <table className="summary" tabIndex={0} ref={tableRef} onKeyDown={onKeyDown} aria-label="Cheques en canje" data-testid="canje-cheques">
          <thead>
            <tr>
              <th>Comprobante</th>
              <th>Cuenta</th>
              <th>Banco</th>
              <th>Cheque</th>
              <th className="num">Valor</th>
              <th>Fecha de canje</th>
              <th>Estado</th>
              <th>Acciones</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => setSelected(i)}>
                <td>{r.sequence}</td>
                <td>{r.accountNumber}</td>
                <td>{r.bank}</td>
                <td>{r.chequeNumber}</td>
                <td className="num">{formatPesos(r.amount)}</td>
                <td>{r.releaseOn}</td>
                <td data-testid="canje-status">
                  {STATUS_TEXT[r.status]}
                  {r.causalText ? ` (${r.causalText})` : ''}
                  {r.returnFee > 0 ? ` · comisión ${formatPesos(r.returnFee)}` : ''}
                </td>
                <td>
                  {r.status === 'devuelta' ? null : (
                    <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => setReturning(r)}>
                      Devuelto <kbd>D</kbd>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
      </div>
      {returning ? (
        <ChequeReturnDialog
          cheque={returning}
          busy={busy}
          refusal={refusal}
          onCancel={() => {
            setReturning(null);
            setRefusal(null);
            tableRef.current?.focus();
          }}
          onConfirm={(causalId, chargeFee, waiver) => void giveBack(returning, causalId, chargeFee, waiver)}
        />
      ) : null}
    </main>
  );
};
