import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AppErrorShape } from '../../../domain/contract/channel';
import type { TellerApi } from '../../../domain/contract/client';
import type { RemittanceView } from '../../../domain/contract/remittance';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorList } from '../../components/ErrorList';
import { ReturnedChequeNotice } from '../../components/ReturnedChequeNotice';
import { ChequeReturnDialog } from '../../components/ChequeReturnDialog';

const STATUS_TEXT: Record<RemittanceView['status'], string> = { recibida: 'Recibida', enviada: 'Enviada', pagada: 'Pagada', devuelta: 'Devuelta' };

/**
 * Remesas al cobro (seed 003 cl. 3.9): cheques de otra plaza received at this workstation. ↑/↓ choose a row;
 * E marks it enviada, P pagada, D devuelta (causal, fee). A return reverses the credit and prints a receipt.
 */
export const RemittanceScreen = ({ teller, onCancel }: { teller: TellerApi; onCancel: () => void }) => {
  const [rows, setRows] = useState<RemittanceView[]>([]);
  const [selected, setSelected] = useState(0);
  const [returning, setReturning] = useState<RemittanceView | null>(null);
  const [returned, setReturned] = useState<{ remittance: RemittanceView; receipt: ReceiptDocument; printState: string | null } | null>(null);
  const [error, setError] = useState<AppErrorShape | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async () => {
    const r = await teller.remittance.list({});
    if (r.ok) setRows(r.data.remittances);
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

  type Event = Parameters<TellerApi['remittance']['advance']>[0]['event'];
  const advance = async (row: RemittanceView, event: Event) => {
    if (busy) return;
    setBusy(true);
    const r = await teller.remittance.advance({ idempotencyKey: crypto.randomUUID(), remittanceId: row.id, event });
    setBusy(false);
    // A refused return keeps its dialog open with the reason, so the teller or supervisor corrects and retries.
    if (!r.ok && event.type === 'devolver') return setRefusal(r.error);
    setReturning(null);
    setRefusal(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    if (r.data.receipt) setReturned({ remittance: r.data.remittance, receipt: r.data.receipt, printState: r.data.printJob?.state ?? null });
    await load();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const row = rows[selected];
    if (e.key === 'ArrowDown') setSelected(Math.min(rows.length - 1, selected + 1));
    else if (e.key === 'ArrowUp') setSelected(Math.max(0, selected - 1));
    else if (!row) return;
    else if (e.key === 'e' || e.key === 'E') void advance(row, { type: 'enviar' });
    else if (e.key === 'p' || e.key === 'P') void advance(row, { type: 'pagar' });
    else if (e.key === 'd' || e.key === 'D') setReturning(row);
    else return;
    e.preventDefault();
  };

  return (
    <main className="screen" aria-labelledby="remittance-title">
      <h1 id="remittance-title">Remesas al cobro</h1>
      <p className="muted">↑/↓ elige la remesa · E enviada · P pagada · D devuelta (causal y comisión).</p>
      {returned ? (
        <ReturnedChequeNotice
          causalText={returned.remittance.causalText}
          customerNotice={returned.remittance.customerNotice}
          receipt={returned.receipt}
          printState={returned.printState}
          testId="remittance-returned"
        />
      ) : null}
      <ErrorList error={error} />
      {rows.length === 0 ? (
        <p>No hay remesas al cobro en esta estación.</p>
      ) : (
        <table className="summary" tabIndex={0} ref={tableRef} onKeyDown={onKeyDown} aria-label="Remesas" data-testid="remittances">
          <thead>
            <tr>
              <th>Comprobante</th>
              <th>Cuenta</th>
              <th>Cheque</th>
              <th>Plaza</th>
              <th className="num">Valor</th>
              <th>Estado</th>
              <th>Fecha esperada</th>
              <th>Acciones</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => setSelected(i)}>
                <td>{r.sequence}</td>
                <td>{r.accountNumber}</td>
                <td>
                  {r.bank} · {r.chequeNumber}
                </td>
                <td>{r.city}</td>
                <td className="num">{formatPesos(r.amount)}</td>
                <td data-testid="remittance-status">
                  {STATUS_TEXT[r.status]}
                  {r.causalText ? ` (${r.causalText})` : ''}
                  {r.returnFee > 0 ? ` · comisión ${formatPesos(r.returnFee)}` : ''}
                </td>
                <td>{r.expectedOn}</td>
                <td>
                  {r.status === 'recibida' ? (
                    <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => void advance(r, { type: 'enviar' })}>
                      Enviada <kbd>E</kbd>
                    </button>
                  ) : null}
                  {r.status === 'enviada' ? (
                    <>
                      <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => void advance(r, { type: 'pagar' })}>
                        Pagada <kbd>P</kbd>
                      </button>
                      <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => setReturning(r)}>
                        Devuelta <kbd>D</kbd>
                      </button>
                    </>
                  ) : null}
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
          onConfirm={(causalId, chargeFee, waiver) => void advance(returning, { type: 'devolver', causalId, chargeFee, ...(waiver ? { waiver } : {}) })}
        />
      ) : null}
    </main>
  );
};
