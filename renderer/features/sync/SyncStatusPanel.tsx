import type { SyncStatus } from '../../../domain/contract/sync';
import { formatWhen, LINK_LABEL, MODE_LABEL, QUEUE_STATES } from './labels';

/** Link with central, the outbox by state and the last successful sync, as `sync.status` reports them. */
export const SyncStatusPanel = ({ status }: { status: SyncStatus }) => (
  <section className="panel" aria-label="Estado de la sincronización">
    <h2>Estado de la sincronización</h2>
    <p className={status.state === 'online' ? 'notice' : 'error-banner'} data-testid="sync-message">
      {status.message}
    </p>
    <dl>
      <div>
        <dt>Central</dt>
        <dd data-testid="sync-link">{LINK_LABEL[status.state]}</dd>
      </div>
      <div>
        <dt>Modo de la oficina</dt>
        <dd data-testid="sync-mode">
          {MODE_LABEL[status.mode]}
          {status.modeChangedAt ? ` (desde ${formatWhen(status.modeChangedAt)})` : ''}
        </dd>
      </div>
      <div>
        <dt>Operaciones en cola</dt>
        <dd data-testid="sync-queue">{status.queueLength}</dd>
      </div>
      <div>
        <dt>Última sincronización exitosa</dt>
        <dd data-testid="sync-last">{status.lastSyncAt ? formatWhen(status.lastSyncAt) : 'Nunca en esta estación'}</dd>
      </div>
    </dl>
    <table className="grid-table" aria-label="Cola por estado">
      <thead>
        <tr>
          <th>Estado</th>
          <th>Operaciones</th>
          <th>Qué significa</th>
        </tr>
      </thead>
      <tbody>
        {QUEUE_STATES.map((s) => (
          <tr key={s.key} data-testid={`sync-count-${s.key}`}>
            <td>{s.label}</td>
            <td className="num">{status.counts[s.key]}</td>
            <td>{s.hint}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);
