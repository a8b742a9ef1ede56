import { useCallback, useState, type KeyboardEvent } from 'react';
import type { CanjeChequeView } from '../../../domain/contract/canje';
import type { TellerApi } from '../../../domain/contract/client';
import { bankName } from '../../../domain/cheque/banks';
import { formatPesos } from '../../../domain/money/pesos';
import { ChequeListFooter, useChequeList } from '../../components/cheque-list';
import { ErrorList } from '../../components/ErrorList';
import { ReturnedChequeNotice, returnStatusText } from '../../components/ReturnedChequeNotice';
import { formatReceiptDate } from '../../../domain/calendar/bogota-time';
import { useRetryKeys } from '../../components/useRetryKeys';
import { BranchWideNotice, takenAtText } from '../../components/branch-wide';

const statusText = (r: CanjeChequeView): string =>
  r.status === 'por_abonar'
    ? `Pendiente de abono en central (vence ${formatReceiptDate(r.releaseOn).slice(0, 5)})`
    : { en_canje: 'En canje', abonado: 'Abonado', devuelta: 'Devuelto' }[r.status];

/**
 * Cheques en canje (seed 003 cl. 3.9): same-city cheques received at any workstation of the branch (central's list,
 * with those of this one central has not received yet), or only this one's while central does not answer. ↑/↓
 * choose a row; D registers that the clearing house returned it (causal, fee), even after it was credited.
 */
export const CanjeScreen = ({ teller, onCancel }: { teller: TellerApi; onCancel: () => void }) => {
  const [branchWide, setBranchWide] = useState<boolean | null>(null);
  const fetch = useCallback(async () => {
    const r = await teller.canje.list({});
    if (r.ok) setBranchWide(r.data.branchWide);
    return r.ok ? { ok: true as const, rows: r.data.cheques } : r;
  }, [teller]);
  const list = useChequeList(fetch);
  const { rows, selected, busy } = list;
  const keys = useRetryKeys();

  const giveBack = async (row: CanjeChequeView, causalId: string, chargeFee: boolean, waiver?: { username: string; password: string }) => {
    if (busy) return;
    list.setBusy(true);
    // Enter again in the dialog after a lost answer: the core answers the return it made, with its receipt.
    const r = await keys.run(row.id, (idempotencyKey) => teller.canje.return({ idempotencyKey, chequeId: row.id, causalId, chargeFee, ...(waiver ? { waiver } : {}) }));
    list.setBusy(false);
    // A refused return keeps its dialog open with the reason, so the teller or supervisor corrects and retries.
    if (!r.ok) return list.setRefusal(r.error);
    list.setReturned({ cheque: r.data.cheque, receipt: r.data.receipt, printJob: r.data.printJob });
    await list.settled();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const row = rows[selected];
    if (list.moveSelection(e.key)) e.preventDefault();
    // Enter opens what D opens: a row has that one action, and its dialog asks the causal before anything is done.
    else if ((e.key === 'd' || e.key === 'D' || e.key === 'Enter') && row && row.status !== 'devuelta' && !row.depositReversed) {
      e.preventDefault();
      list.setReturning(row);
    } else if ((e.key === 'd' || e.key === 'D') && row?.status === 'devuelta') {
      // Said, not silently ignored: the teller otherwise presses D again and wonders.
      e.preventDefault();
      list.setError(`Este cheque ya fue devuelto${row.returnedOn ? ` el ${formatReceiptDate(row.returnedOn)}` : ''}: no queda otra devolución por registrar. Elija otro cheque de la lista.`);
    }
  };

  return (
    <main className="screen" aria-labelledby="canje-title">
      <h1 id="canje-title">Cheques en canje</h1>
      <p className="muted">↑/↓ elige el cheque · D o Enter: devuelto por la cámara de compensación (causal y comisión) · F5 actualiza.</p>
      <ReturnedChequeNotice teller={teller} returned={list.returned} testId="canje-returned" />
      <BranchWideNotice branchWide={branchWide} testId="canje-local-only" />
      <ErrorList error={list.error} />
      {rows.length === 0 ? (
        <p>No hay cheques en canje en la oficina. Los cheques de esta plaza consignados con F3 aparecen aquí.</p>
      ) : (
        <table className="summary" tabIndex={0} ref={list.tableRef} onKeyDown={onKeyDown} aria-label="Cheques en canje" data-testid="canje-cheques">
          <thead>
            <tr>
              <th>Comprobante</th>
              <th>Cuenta</th>
              <th>Banco</th>
              <th>Cheque</th>
              <th className="num">Valor</th>
              <th>Fecha de canje</th>
              <th>Estado</th>
              <th>Estación</th>
              <th>Acciones</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => list.setSelected(i)}>
                <td>{r.sequence}</td>
                <td>{r.accountNumber}</td>
                <td>{bankName(r.bank)}</td>
                <td>{r.chequeNumber}</td>
                <td className="num">{formatPesos(r.amount)}</td>
                <td>{formatReceiptDate(r.releaseOn)}</td>
                <td data-testid="canje-status">{returnStatusText(statusText(r), r)}</td>
                <td data-testid="canje-taken-at">{takenAtText(r.takenAt)}</td>
                <td>
                  {r.status === 'devuelta' || r.depositReversed ? null : (
                    <button type="button" className="secondary" tabIndex={-1} disabled={busy} onClick={() => list.setReturning(r)}>
                      Devuelto <kbd>D</kbd>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ChequeListFooter list={list} onCancel={onCancel} onReturn={(c, causalId, chargeFee, waiver) => void giveBack(c, causalId, chargeFee, waiver)} />
    </main>
  );
};
