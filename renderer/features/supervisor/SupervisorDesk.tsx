import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { JournalStatus } from '../../../domain/contract/journal';
import type { User } from '../../../domain/contract/session';
import type { DashboardTill, QueueItem } from '../../../domain/contract/supervisor';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { formatPesos } from '../../../domain/money/pesos';
import { plural } from '../../../domain/language/plural';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SyncScreen } from '../sync/SyncScreen';
import { onPending, refreshPending } from './pending';
import { SupervisorApproval } from './SupervisorApproval';
import { CashReportPanel } from './CashReportPanel';
import { StructuringAlertsPanel } from './StructuringAlertsPanel';
import { centralLabel } from '../../components/StatusBar';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';

type Dashboard = Extract<Awaited<ReturnType<TellerApi['supervisor']['dashboard']>>, { ok: true }>['data'];
const HOLDING = { ok: 'Dentro del límite', cerca: 'Cerca del límite', excedido: 'Límite excedido' } as const;
/** The branch dashboard rereads central's snapshots on its own this often (F5 rereads at once). */
const DASHBOARD_REFRESH_MS = 15_000;
const HHMM = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', hour: '2-digit', minute: '2-digit', hour12: false });
const DAY_HHMM = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** How fresh a row is: this workstation's is live; another's says how old its last report is. */
const freshness = (t: DashboardTill): string => {
  if (t.source === 'local') return 'En vivo (esta estación)';
  if (t.stale) return `Sin reporte desde ${(t.ageSeconds >= 12 * 3600 ? DAY_HHMM : HHMM).format(new Date(t.reportedAt))}`;
  return t.ageSeconds < 60 ? `Hace ${t.ageSeconds} s` : `Hace ${Math.floor(t.ageSeconds / 60)} min`;
};
const syncHealth = (t: DashboardTill): string => {
  const parts = [
    t.sync.queueLength > 0 ? `${t.sync.queueLength} en cola` : '',
    t.sync.unknown > 0 ? `${t.sync.unknown} sin confirmar` : '',
    t.sync.rejected > 0 ? `${t.sync.rejected} rechazadas` : '',
    t.journalOk === false ? 'diario con alerta' : '',
  ].filter((p) => p !== '');
  const last = parts.length === 0 ? 'al día' : parts.join(' · ');
  // A silent station may have queued since: "Al día" would vouch for what nobody knows.
  return t.stale ? `Desconocida (en su último reporte: ${last})` : last.charAt(0).toUpperCase() + last.slice(1);
};

/** Statuses come as central ('approved') or this workstation ('aprobada') writes them. */
const decisionWord = (status: string): string =>
  /^(approv|aprob)/.test(status) ? 'Aprobada' : /^(reject|rechaz)/.test(status) ? 'Rechazada' : 'Decidida';

/** ↑/↓ on a request's "Revisar" go to the previous or next one (the list's ends stay where they are). */
const moveAlongReviews = (e: KeyboardEvent<HTMLButtonElement>) => {
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  const all = [...document.querySelectorAll<HTMLButtonElement>('button[data-desk-review]')];
  all[all.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
};

/** Supervisor desk: approval queue with context, notification on arrival, branch dashboard, journal integrity. */
export const SupervisorDesk = ({ teller, user, onCancel }: { teller: TellerApi; user: User; onCancel: () => void }) => {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [central, setCentral] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [dash, setDash] = useState<Dashboard | null>(null);
  const [journal, setJournal] = useState<JournalStatus | null>(null);
  const [arrived, setArrived] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // F2: sync status, contingency switch and central's rejection queue (renderer/features/sync).
  const [sync, setSync] = useState(false);
  // F6: the branch's cash for the UIAF report, read from central on demand (it is not needed at every refresh).
  const [cash, setCash] = useState(false);
  // F7: the month's structuring alerts (UIAF), decided or not, for the Oficial de Cumplimiento.
  const [alerts, setAlerts] = useState(false);
  // What was just decided here, said once: the request leaves the list, and without a line the supervisor could
  // not tell it went through. The focus goes to the next request to review, or to this line (not to BODY).
  const [decided, setDecided] = useState<string | null>(null);
  const [afterDecision, setAfterDecision] = useState(0);
  const decidedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (afterDecision === 0) return;
    (document.querySelector<HTMLButtonElement>('button[data-desk-review]') ?? decidedRef.current)?.focus();
  }, [afterDecision]);

  const loadDashboard = useCallback(async () => {
    if (user.role !== 'supervisor') return;
    const d = await teller.supervisor.dashboard({});
    if (d.ok) setDash(d.data);
  }, [teller, user.role]);
  const load = useCallback(async () => {
    const [q, j] = await Promise.all([teller.supervisor.queue({}), teller.journal.status({})]);
    if (q.ok) {
      setItems(q.data.items);
      setCentral(q.data.centralReachable);
    } else setError(q.error.message);
    if (j.ok) setJournal(j.data);
    await loadDashboard();
  }, [teller, loadDashboard]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    const t = setInterval(() => void loadDashboard(), DASHBOARD_REFRESH_MS);
    return () => clearInterval(t);
  }, [loadDashboard]);
  useEffect(
    () =>
      onPending((n, isNew) => {
        if (isNew) {
          setArrived(`Nueva solicitud de aprobación (${plural(n, 'pendiente', 'pendientes')}).`);
          void load();
        } else if (n === 0) setArrived(null);
        else setArrived((a) => (a ? `Nueva solicitud de aprobación (${plural(n, 'pendiente', 'pendientes')}).` : a));
      }),
    [load],
  );
  useWindowKeyDown((e) => {
    if (sync || !['F2', 'F5', 'F6', 'F7'].includes(e.key) || document.querySelector('dialog[open]')) return;
    e.preventDefault();
    if (e.key === 'F2') setSync(true);
    else if (e.key === 'F6') setCash((c) => user.role === 'supervisor' && !c);
    else if (e.key === 'F7') setAlerts((a) => user.role === 'supervisor' && !a);
    else void load();
  });
  if (sync) return <SyncScreen teller={teller} user={user} onCancel={() => setSync(false)} />;

  return (
    <main className="screen" aria-labelledby="desk-title">
      <h1 id="desk-title">Escritorio del supervisor</h1>
      {arrived ? (
        <p className="error-banner" role="alert" data-testid="desk-notification">
          {arrived}
        </p>
      ) : null}
      {journal ? (
        <p className={journal.ok === false ? 'error-banner' : 'notice'} role={journal.ok === false ? 'alert' : 'status'} data-testid="desk-journal">
          {journal.message}
        </p>
      ) : null}
      {decided ? (
        <p className="notice" role="status" tabIndex={-1} ref={decidedRef} data-testid="desk-decided">
          {decided}
        </p>
      ) : null}
      <h2>Solicitudes pendientes ({items.length})</h2>
      <p className="hint">{central ? 'Incluye las solicitudes de otras estaciones de la oficina (vía central).' : 'Central no responde: se muestran solo las solicitudes de esta estación.'}</p>
      <table className="grid-table" aria-label="Solicitudes pendientes">
        <thead>
          <tr>
            <th>Solicitud</th>
            <th>Motivos</th>
            <th>Valor</th>
            <th>Cajero</th>
            <th>Estación</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>{i.summary}</td>
              <td>{i.reasons.map((r) => r.message).join(' ')}</td>
              <td className="num">{i.amount === null ? '—' : formatPesos(i.amount)}</td>
              <td>{i.teller}</td>
              <td>{i.workstation}</td>
              <td>
                {/* F1 lands on the first request to review. */}
                {/* Named with its request: every row's button read just "Revisar". ↑/↓ move along the list, as in F5. */}
                <button
                  type="button"
                  data-desk-review
                  aria-label={`Revisar: ${i.summary} · ${i.teller} · ${i.workstation}`}
                  autoFocus={i.id === items[0]?.id}
                  onClick={() => setOpen(open === i.id ? null : i.id)}
                  onKeyDown={moveAlongReviews}
                >
                  Revisar
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items
        .filter((i) => i.id === open)
        .map((i) => (
          <section key={i.id} className="panel" aria-label="Detalle de la solicitud">
            <h3>{i.summary}</h3>
            <dl>
              {Object.entries({ ...i.context, ...(i.customer ? { Cliente: i.customer } : {}), ...(i.biometric ? { Biometría: i.biometric } : {}), Solicitada: formatReceiptDateTime(i.requestedAt), Vence: formatReceiptDateTime(i.expiresAt) }).map(
                ([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ),
              )}
            </dl>
            <SupervisorApproval
              teller={teller}
              requestId={i.id}
              source={i.source}
              onDecided={(status) => {
                setOpen(null);
                setArrived(null);
                setDecided(`${decisionWord(status)}: ${i.summary}`);
                refreshPending();
                void load().then(() => setAfterDecision((n) => n + 1));
              }}
              onGone={(message) => {
                // Decided elsewhere (or lapsed, or withdrawn): the row goes now, not at the next F5, and the line
                // says who decided it so the supervisor knows why it vanished (QA s35 A1-1).
                setOpen(null);
                setArrived(null);
                setDecided(message);
                void load().then(() => setAfterDecision((n) => n + 1));
              }}
            />
          </section>
        ))}
      {dash ? (
        <section className="panel" aria-label="Tablero de la oficina">
          <h2>Tablero de la oficina</h2>
          <p className={dash.centralReachable ? 'hint' : 'error-banner'} role={dash.centralReachable ? undefined : 'alert'} data-testid="dashboard-scope">
            {dash.centralReachable
              ? 'Cajas abiertas de toda la oficina: la de esta estación al instante, las demás según su último reporte a central.'
              : 'Central no responde: se muestra solo la caja de esta estación. Las demás cajas aparecerán cuando vuelva la conexión.'}
          </p>
          <table className="grid-table" aria-label="Cajas abiertas">
            <thead>
              <tr>
                <th>Estación</th>
                <th>Caja</th>
                <th>Cajero</th>
                <th>Efectivo</th>
                <th>Límite</th>
                <th>Estado</th>
                <th>Sincronización</th>
                <th>Reporte</th>
              </tr>
            </thead>
            <tbody>
              {dash.tills.length === 0 ? (
                <tr>
                  <td colSpan={8} className="muted">
                    Ninguna caja abierta{dash.centralReachable ? ' en la oficina' : ' en esta estación'}.
                  </td>
                </tr>
              ) : null}
              {dash.tills.map((t) => (
                <tr key={`${t.workstation}-${t.tillCode}`} className={t.stale ? 'muted' : undefined} data-testid={`dashboard-till-${t.workstation}`}>
                  <td>{t.workstation}</td>
                  <td>{t.tillCode}</td>
                  <td>{t.tellerName}</td>
                  <td className="num">{formatPesos(t.positionTotal)}</td>
                  <td className="num">{formatPesos(t.limit)}</td>
                  <td>{HOLDING[t.holding]}</td>
                  <td>{syncHealth(t)}</td>
                  <td>{freshness(t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Bóveda: {dash.vaultTotal === null ? 'sin respuesta de central' : formatPesos(dash.vaultTotal)} · Traslados en tránsito: {dash.transfersInTransit} · Sincronización: {centralLabel[dash.sync.state as keyof typeof centralLabel] ?? dash.sync.state}, {dash.sync.queueLength} en cola,{' '}
            {dash.sync.unknown} sin confirmar, {dash.sync.rejected} rechazadas · Radicaciones vencidas: {dash.overdueRadications}
          </p>
        </section>
      ) : null}
      {cash ? <CashReportPanel teller={teller} /> : null}
      {alerts ? <StructuringAlertsPanel teller={teller} /> : null}
      <ErrorBanner message={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
        <button type="button" onClick={() => setSync(true)}>
          Sincronización y contingencia <kbd>F2</kbd>
        </button>
        <button type="button" className="secondary" onClick={() => void load()}>
          Actualizar <kbd>F5</kbd>
        </button>
        {user.role === 'supervisor' ? (
          <button type="button" className="secondary" aria-pressed={cash} onClick={() => setCash((c) => !c)}>
            Efectivo UIAF del mes <kbd>F6</kbd>
          </button>
        ) : null}
        {user.role === 'supervisor' ? (
          <button type="button" className="secondary" aria-pressed={alerts} onClick={() => setAlerts((a) => !a)}>
            Alertas UIAF <kbd>F7</kbd>
          </button>
        ) : null}
      </div>
    </main>
  );
};
