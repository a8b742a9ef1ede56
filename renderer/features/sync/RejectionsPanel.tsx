import { useCallback, useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { User } from '../../../domain/contract/session';
import type { SyncRejection } from '../../../domain/contract/sync';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatWhen, OPERATION_LABEL, rejectionFollowUp } from './labels';

/**
 * Operations central refused when they reached it (typically a withdrawal paid in contingencia against a balance
 * central had meanwhile spent). The supervisor follows each one up with the customer and marks it reviewed.
 * Keyboard: ↑/↓ choose, Enter opens, Enter again marks it reviewed.
 */
export const RejectionsPanel = ({ teller, user, refreshKey }: { teller: TellerApi; user: User; refreshKey: number }) => {
  const [rows, setRows] = useState<SyncRejection[]>([]);
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const [selected, setSelected] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    const r = await teller.sync.rejections({ includeReviewed });
    if (!r.ok) return setError(r.error.message);
    // Newest first: what arrived with the last reconnection is what the supervisor is looking for.
    setRows([...r.data.rejections].reverse());
    setError(null);
  }, [teller, includeReviewed]);
  useEffect(() => void load(), [load, refreshKey]);

  const review = async (key: string) => {
    if (busy) return;
    setBusy(true);
    const r = await teller.sync.reviewRejection(note.trim() ? { key, note: note.trim() } : { key });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setOpen(null);
    setNote('');
    setNotice(`Marcada como revisada: ${OPERATION_LABEL[r.data.rejection.type] ?? r.data.rejection.type} de ${formatPesos(r.data.rejection.amount)}.`);
    await load();
  };

  const reviewer = (r: SyncRejection) =>
    r.reviewedBy === null ? 'Por revisar' : `Revisada ${r.reviewedBy === user.id ? `por ${user.displayName} ` : ''}el ${formatWhen(r.reviewedAt)}`;
  const detail = rows.find((r) => r.key === open) ?? null;

  return (
    <section className="panel" aria-label="Rechazos de central">
      <h2>Rechazos de central ({rows.filter((r) => r.reviewedBy === null).length} por revisar)</h2>
      <label>
        <input type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} /> Mostrar también las revisadas
      </label>
      {rows.length === 0 ? (
        <p className="notice" data-testid="rejections-empty">
          No hay operaciones rechazadas por central{includeReviewed ? '' : ' pendientes de revisión'}.
        </p>
      ) : (
        <table
          className="grid-table"
          aria-label="Operaciones rechazadas por central"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setSelected((s) => Math.min(rows.length - 1, s + 1));
            else if (e.key === 'ArrowUp') setSelected((s) => Math.max(0, s - 1));
            else if (e.key === 'Enter' && rows[selected]) setOpen(rows[selected].key);
            else return;
            e.preventDefault();
          }}
        >
          <thead>
            <tr>
              <th>Cuándo</th>
              <th>Operación</th>
              <th>Cuenta</th>
              <th>Valor</th>
              <th>Motivo de central</th>
              <th>Qué hacer</th>
              <th>Estado</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => setSelected(i)}>
                <td>{formatWhen(r.at)}</td>
                <td>
                  {OPERATION_LABEL[r.type] ?? r.type}
                  {r.contingency ? ' · CONTINGENCIA' : ''}
                </td>
                <td>{r.account ?? '—'}</td>
                <td className="num">{formatPesos(r.amount)}</td>
                <td>{r.message}</td>
                <td>{rejectionFollowUp(r)}</td>
                <td>{reviewer(r)}</td>
                <td>
                  <button type="button" onClick={() => setOpen(r.key)}>
                    Revisar
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail ? (
        <section className="panel" aria-label="Detalle del rechazo">
          <h3>
            {OPERATION_LABEL[detail.type] ?? detail.type} de {formatPesos(detail.amount)}
            {detail.account ? ` · cuenta ${detail.account}` : ''}
          </h3>
          <dl>
            <div>
              <dt>Respuesta de central</dt>
              <dd>
                {detail.status === 'conflict' ? 'Conflicto' : 'Rechazada'} ({detail.code}): {detail.message}
              </dd>
            </div>
            <div>
              <dt>Registrada en contingencia</dt>
              <dd>{detail.contingency ? 'Sí: el comprobante salió marcado CONTINGENCIA' : 'No'}</dd>
            </div>
            <div>
              <dt>Rechazada el</dt>
              <dd>{formatWhen(detail.at)}</dd>
            </div>
            <div>
              <dt>Llave de la operación</dt>
              <dd>{detail.key}</dd>
            </div>
          </dl>
          <p className="hint" data-testid="rejection-follow-up">
            {rejectionFollowUp(detail)}
          </p>
          {detail.reviewedBy === null ? (
            <div className="field">
              <label htmlFor="review-note">Qué se hizo (queda en el diario)</label>
              <input id="review-note" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
          ) : detail.reviewNote ? (
            <p data-testid="review-note">Nota de revisión: {detail.reviewNote}</p>
          ) : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              Cerrar
            </button>
            {detail.reviewedBy === null ? (
              <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void review(detail.key)}>
                Marcar revisada <kbd>Enter</kbd>
              </button>
            ) : null}
          </div>
        </section>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorBanner message={error} />
    </section>
  );
};
