import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { RemittanceView } from '../../../domain/contract/remittance';
import { bankName } from '../../../domain/cheque/banks';
import { remesaMovedText, remesaMoveQuestion, remesaRefusal } from '../../../domain/cheque/remesa';
import { formatPesos } from '../../../domain/money/pesos';
import { ChequeListFooter, useChequeList } from '../../components/cheque-list';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorList } from '../../components/ErrorList';
import { RowActionsDialog, type RowAction } from '../../components/RowActionsDialog';
import { ReturnedChequeNotice, returnStatusText } from '../../components/ReturnedChequeNotice';
import { formatReceiptDate } from '../../../domain/calendar/bogota-time';
import { useRetryKeys } from '../../components/useRetryKeys';
import { BranchWideNotice, takenAtText } from '../../components/branch-wide';

const STATUS_TEXT: Record<RemittanceView['status'], string> = { recibida: 'Recibida', enviada: 'Enviada', pagada: 'Pagada', devuelta: 'Devuelta' };

/** The date that matters in each state: when it is expected while pending, when it was paid or came back. */
const dateOf = (r: RemittanceView): string =>
  r.status === 'pagada' && r.paidOn ? `pagada ${formatReceiptDate(r.paidOn)}` : r.status === 'devuelta' && r.returnedOn ? `devuelta ${formatReceiptDate(r.returnedOn)}` : `esperada ${formatReceiptDate(r.expectedOn)}`;

/**
 * Remesas al cobro (seed 003 cl. 3.9): cheques de otra plaza received at any workstation of the branch (central's
 * list), or only this one's while central does not answer. ↑/↓ choose a row;
 * E marks it enviada, P pagada, D devuelta (causal, fee). A return reverses the credit and prints a receipt.
 */
export const RemittanceScreen = ({ teller, onCancel }: { teller: TellerApi; onCancel: () => void }) => {
  const [branchWide, setBranchWide] = useState<boolean | null>(null);
  const fetch = useCallback(async () => {
    const r = await teller.remittance.list({});
    if (r.ok) setBranchWide(r.data.branchWide);
    return r.ok ? { ok: true as const, rows: r.data.remittances } : r;
  }, [teller]);
  const list = useChequeList(fetch);
  const { rows, selected, busy } = list;
  const keys = useRetryKeys();
  /** The row whose actions Enter listed (see actionsOf). */
  const [choosing, setChoosing] = useState<RemittanceView | null>(null);
  /** E or P asked, waiting for Enter: P makes the remesa's value withdrawable, a stray key must not. */
  const [asking, setAsking] = useState<{ row: RemittanceView; event: 'enviar' | 'pagar' } | null>(null);
  // The question closed (confirmed or not): back to the list, whatever had the focus when it opened (the actions'
  // list is gone by then).
  const tableRef = list.tableRef;
  useEffect(() => {
    if (!asking) tableRef.current?.focus();
  }, [asking, tableRef]);
  /** What the last E or P did, said on screen. */
  const [moved, setMoved] = useState<string | null>(null);

  type Event = Parameters<TellerApi['remittance']['advance']>[0]['event'];
  const advance = async (row: RemittanceView, event: Event) => {
    if (busy) return;
    list.setBusy(true);
    // E or P pressed again after a lost answer is the same request: the core answers the move it made.
    const r = await keys.run(`${row.id}:${event.type}`, (idempotencyKey) => teller.remittance.advance({ idempotencyKey, remittanceId: row.id, event }));
    list.setBusy(false);
    // A refused return keeps its dialog open with the reason, so the teller or supervisor corrects and retries.
    if (!r.ok && event.type === 'devolver') return list.setRefusal(r.error);
    if (!r.ok) return list.setError(r.error);
    if (r.data.receipt) list.setReturned({ cheque: r.data.remittance, receipt: r.data.receipt, printJob: r.data.printJob ?? null });
    setMoved(event.type === 'devolver' ? null : remesaMovedText(r.data.remittance, event.type));
    await list.settled();
  };

  /** E or P: refused at once when the remesa's state does not allow it, else asked before anything moves. */
  const ask = (row: RemittanceView, event: 'enviar' | 'pagar') => {
    const refusal = remesaRefusal(row, event);
    if (refusal !== null) return list.setError(refusal);
    list.setError(null);
    setAsking({ row, event });
  };

  // Enter lists the row's actions with their letters rather than doing one: E and P move the remesa at once, with no
  // confirmation, and an enviada has two (P, D) with neither the obvious one.
  const actionsOf = (row: RemittanceView): RowAction[] => {
    const act = (run: () => void) => () => {
      setChoosing(null);
      run();
    };
    if (row.depositReversed) return [];
    if (row.status === 'recibida') return [{ key: 'E', label: 'Enviada', run: act(() => ask(row, 'enviar')) }];
    if (row.status === 'enviada') {
      return [
        { key: 'P', label: 'Pagada', run: act(() => ask(row, 'pagar')) },
        { key: 'D', label: 'Devuelta', run: act(() => list.setReturning(row)) },
      ];
    }
    return [];
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const row = rows[selected];
    if (list.moveSelection(e.key)) return e.preventDefault();
    if (!row || row.depositReversed) return;
    if (e.key === 'Enter' && actionsOf(row).length > 0) setChoosing(row);
    else if (e.key === 'e' || e.key === 'E') ask(row, 'enviar');
    else if (e.key === 'p' || e.key === 'P') ask(row, 'pagar');
    else if (e.key === 'd' || e.key === 'D') {
      // Only a remesa the drawee bank had (enviada) comes back; say so before asking for a causal.
      const refusal = remesaRefusal(row, 'devolver');
      if (refusal === null) list.setReturning(row);
      else list.setError(refusal);
    }
    else return;
    e.preventDefault();
  };

  return (
    <main className="screen" aria-labelledby="remittance-title">
      <h1 id="remittance-title">Remesas al cobro</h1>
      <p className="muted">↑/↓ elige la remesa · Enter lista sus acciones · E enviada · P pagada · D devuelta (causal y comisión) · F5 actualiza.</p>
      <ReturnedChequeNotice teller={teller} returned={list.returned} testId="remittance-returned" />
      {moved ? (
        <p className="notice" role="status" data-testid="remittance-moved">
          {moved}
        </p>
      ) : null}
      <BranchWideNotice branchWide={branchWide} testId="remittance-local-only" />
      <ErrorList error={list.error} />
      {rows.length === 0 ? (
        <p>No hay remesas al cobro en la oficina.</p>
      ) : (
        <table className="summary" tabIndex={0} ref={list.tableRef} onKeyDown={onKeyDown} aria-label="Remesas" data-testid="remittances">
          <thead>
            <tr>
              <th>Comprobante</th>
              <th>Cuenta</th>
              <th>Cheque</th>
              <th>Plaza</th>
              <th className="num">Valor</th>
              <th>Estado</th>
              <th>Fecha</th>
              <th>Estación</th>
              <th>Acciones</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => list.setSelected(i)}>
                <td>{r.sequence}</td>
                <td>{r.accountNumber}</td>
                <td>
                  {bankName(r.bank)} · {r.chequeNumber}
                </td>
                <td>{r.city}</td>
                <td className="num">{formatPesos(r.amount)}</td>
                <td data-testid="remittance-status">{returnStatusText(STATUS_TEXT[r.status], r)}</td>
                <td>{dateOf(r)}</td>
                <td data-testid="remittance-taken-at">{takenAtText(r.takenAt)}</td>
                <td>
                  {r.status === 'recibida' && !r.depositReversed ? (
                    <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => ask(r, 'enviar')}>
                      Enviada <kbd>E</kbd>
                    </button>
                  ) : null}
                  {r.status === 'enviada' && !r.depositReversed ? (
                    <>
                      <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => ask(r, 'pagar')}>
                        Pagada <kbd>P</kbd>
                      </button>
                      <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => list.setReturning(r)}>
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
      {choosing ? (
        <RowActionsDialog title={`Remesa ${choosing.sequence}`} actions={actionsOf(choosing)} onCancel={() => setChoosing(null)}>
          <p>
            Cheque {choosing.chequeNumber} de {bankName(choosing.bank)} por {formatPesos(choosing.amount)} · {STATUS_TEXT[choosing.status]}
          </p>
        </RowActionsDialog>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={asking.event === 'pagar' ? 'Confirmar remesa pagada' : 'Confirmar remesa enviada'}
          confirmLabel={asking.event === 'pagar' ? 'Marcar pagada' : 'Marcar enviada'}
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const { row, event } = asking;
            setAsking(null);
            void advance(row, { type: event });
          }}
        >
          {remesaMoveQuestion(asking.row, asking.event).map((line) => (
            <p key={line} data-testid="remesa-question">
              {line}
            </p>
          ))}
        </ConfirmDialog>
      ) : null}
      <ChequeListFooter
        list={list}
        onCancel={onCancel}
        onReturn={(r, causalId, chargeFee, waiver) => void advance(r, { type: 'devolver', causalId, chargeFee, ...(waiver ? { waiver } : {}) })}
      />
    </main>
  );
};
