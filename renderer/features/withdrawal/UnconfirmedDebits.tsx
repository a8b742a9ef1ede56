import { useCallback, useEffect, useState } from 'react';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { TellerApi } from '../../../domain/contract/client';
import type { UnconfirmedDebit } from '../../../domain/contract/withdrawal';
import { formatPesos } from '../../../domain/money/pesos';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';

const KIND = { retiro: 'Retiro', traslado: 'Traslado' } as const;

/** What the teller must not do while central may hold the funds: a withdrawal by cheque de gerencia hands over no cash. */
export const notHandedOver = (d: Pick<UnconfirmedDebit, 'kind' | 'payout'>): string =>
  d.kind === 'traslado' ? 'El traslado no se registra.' : d.payout === 'cheque-gerencia' ? 'No entregue el cheque de gerencia.' : 'No entregue el efectivo.';

/**
 * Inicio: withdrawals and transfers central was asked to authorize with nothing posted here, left "pendiente"
 * or cut short by a restart. Central may hold the customer's funds under each until it is abandoned here (or
 * lapses); the close waits for them. Repeating it with the customer starts a new comprobante, so the old one is
 * abandoned first.
 */
export const UnconfirmedDebits = ({ teller }: { teller: TellerApi }) => {
  const [debits, setDebits] = useState<UnconfirmedDebit[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<UnconfirmedDebit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await teller.withdrawal.unconfirmed({});
    if (r.ok) setDebits(r.data.debits);
  }, [teller]);
  useEffect(() => void load(), [load]);

  const abandon = async (d: UnconfirmedDebit) => {
    if (busy) return;
    setBusy(d.key);
    const r = await (d.kind === 'retiro' ? teller.withdrawal.abandon : teller.transfer.abandon)({ idempotencyKey: d.key });
    setBusy(null);
    setAsking(null);
    if (r.ok) {
      setError(null);
      setNotice(r.data.message);
    } else {
      setNotice(null);
      setError(r.error.message);
    }
    await load();
  };

  if (debits.length === 0 && !notice && !error) return null;
  return (
    <section className="panel" aria-label="Pendientes de confirmación">
      {debits.length > 0 ? (
        <>
          <h2>Pendientes de confirmación con central</h2>
          <p className="error-banner" role="status">
            Central no respondió a estas operaciones y puede tener fondos del cliente retenidos. No se entregó efectivo ni cheque. Si el cliente sigue en la
            ventanilla, abandónela y regístrela de nuevo; si no, abandónela para liberar sus fondos.
          </p>
          <table className="grid-table" aria-label="Operaciones sin confirmar">
            <thead>
              <tr>
                <th>Operación</th>
                <th>Cuenta</th>
                <th>Valor retenido</th>
                <th>Solicitada</th>
                <th>Cajero</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {debits.map((d) => (
                <tr key={d.key}>
                  <td>{KIND[d.kind]}</td>
                  <td>{d.account}</td>
                  <td className="num">{formatPesos(d.amount)}</td>
                  <td>{formatReceiptDateTime(d.askedAt)}</td>
                  <td>{d.teller}</td>
                  <td>
                    {d.mayAbandon ? (
                      <button type="button" className="secondary" disabled={busy !== null} onClick={() => setAsking(d)}>
                        Abandonar y liberar fondos
                      </button>
                    ) : (
                      <span className="hint">Lo abandona {d.teller} o un supervisor</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`¿Abandonar ${asking.kind === 'retiro' ? 'el retiro' : 'el traslado'}?`}
          confirmLabel="Abandonar y liberar fondos"
          busy={busy !== null}
          onCancel={() => setAsking(null)}
          onConfirm={() => void abandon(asking)}
        >
          <p>
            {/* What central may hold is the value and its GMF ("retiro de" that sum misstated the withdrawal); its answer may
                have been lost before anything was held (only the day's limits reserved), so nothing is called held here. */}
            {KIND[asking.kind]} de la cuenta {asking.account} por {formatPesos(asking.amount)} (el valor y su GMF, si lo hay): central libera lo que alcanzó a retener o reservar.{' '}
            {notHandedOver(asking)} Si el cliente sigue en la ventanilla, regístrelo de nuevo después.
          </p>
        </ConfirmDialog>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="unconfirmed-notice">
          {notice}
        </p>
      ) : null}
      <ErrorBanner message={error} />
    </section>
  );
};
