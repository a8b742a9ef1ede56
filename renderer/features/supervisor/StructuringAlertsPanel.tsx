import { useCallback, useEffect, useRef, useState } from 'react';
import { formatReceiptDate, formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { StructuringAlertView } from '../../../domain/contract/approval';
import type { TellerApi } from '../../../domain/contract/client';
import { formatDocument, type IdentityDocument } from '../../../domain/identity/document';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';

const STATUS = { pendiente: 'Pendiente', aprobada: 'Aprobada', rechazada: 'Rechazada', vencida: 'Vencida o retirada' } as const;
const BY = { account: 'misma cuenta', depositor: 'misma persona', both: 'misma cuenta y persona' } as const;
const MONTH = new Intl.DateTimeFormat('es-CO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** As the teller's screens write a document: `CC 900.000.002`. */
const doc = (d: { type: string; number: string }) => formatDocument(d as IdentityDocument);

const decision = (a: StructuringAlertView): string => {
  const who = a.checkerName && a.decidedAt ? ` por ${a.checkerName} el ${formatReceiptDateTime(a.decidedAt)}` : '';
  const parts = [`${STATUS[a.status]}${who}${a.note ? `: ${a.note}` : ''}`];
  if (a.usedBy) parts.push(`Registrada en el comprobante ${a.usedBy}`);
  if (a.rejectionHoldsUntil) parts.push(`El rechazo rige hasta el ${formatReceiptDate(a.rejectionHoldsUntil)}`);
  if (a.reconsidered) parts.push(`Reconsiderada por ${a.reconsidered.byName} el ${formatReceiptDateTime(a.reconsidered.at)}: ${a.reconsidered.note}`);
  return parts.join(' · ');
};

/**
 * The month's structuring alerts (posible fraccionamiento, UIAF) of the branch, read from central (this
 * workstation's alone, said so, when central does not answer), whatever the supervisor
 * decided: the record the Oficial de Cumplimiento reads to decide on a ROS. A rejection that still stands can be
 * reconsidered here, with a reason; the customer is never told about any of it.
 */
export const StructuringAlertsPanel = ({ teller }: { teller: TellerApi }) => {
  const [alerts, setAlerts] = useState<StructuringAlertView[] | null>(null);
  const [month, setMonth] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [branchWide, setBranchWide] = useState(false);
  const [reconsidering, setReconsidering] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    const r = await teller.approval.structuringAlerts({});
    if (r.ok) {
      setAlerts(r.data.alerts);
      setMonth(r.data.month);
      setNotice(r.data.notice);
      setBranchWide(r.data.branchWide);
    } else setError(r.error.message);
  }, [teller]);
  useEffect(() => {
    void load();
    headingRef.current?.focus();
  }, [load]);

  const reconsider = async (approvalId: string) => {
    // Said here in words, not as the contract's "Datos inválidos".
    if (note.trim().length < 5) {
      setError('Escriba por qué se reconsidera (mínimo 5 caracteres).');
      document.getElementById('reconsider-note')?.focus();
      return;
    }
    const r = await teller.approval.reconsiderStructuring({ approvalId, note });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setReconsidering(null);
    setNote('');
    await load();
  };

  return (
    <section className="panel" aria-label="Alertas UIAF de fraccionamiento">
      <h2 ref={headingRef} tabIndex={-1}>
        Alertas UIAF de fraccionamiento{month ? ` · ${MONTH.format(new Date(`${month}-01T12:00:00Z`))}` : ''} ({alerts?.length ?? 0})
      </h2>
      <p className="hint" data-testid="alerts-scope">
        Consignaciones en efectivo justo por debajo del umbral, {branchWide ? 'de todas las estaciones de la oficina (vía central)' : 'de esta estación'}. No informe al cliente.
      </p>
      {notice ? (
        <p className="error-banner" role="alert">
          {notice}{' '}
          <button type="button" className="secondary" onClick={() => void load()}>
            Consultar de nuevo
          </button>
        </p>
      ) : null}
      <table className="grid-table" aria-label="Alertas de fraccionamiento del mes">
        <thead>
          <tr>
            <th>Fecha</th>
            <th>Estación</th>
            <th>Cuenta</th>
            <th>Quien consigna</th>
            <th>Consignaciones</th>
            <th>Total</th>
            <th>Ventana</th>
            <th>Cajero</th>
            <th>Decisión</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {alerts?.length === 0 ? (
            <tr>
              <td colSpan={10} className="muted">
                Ninguna alerta este mes.
              </td>
            </tr>
          ) : null}
          {alerts?.map((a) => (
            <tr key={a.approvalId}>
              <td>{formatReceiptDateTime(a.requestedAt)}</td>
              <td>{a.own ? `${a.workstation} (esta)` : a.workstation}</td>
              <td>{a.accountNumber}</td>
              <td>{a.depositorName ? `${a.depositorName} (${doc(a.depositor)})` : doc(a.depositor)}</td>
              <td>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {a.deposits.map((d, i) => (
                    <li key={i}>
                      {formatReceiptDate(d.on)} {formatPesos(d.amount)}
                      {d.accountNumber === a.accountNumber ? '' : ` a ${d.accountNumber}`}
                    </li>
                  ))}
                </ul>
                ({BY[a.by]})
              </td>
              <td className="num">{formatPesos(a.total)}</td>
              <td>
                {formatReceiptDate(a.windowFrom)} a {formatReceiptDate(a.windowTo)}
              </td>
              <td>{a.makerName}</td>
              <td>{decision(a)}</td>
              <td>
                {a.rejectionHoldsUntil && a.own ? (
                  <button type="button" className="secondary" onClick={() => setReconsidering(reconsidering === a.approvalId ? null : a.approvalId)}>
                    Reconsiderar
                  </button>
                ) : null}
                {a.rejectionHoldsUntil && !a.own ? <span className="muted">Se reconsidera en la estación {a.workstation}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reconsidering ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void reconsider(reconsidering);
          }}
        >
          <div className="field">
            <label htmlFor="reconsider-note">Motivo de la reconsideración</label>
            <input id="reconsider-note" autoFocus autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <p className="hint">La próxima consignación que levante la alerta irá de nuevo a un supervisor.</p>
          <button type="submit" className="primary">
            Levantar el rechazo <kbd>Enter</kbd>
          </button>
        </form>
      ) : null}
      <ErrorBanner message={error} />
    </section>
  );
};
