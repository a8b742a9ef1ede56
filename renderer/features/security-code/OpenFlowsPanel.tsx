import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { FlowView, OpenFlowRow } from '../../../domain/contract/security-code';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CancelReasonForm } from './CancelReasonForm';
import { trapTab } from '../../components/focus-trap';

const WHEN = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', timeStyle: 'short' });

const FIELD_NAMES: Record<OpenFlowRow['field'], string> = { cellphone: 'celular', email: 'correo', address: 'dirección' };

/** Where the flow stopped, in the teller's words. */
const stepLabel = (r: OpenFlowRow): string => {
  const datum = FIELD_NAMES[r.field];
  switch (r.step) {
    case 'awaiting_stated_phone':
      return `Espera el ${datum === 'dirección' ? 'dato' : datum} que indica el cliente`;
    case 'awaiting_previous_phone':
      return `Espera ${datum === 'dirección' ? 'la dirección anterior' : `el ${datum} anterior`}`;
    case 'awaiting_consent':
      return 'Espera la autorización biométrica';
    case 'awaiting_capture':
      return `Captura de huella (${r.failedCaptures} fallida${r.failedCaptures === 1 ? '' : 's'})`;
    default:
      return 'Identificación';
  }
};

const tramite = (r: OpenFlowRow): string => (r.purpose === 'security_code' ? 'Código de seguridad' : `Actualización de ${FIELD_NAMES[r.field]}`);

/**
 * "Solicitudes abiertas" (F7 on the security-code screen): the workstation's flows left mid-way, newest first.
 * Keyboard only: ↑/↓ choose, Enter resumes, F8 retries a pending one, Supr cancels with a reason, Esc closes.
 */
export const OpenFlowsPanel = ({
  teller,
  onResumed,
  onCancelled,
  onListed,
  onClose,
}: {
  teller: TellerApi;
  onResumed: (flow: FlowView) => void;
  onCancelled: (flow: FlowView) => void;
  /** Each list the panel shows, as it shows it: the screen behind counts the teller's open requests from it. */
  onListed: (rows: OpenFlowRow[]) => void;
  onClose: () => void;
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [rows, setRows] = useState<OpenFlowRow[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [cancelling, setCancelling] = useState<OpenFlowRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await teller.securityCode.openFlows({});
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setRows(r.data.flows);
    onListed(r.data.flows);
    setSelected((i) => Math.max(0, Math.min(i, r.data.flows.length - 1)));
  }, [teller, onListed]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void load();
  }, [load]);

  // Back from the reason form (or the list reread), the focus goes to the list, or to the line saying it is empty: never
  // left on the page behind the panel, where Enter would act on whatever the screen had focused before.
  const emptyRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!cancelling) (listRef.current ?? emptyRef.current)?.focus();
  }, [cancelling, rows]);

  const row = rows?.[selected] ?? null;

  const act = async (call: () => Promise<{ ok: true; data: { flow: FlowView } } | { ok: false; error: { message: string } }>, done: (f: FlowView) => void) => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) done(r.data.flow);
    else {
      setError(r.error.message);
      void load();
    }
  };

  const resume = () => {
    if (!row || busy) return;
    if (!row.canResume) {
      setError('Esta solicitud la inició otro cajero: solo quien la inició puede reanudarla. Un supervisor puede cancelarla.');
      return;
    }
    void act(() => teller.securityCode.resume({ flowId: row.id }), onResumed);
  };
  const retry = () => {
    if (!row || busy || !row.pendingCompletion || !row.canResume) return;
    void act(() => teller.securityCode.retry({ flowId: row.id }), onResumed);
  };
  const askCancel = () => {
    if (!row || busy) return;
    if (!row.canCancel) {
      setError(
        row.pendingCompletion
          ? 'La central pudo haber recibido parte de esta solicitud: primero pulse Reintentar para confirmarla.'
          : 'Solo quien inició la solicitud o un supervisor puede cancelarla.',
      );
      return;
    }
    setError(null);
    setCancelling(row);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!rows || rows.length === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => setSelected((i) => Math.min(i + 1, rows.length - 1)),
      ArrowUp: () => setSelected((i) => Math.max(i - 1, 0)),
      Home: () => setSelected(0),
      End: () => setSelected(rows.length - 1),
      Enter: resume,
      F8: retry,
      Delete: askCancel,
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog sc-open"
      aria-labelledby="sc-open-title"
      onKeyDown={trapTab}
      data-testid="open-flows"
      // Chromium may close a modal on a repeated Esc without a cancel event: keep the screen's state in step.
      onClose={onClose}
      onCancel={(e) => {
        // Esc: back to the list from the reason form, or close the panel.
        e.preventDefault();
        if (busy) return;
        if (cancelling) setCancelling(null);
        else onClose();
      }}
    >
      <h2 id="sc-open-title">Solicitudes abiertas</h2>
      <ErrorBanner message={error} />
      {cancelling ? (
        <CancelReasonForm
          what={`${tramite(cancelling)} de ${cancelling.customerName ?? cancelling.document ?? 'cliente sin identificar'}`}
          busy={busy}
          onBack={() => setCancelling(null)}
          onConfirm={(reason) =>
            void act(
              () => teller.securityCode.cancel({ flowId: cancelling.id, reason }),
              (f) => {
                // The cancelled row leaves now, not at the reread: Enter on the list must never reach it again. The
                // selection stays at its place, on the next row.
                const left = rows?.filter((r) => r.id !== cancelling.id) ?? null;
                setRows(left);
                if (left) onListed(left);
                setSelected((i) => Math.max(0, Math.min(i, (left?.length ?? 1) - 1)));
                setCancelling(null);
                onCancelled(f);
                void load();
              },
            )
          }
        />
      ) : rows === null ? (
        <p>Consultando…</p>
      ) : rows.length === 0 ? (
        <p data-testid="open-flows-empty" ref={emptyRef} tabIndex={-1}>
          No hay solicitudes abiertas en esta estación hoy.
        </p>
      ) : (
        <>
          <p className="hint">↑/↓ elija la solicitud · Enter reanuda · F8 reintenta con la central · Supr cancela · Esc cierra</p>
          <ul
            ref={listRef}
            className="sc-open-list"
            role="listbox"
            tabIndex={0}
            aria-label="Solicitudes abiertas"
            aria-activedescendant={row ? `sc-open-${row.id}` : undefined}
            onKeyDown={onKeyDown}
          >
            {rows.map((r, i) => (
              <li
                key={r.id}
                id={`sc-open-${r.id}`}
                role="option"
                aria-selected={i === selected}
                data-testid="open-flow"
                data-flow-id={r.id}
                data-pending={r.pendingCompletion ? 'true' : 'false'}
                onClick={() => setSelected(i)}
                onDoubleClick={resume}
              >
                <span className="sc-open-who">
                  <strong>{r.customerName ?? 'Cliente sin identificar'}</strong> {r.document ?? ''}
                </span>
                <span>{tramite(r)}</span>
                <span data-testid="open-flow-step">
                  {r.pendingCompletion ? `Pendiente con central (${r.centralAttempts} intento${r.centralAttempts === 1 ? '' : 's'})` : stepLabel(r)}
                </span>
                <span className="muted">
                  {WHEN.format(new Date(r.startedAt))}
                  {r.mine ? '' : ` · ${r.tellerName}`}
                </span>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="secondary" onClick={onClose} disabled={busy}>
              Cerrar <kbd>Esc</kbd>
            </button>
            <button type="button" className="secondary" onClick={askCancel} disabled={busy || !row?.canCancel}>
              Cancelar solicitud <kbd>Supr</kbd>
            </button>
            {row?.pendingCompletion ? (
              <button type="button" className="secondary" onClick={retry} disabled={busy || !row.canResume}>
                {busy ? 'Confirmando…' : 'Reintentar'} <kbd>F8</kbd>
              </button>
            ) : null}
            <button type="button" className="primary" onClick={resume} disabled={busy || !row?.canResume}>
              Reanudar <kbd>Enter</kbd>
            </button>
          </div>
        </>
      )}
    </dialog>
  );
};
