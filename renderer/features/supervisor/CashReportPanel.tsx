import { useEffect, useState } from 'react';
import type { CashReportResponse, CashReportRow } from '../../../domain/central-api/cash-report';
import type { TellerApi } from '../../../domain/contract/client';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatReceiptDate } from '../../../domain/calendar/bogota-time';

const MONTH = new Intl.DateTimeFormat('es-CO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (m: string) => MONTH.format(new Date(`${m}-01T12:00:00Z`));
const customerLabel = (key: string) => key.replace(':', ' ');
const who = (r: CashReportRow) => r.transactor.name ?? `${r.transactor.type} ${r.transactor.number}`;

const Rows = ({ rows }: { rows: CashReportRow[] }) => (
  <>
    {rows.map((r) => (
      <tr key={r.key} className={r.reversed ? 'muted' : undefined}>
        <td>{formatReceiptDate(r.businessDate)}</td>
        <td>{r.workstation}</td>
        <td>{r.account}</td>
        <td>{r.direction === 'deposito' ? 'Consignación' : 'Retiro'}</td>
        <td className="num">{formatPesos(r.amount)}</td>
        <td>{who(r)}</td>
        <td>{r.reversed ? 'Reversada: no cuenta' : r.declaration ? `Declarada: ${r.declaration.originOrDestination}` : 'Sin declaración'}</td>
      </tr>
    ))}
  </>
);

const Head = () => (
  <thead>
    <tr>
      <th>Fecha</th>
      <th>Estación</th>
      <th>Cuenta</th>
      <th>Tipo</th>
      <th>Efectivo</th>
      <th>Quién</th>
      <th>Origen / destino</th>
    </tr>
  </thead>
);

/**
 * The branch's part of the month's Reporte de Transacciones en Efectivo (UIAF), read from central, which adds
 * each customer's cash at every branch: the customers past the monthly threshold (the Oficial de Cumplimiento
 * must know), then the individual transactions at or above the individual one.
 */
export const CashReportPanel = ({ teller }: { teller: TellerApi }) => {
  const [report, setReport] = useState<CashReportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void teller.supervisor.cashReport({}).then((r) => {
      if (r.ok) setReport(r.data);
      else setError(r.error.message);
    });
  }, [teller]);

  return (
    <section className="panel" aria-label="Efectivo para la UIAF">
      <h2>Efectivo del mes para la UIAF{report ? ` · ${monthLabel(report.month)}` : ''}</h2>
      <ErrorBanner message={error} />
      {report === null && error === null ? <p className="muted">Consultando a central…</p> : null}
      {report ? (
        <>
          <p className="hint">
            Reporte de Transacciones en Efectivo: primero los clientes con {formatPesos(report.thresholds.monthly)} o más en efectivo en el mes, sumando todas las oficinas;
            luego las transacciones de {formatPesos(report.thresholds.individual)} o más de los demás clientes.
          </p>
          <h3>Clientes sobre el umbral mensual ({report.multiple.length})</h3>
          {report.multiple.length > 0 ? (
            <p className="error-banner" role="alert" data-testid="cash-report-alert">
              Informe al Oficial de Cumplimiento: {report.multiple.map((m) => `${customerLabel(m.customer)} (${formatPesos(m.monthTotal)})`).join(', ')}.
            </p>
          ) : null}
          <table className="grid-table" aria-label="Clientes sobre el umbral mensual">
            <Head />
            <tbody>
              {report.multiple.map((m) => (
                <Rows key={m.customer} rows={m.transactions} />
              ))}
            </tbody>
          </table>
          <h3>Transacciones individuales ({report.individual.length})</h3>
          <table className="grid-table" aria-label="Transacciones individuales">
            <Head />
            <tbody>
              {report.individual.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    Ninguna este mes en la oficina.
                  </td>
                </tr>
              ) : null}
              <Rows rows={report.individual} />
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
};
