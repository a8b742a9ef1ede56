import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { User } from '../../../domain/contract/session';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ContingencyPanel } from './ContingencyPanel';
import { RejectionsPanel } from './RejectionsPanel';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useSyncStatus } from './useSyncStatus';

export type SyncTab = 'estado' | 'contingencia' | 'rechazos';
const TABS: { id: SyncTab; key: string; label: string }[] = [
  { id: 'estado', key: 'F2', label: 'Estado' },
  { id: 'contingencia', key: 'F3', label: 'Contingencia' },
  { id: 'rechazos', key: 'F4', label: 'Rechazos de central' },
];

/**
 * Sincronización y contingencia: the link with central and the queue (everyone), the branch's contingency
 * switch and the queue of operations central refused (supervisor). F2/F3/F4 change section.
 */
export const SyncScreen = ({ teller, user, onCancel, initial = 'estado' }: { teller: TellerApi; user: User; onCancel: () => void; initial?: SyncTab }) => {
  const [tab, setTab] = useState<SyncTab>(initial);
  const { status, error, refresh } = useSyncStatus(teller);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = TABS.find((x) => x.key === e.key);
      if (!t || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setTab(t.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main className="screen" aria-labelledby="sync-title">
      <h1 id="sync-title">Sincronización y contingencia</h1>
      <nav className="menu" role="tablist" aria-label="Secciones de sincronización">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className="menu-item" onClick={() => setTab(t.id)}>
            <kbd>{t.key}</kbd> {t.label}
          </button>
        ))}
      </nav>
      <ErrorBanner message={error} />
      {!status ? <p>Consultando el estado de la sincronización…</p> : null}
      {status && tab === 'estado' ? <SyncStatusPanel status={status} /> : null}
      {status && tab === 'contingencia' ? <ContingencyPanel teller={teller} user={user} status={status} onChanged={() => void refresh()} /> : null}
      {tab === 'rechazos' ? (
        user.role === 'supervisor' ? (
          <RejectionsPanel teller={teller} user={user} refreshKey={status?.counts.rejected ?? 0} />
        ) : (
          <p className="hint" data-testid="rejections-supervisor-only">
            La cola de rechazos de central la revisa el supervisor de la oficina.
          </p>
        )
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
      </div>
    </main>
  );
};
