import { useCallback, useEffect, useRef, useState } from 'react';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { TellerApi } from '../../../domain/contract/client';
import type { RadicationRow } from '../../../domain/contract/security-code';
import type { User } from '../../../domain/contract/session';
import { ErrorBanner } from '../../components/ErrorBanner';
import './security-code.css';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';

const STATE_LABELS: Record<RadicationRow['state'], string> = {
  radicado: 'Radicado',
  enviado: 'Enviado',
  entregado: 'Entregado',
  vencido: 'Vencido',
};
const when = (iso: string | null) => (iso ? formatReceiptDateTime(iso) : '—');
const REFRESH_MS = 15_000;

/**
 * "Radicaciones": each security-code request of this workstation with its state as central reports it
 * (`radicado → enviado → entregado | vencido`). Requests not delivered by the deadline are highlighted; a
 * supervisor gets a banner with how many need escalation. F5 asks central again.
 */
export const RadicationsScreen = ({ teller, user, onBack }: { teller: TellerApi; user: User; onBack: () => void }) => {
  const [rows, setRows] = useState<RadicationRow[] | null>(null);
  const [reachable, setReachable] = useState(true);
  const [overdue, setOverdue] = useState(0);
  const [scope, setScope] = useState<'workstation' | 'branch'>('workstation');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    // One reading at a time: F5 or the timer during one adds nothing.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const r = await teller.securityCode.radications({});
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setRows(r.data.rows);
    setReachable(r.data.centralReachable);
    setScope(r.data.scope);
    setOverdue(r.data.overdueCount);
  }, [teller]);

  useEffect(() => {
    void refresh();
    const t = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(t);
  }, [refresh]);

  useWindowKeyDown((e) => {
    if (e.key === 'F5') {
      e.preventDefault();
      void refresh();
    }
  });

  return (
    <main className="screen" aria-labelledby="rad-title">
      <h1 id="rad-title">Radicaciones</h1>
      <p className="hint" data-testid="rad-scope">
        {scope === 'branch'
          ? 'Solicitudes de código de seguridad de toda la oficina, las vencidas primero. El estado lo informa la central.'
          : 'Solicitudes de código de seguridad de esta estación. El estado lo informa la central.'}
      </p>
      {!reachable ? (
        <div className="error-banner" role="alert">
          Sin comunicación con la central: se muestran los últimos estados confirmados.
        </div>
      ) : null}
      {overdue > 0 ? (
        <div className={user.role === 'supervisor' ? 'rad-supervisor' : 'notice'} role="alert" data-testid="overdue-banner">
          {user.role === 'supervisor'
            ? `${overdue === 1 ? '1 solicitud vencida requiere' : `${overdue} solicitudes vencidas requieren`} su gestión: el código no llegó al cliente en 24 horas. Escale al área de servicio al cliente.`
            : `${overdue === 1 ? 'Hay 1 solicitud vencida' : `Hay ${overdue} solicitudes vencidas`}: informe al supervisor.`}
        </div>
      ) : null}
      <ErrorBanner message={error} />
      {rows === null ? (
        <p>Consultando…</p>
      ) : rows.length === 0 ? (
        <p>No hay solicitudes de código de seguridad en esta estación.</p>
      ) : (
        <table className="rad-table" aria-label="Solicitudes de código de seguridad">
          <thead>
            <tr>
              <th>Radicado</th>
              <th>Cliente</th>
              <th>Trámite</th>
              <th>Estado</th>
              <th>Radicado el</th>
              <th>Plazo</th>
              <th>Celular</th>
              <th>Cajero</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.radicado} className={r.overdue ? 'overdue' : undefined} data-testid={`rad-${r.radicado}`} data-overdue={r.overdue ? 'true' : 'false'}>
                <td>{r.radicado}</td>
                <td>{r.document}</td>
                <td>{r.mode === null ? `Otra estación (${r.workstation})` : r.mode === 'radicate' ? 'Radicación (huella)' : 'Envío inmediato'}</td>
                <td>
                  <span className={`rad-state rad-state-${r.supersededBy ? 'reemplazado' : r.state}`} data-testid="rad-state">
                    {r.supersededBy ? `Reemplazado por ${r.supersededBy}` : STATE_LABELS[r.state]}
                  </span>
                  {r.overdue ? <span className="sr-only"> (requiere supervisor)</span> : null}
                </td>
                <td>{when(r.createdAt)}</td>
                <td>{when(r.deadline)}</td>
                <td>{r.maskedCellphone}</td>
                <td>{r.tellerName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          Volver <kbd>Esc</kbd>
        </button>
        {/* Never `disabled` while reading: the screen opens reading, and a disabled button drops the focus it was given
            to <body>, where Esc and Tab start from nowhere. aria-disabled says it is busy; refresh ignores a second press. */}
        <button type="button" className="primary" aria-disabled={busy} onClick={() => void refresh()} autoFocus>
          {busy ? 'Consultando…' : 'Actualizar'} <kbd>F5</kbd>
        </button>
      </div>
    </main>
  );
};
