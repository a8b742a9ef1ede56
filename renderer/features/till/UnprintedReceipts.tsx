import { useEffect, useState } from 'react';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { TellerApi } from '../../../domain/contract/client';
import { formatPesos } from '../../../domain/money/pesos';

const KIND = { deposito: 'Consignación', retiro: 'Retiro', traslado: 'Traslado' } as const;
interface Receipt {
  sequence: string;
  kind: keyof typeof KIND;
  account: string;
  total: number;
  postedAt: string;
}

/**
 * Inicio: comprobantes of the open till whose receipt never reached paper, and the till's last comprobante.
 * After a crash right after a posting nothing else tells the teller that it was registered (and, for a
 * withdrawal, that its cash left the till), so it would be repeated.
 */
export const UnprintedReceipts = ({ teller }: { teller: TellerApi }) => {
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const [last, setLast] = useState<Receipt | null>(null);
  const listed = receipts.length > 0;
  useEffect(() => {
    const load = () =>
      void teller.till.unprinted({}).then((r) => {
        if (!r.ok) return;
        setReceipts(r.data.receipts);
        setLast(r.data.last);
      });
    load();
    // A receipt still leaving the printer when Inicio opens is listed for a moment; reread until none is left.
    if (!listed) return undefined;
    const timer = setInterval(load, 3_000);
    return () => clearInterval(timer);
  }, [teller, listed]);
  const lastLine = last ? (
    <p className="notice" data-testid="last-posted">
      Última operación registrada: {KIND[last.kind]} {last.sequence} · cuenta {last.account} · {formatPesos(last.total)} · {formatReceiptDateTime(last.postedAt)}
    </p>
  ) : null;
  if (receipts.length === 0) return lastLine;
  return (
    <>
      {lastLine}
      <section className="panel" aria-label="Comprobantes sin recibo impreso">
        <h2>Comprobantes registrados sin recibo impreso</h2>
        <p className="error-banner" role="status">
          Ya están registrados: no los repita. Un retiro registrado ya descontó el efectivo de la caja: compruebe si se entregó al cliente. Imprima el
          recibo en Dispositivos (F9) o reimprímalo desde el Diario (F5).
        </p>
        <table className="grid-table" aria-label="Recibos sin imprimir">
          <thead>
            <tr>
              <th>Comprobante</th>
              <th>Operación</th>
              <th>Cuenta</th>
              <th>Valor</th>
              <th>Registrado</th>
            </tr>
          </thead>
          <tbody>
            {receipts.map((r) => (
              <tr key={r.sequence}>
                <td>{r.sequence}</td>
                <td>{KIND[r.kind]}</td>
                <td>{r.account}</td>
                <td className="num">{formatPesos(r.total)}</td>
                <td>{formatReceiptDateTime(r.postedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
};
