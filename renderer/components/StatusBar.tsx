import type { WorkstationStatus } from '../../domain/contract/status';

/** How the link to central reads in Spanish, wherever it is shown. */
export const centralLabel = { online: 'En línea', offline: 'Sin conexión', unknown: 'Central: sin verificar' } as const;
const tillLabel = { sin_abrir: 'Caja sin abrir', abierta: 'Caja abierta', cerrada: 'Caja cerrada' } as const;

const syncTime = new Intl.DateTimeFormat('es-CO', { hour: '2-digit', minute: '2-digit', timeZone: 'America/Bogota' });

/** Always visible: who, where, till state, central link and devices, so the teller never has to ask. */
export const StatusBar = ({ status, coreUp }: { status: WorkstationStatus | null; coreUp: boolean }) => {
  if (!status) return <footer className="statusbar" role="status">Conectando con el núcleo de Caja…</footer>;
  const { workstation: ws, central } = status;
  return (
    <footer className="statusbar" role="status" aria-label="Estado de la estación">
      <span data-testid="status-user">{status.user ? `${status.user.displayName} (${status.user.role})` : 'Sin sesión'}</span>
      <span>
        Oficina {ws.branchCode} {ws.branchName} · Caja {ws.tillCode}
      </span>
      <span data-testid="status-till" className={`pill till-${status.till.state}`}>
        {tillLabel[status.till.state]}
        {/* Whose till it is, whenever the bar does not already name its holder as the user: signed out, or another user
            signed in (or locked) over a till left open, e.g. the supervisor. The core sends the name, never cash. */}
        {status.till.tellerName !== null && status.user?.displayName.trim() !== status.till.tellerName ? ` — ${status.till.tellerName}` : ''}
      </span>
      <span data-testid="status-central" className={`pill central-${coreUp ? central.state : 'offline'}`}>
        {coreUp ? centralLabel[central.state] : 'Núcleo desconectado'}
        {central.queueLength > 0 ? ` · ${central.queueLength} en cola` : ''}
        {central.lastSyncAt ? ` · sincronizado ${syncTime.format(new Date(central.lastSyncAt))}` : ''}
      </span>
      {status.contingency ? (
        <span className="pill warning" data-testid="status-contingency">
          CONTINGENCIA{central.state === 'online' ? ' · central en línea' : ''}
        </span>
      ) : null}
      {status.journal.ok === false ? (
        <span className="pill warning" data-testid="status-journal" title={status.journal.message}>
          DIARIO ALTERADO
        </span>
      ) : null}
      <span className="devices" data-testid="status-devices">
        {status.devices.length === 0
          ? 'Dispositivos: ninguno configurado'
          : status.devices.map((d) => (
              <span key={d.id} className={`pill device-${d.state}`} title={d.message} data-testid={`status-device-${d.id}`}>
                {d.label}
                {d.emulated ? ' (emulador)' : ''}
                {/* Anything but ok says what to do right in the bar, e.g. "Impresora sin papel: cambie el rollo…". */}
                {d.state !== 'ok' ? `: ${d.message}` : ''}
              </span>
            ))}
      </span>
    </footer>
  );
};
