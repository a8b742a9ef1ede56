import { useCallback, useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { User } from '../../../domain/contract/session';
import type { TillSession } from '../../../domain/contract/till';
import type { BranchTransferView, TillDestination, TransferView } from '../../../domain/contract/vault';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { AmountInput } from '../../components/AmountInput';
import { DenominationGrid } from '../../components/DenominationGrid';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAskOnEscape } from '../../components/ask-on-escape';
import { useLeaveUnsaved } from '../../components/LeaveUnsaved';
import { focusIsNowhere, trapTab } from '../../components/focus-trap';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';
import { onIncoming } from './incoming';
import { SupervisorApproval } from '../supervisor/SupervisorApproval';

const STATE = { en_transito: 'En tránsito', aceptado: 'Aceptado', rechazado: 'Rechazado' } as const;
/**
 * Told before the blind count (the core's yes/no, never the amount): counting it in will take the till over its
 * limit, and the screen will then ask for the surplus to go to the vault. QA: it was only said after receiving.
 */
const OverLimitBeforeCount = ({ t }: { t: { leavesOverLimit: boolean } }) =>
  t.leavesOverLimit ? (
    <p className="error-banner" role="status" data-testid="receive-over-limit">
      Al recibir este traslado, la caja quedará por encima de su límite de efectivo: después de recibirlo se le pedirá trasladar el excedente a la bóveda.
    </p>
  ) : null;

/** The receiver is sent no amount until its count matched: while it travels it counts blind, rejected it never counted. */
const amountCell = (t: { amount: number | null; state: keyof typeof STATE }) => (t.amount !== null ? formatPesos(t.amount) : t.state === 'en_transito' ? 'Conteo ciego' : 'Sin conteo');
const POLL_MS = 3000;

/**
 * Vault and transfers: the branch vault is kept at central, so a supervisor at any workstation provisions any
 * open till of the branch from it and receives what tills return to it; a teller returns surplus to the vault or
 * sends to another till. The receiver counts blind and accepts, or rejects with a reason. A teller's transfer to
 * the till of another workstation goes through central (vault.sendToTill): it is listed under "Traslados entre
 * cajas", announced at the receiving till when it arrives, and counted there without showing its amount.
 */
export const VaultScreen = ({ teller, user, till, onChanged, onCancel }: { teller: TellerApi; user: User; till: TillSession | null; onChanged: () => void; onCancel: () => void }) => {
  const [overview, setOverview] = useState<{ vaultTotal: number | null; vaultPosition: DenominationCount | null; transfers: TransferView[]; centralReachable: boolean } | null>(null);
  const [branch, setBranch] = useState<{ transfers: BranchTransferView[]; incoming: number; centralReachable: boolean; destinations: TillDestination[] | null } | null>(null);
  const [mode, setMode] = useState<{ kind: 'send' } | { kind: 'accept'; t: TransferView } | { kind: 'receive'; t: BranchTransferView } | null>(null);
  const [dest, setDest] = useState('BOVEDA');
  const [count, setCount] = useState<DenominationCount>({});
  const [declared, setDeclared] = useState<number | null>(null);
  const [rejectNote, setRejectNote] = useState('');
  /** A provision leaves the vault only once confirmed (QA F10: F10 sent it at once, where the till's opening asks). */
  const [confirmProvision, setConfirmProvision] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The till's sends are blocked after refused sends: the supervisor's visa, asked for by the core. */
  const [visa, setVisa] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  /** Where the keyboard lands: the control F10 focuses first (see firstMine). */
  const landRef = useRef<HTMLButtonElement>(null);
  const [landAfterLoad, setLandAfterLoad] = useState(0);
  // The supervisor provisions any open till of the branch (see provisionOptions); a teller starts on the vault.
  const provisions = provisionOptions(till, branch?.destinations ?? null);
  const target = user.role === 'supervisor' ? (provisions.some((o) => o.value === dest) ? dest : (provisions[0]?.value ?? '')) : dest;

  const loadBranch = useCallback(async () => {
    const r = await teller.vault.tillTransfers({});
    if (r.ok) setBranch(r.data);
  }, [teller]);
  const load = useCallback(async () => {
    const r = await teller.vault.overview({});
    if (r.ok) setOverview(r.data);
    else setError(r.error.message);
    await loadBranch();
  }, [teller, loadBranch]);
  useEffect(() => void load(), [load]);
  // The till may have moved since the shell last read it (a surplus sent from a deposit's summary).
  const refreshed = useRef(false);
  useEffect(() => {
    if (refreshed.current) return;
    refreshed.current = true;
    onChanged();
  }, [onChanged]);
  // The vault and the transfers of every workstation are at central: keep both lists current while the screen
  // is open; one arriving for this user from anywhere reloads them at once.
  useEffect(() => {
    const timer = setInterval(() => void load(), POLL_MS);
    const off = onIncoming((_, arrived) => {
      if (arrived) void load();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [loadBranch, load]);

  const done = (msg: string) => {
    setNotice(msg);
    setMode(null);
    setCount({});
    setDeclared(null);
    setError(null);
    key.current = crypto.randomUUID();
    onChanged();
    // The panel that held the focus is gone, and the button that took it may be the transfer just received, gone
    // once the lists are read again: land after that read, unless the user has already moved on.
    void load().then(() => setLandAfterLoad((n) => n + 1));
  };
  useEffect(() => {
    if (landAfterLoad > 0 && focusIsNowhere()) landRef.current?.focus();
  }, [landAfterLoad]);
  const refused = (e: { code: string; message: string; details?: Record<string, unknown> | undefined }) => {
    setError(e.message);
    const asked = e.code === 'TRANSFERS_BLOCKED' ? e.details?.approvalId : undefined;
    setVisa(typeof asked === 'string' ? asked : null);
  };
  // As in Apertura: a send refused for its verification total left the focus in a row of the count, and the next
  // digits went into that row. The refusal is about the total, so the focus goes to it, selected to be replaced.
  const refuseTotal = (message: string) => {
    setError(message);
    const field = document.getElementById('transfer-total');
    if (field instanceof HTMLInputElement) {
      field.focus();
      field.select();
    }
  };
  // A refusal is about the count, destination and total it was given: changing one of them takes it off the screen.
  const edited =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setError(null);
    };
  const send = async (confirmed = false) => {
    const counted = totalOfCount(count);
    // A new send is judged on its own: an earlier refusal left on screen read as this one's (QA s37 Q7).
    setError(null);
    // Without a total the core was sent -1 and answered "Datos inválidos: El valor no puede ser negativo".
    if (declared === null) return refuseTotal('Escriba el total del traslado para verificar el conteo.');
    if (declared !== counted) return refuseTotal(`El conteo suma ${formatPesos(counted)} y usted escribió ${formatPesos(declared)}. Revise el conteo.`);
    if (user.role === 'supervisor' && !confirmed) {
      // The till's limit is the core's rule, asked before the confirmation: the supervisor confirmed a provision that
      // the core then refused (QA s37 Q7). Without an answer the send itself checks it.
      const check = await teller.vault.checkSend({ to: { kind: 'till', ref: target }, amount: counted });
      if (check.ok && check.data.problem) return setError(check.data.problem);
      return setConfirmProvision(true);
    }
    setConfirmProvision(false);
    if (user.role !== 'supervisor' && target !== 'BOVEDA') {
      const b = await teller.vault.sendToTill({ idempotencyKey: key.current, toTill: target, count, declaredTotal: declared });
      if (b.ok) done(`Traslado de ${formatPesos(b.data.transfer.amount ?? 0)} enviado a ${b.data.transfer.toLabel} por central: queda en tránsito hasta que el cajero de esa caja lo cuente y acepte.`);
      else refused(b.error);
      return;
    }
    const to = target === 'BOVEDA' ? { kind: 'vault' as const, ref: 'BOVEDA' } : { kind: 'till' as const, ref: target };
    const r = await teller.vault.send({ idempotencyKey: key.current, to, count, declaredTotal: declared });
    if (r.ok && user.role === 'supervisor') done(`Provisión de ${formatPesos(r.data.transfer.amount ?? counted)} enviada de la bóveda a ${r.data.transfer.toLabel}: queda en tránsito hasta que el cajero la cuente y acepte.`);
    else if (r.ok) done(`Traslado de ${formatPesos(r.data.transfer.amount ?? counted)} enviado a ${r.data.transfer.toLabel}: queda en tránsito hasta que un supervisor lo cuente y acepte.`);
    else refused(r.error);
  };
  const accept = async (t: TransferView) => {
    const r = await teller.vault.accept({ transferId: t.id, count });
    if (r.ok) done(`Traslado de ${formatPesos(r.data.transfer.amount ?? 0)} recibido de ${t.fromLabel}.`);
    else setError(r.error.message);
  };
  const receive = async (t: BranchTransferView) => {
    const r = await teller.vault.acceptTillTransfer({ transferId: t.id, count });
    if (r.ok) done(`Traslado de ${formatPesos(r.data.transfer.amount ?? 0)} recibido de ${t.fromLabel}.`);
    else setError(r.error.message);
  };
  /** A rejection needs its motivo: without one the keyboard goes to it (F4 from a row of the count). */
  const noteMissing = (field: string): boolean => {
    if (rejectNote.trim() !== '') return false;
    setError('Escriba el motivo del rechazo: quien envió el efectivo lo recibe con él.');
    document.getElementById(field)?.focus();
    return true;
  };
  const refuse = async (t: BranchTransferView) => {
    if (noteMissing('reject-branch-note')) return;
    const r = await teller.vault.rejectTillTransfer({ transferId: t.id, note: rejectNote });
    if (r.ok) done(`Traslado rechazado: el efectivo vuelve a ${t.fromLabel} cuando central se lo informe.`);
    else setError(r.error.message);
  };
  // The keys of every other count screen (Apertura, Cierre): F10 registers the count, Esc goes back. Here Esc went
  // to the start menu from the middle of a count, and F10 did nothing.
  const backToList = () => {
    setMode(null);
    setCount({});
    setDeclared(null);
    setRejectNote('');
    // A refusal was about the count just dropped: left on screen, it reads as if the list had a problem.
    setError(null);
  };
  const leaving = useLeaveUnsaved({
    dirty: mode !== null && (totalOfCount(count) > 0 || declared !== null),
    what: 'el conteo del traslado',
    lost: 'el efectivo contado por denominación',
    leave: backToList,
  });
  useAskOnEscape(mode !== null, leaving.leave);
  useWindowKeyDown((e) => {
    if (document.querySelector('dialog[open]') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    // F2 starts the screen's main action, F4 rejects what is being counted, as the buttons say.
    if (e.key === 'F2' && !mode && canSend) {
      e.preventDefault();
      startSend();
    }
    if (e.key === 'F4' && (mode?.kind === 'accept' || mode?.kind === 'receive')) {
      e.preventDefault();
      if (mode.kind === 'accept') void reject(mode.t);
      else void refuse(mode.t);
    }
    if (e.key !== 'F10' || !mode) return;
    e.preventDefault();
    if (mode.kind === 'send') void send();
    else if (mode.kind === 'accept') void accept(mode.t);
    else void receive(mode.t);
  });
  const canSend = till !== null || (user.role === 'supervisor' && provisions.length > 0);
  const startSend = () => {
    setMode({ kind: 'send' });
    // Which tills are open may have changed since the screen opened.
    void loadBranch();
  };
  const firstIncoming = branch?.transfers.find((t) => t.toReceive) ?? null;
  // F10 lands on what waits for this user: a transfer to count, else the screen's main action.
  const firstMine = overview?.transfers.find((t) => t.mine) ?? null;
  const reject = async (t: TransferView) => {
    if (noteMissing('reject-note')) return;
    const r = await teller.vault.reject({ transferId: t.id, note: rejectNote });
    if (r.ok) done(t.from.kind === 'vault' ? 'Provisión rechazada: el efectivo vuelve a la bóveda.' : `Traslado rechazado: el efectivo vuelve a ${t.fromLabel} cuando central se lo informe.`);
    else setError(r.error.message);
  };

  return (
    <main
      className="screen"
      aria-labelledby="vault-title"
      // QA F12: Tab past the last button went to <body>, where no key reaches anything: it wraps on the screen.
      onKeyDown={(e) => {
        if (!e.defaultPrevented && !document.querySelector('dialog[open]')) trapTab(e);
      }}
    >
      <h1 id="vault-title">Bóveda y traslados</h1>
      {leaving.dialog}
      {till?.holding?.prompt ? <p className="error-banner" role="status">{till.holding.prompt}</p> : null}
      {/* A teller is sent neither the vault's total nor, under blind close, the till's cash: nothing to show. */}
      {user.role === 'supervisor' ? (
        <p>
          Bóveda: <strong data-testid="vault-total">{overview ? (overview.vaultTotal === null ? '—' : formatPesos(overview.vaultTotal)) : '…'}</strong>
          {till?.positionTotal != null ? (
            <>
              {' '}
              · Caja {till.tillCode}: <strong data-testid="vault-till-total">{formatPesos(till.positionTotal)}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      {overview && !overview.centralReachable ? (
        <p className="hint" data-testid="vault-offline">
          La bóveda se lleva en central y no hay conexión
          {user.role === 'supervisor' ? `: ${overview.vaultTotal === null ? 'no se conoce su saldo' : 'el saldo es el último informado'}` : ''}. Provisiones y recibos en la bóveda esperan a que vuelva la
          conexión.
        </p>
      ) : null}
      {overview?.vaultPosition ? (
        <details>
          <summary>Bóveda por denominación</summary>
          <table className="grid-table" aria-label="Bóveda por denominación">
            <tbody>
              {Object.entries(overview.vaultPosition)
                .filter(([, n]) => n > 0)
                .sort(([a], [b]) => Number(b) - Number(a))
                .map(([d, n]) => (
                  <tr key={d}>
                    <td className="num">{formatPesos(Number(d))}</td>
                    <td className="num">{n}</td>
                    <td className="num">{formatPesos(Number(d) * n)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {/* Only with rows: empty, its bare header sat above the table of transfers between tills. */}
      {overview && overview.transfers.length > 0 ? (
        <table className="grid-table" aria-label="Traslados">
          <thead>
            <tr>
              <th>Origen</th>
              <th>Destino</th>
              <th>Valor</th>
              <th>Estado</th>
              <th>Envió</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {overview.transfers.map((t) => (
              <tr key={t.id}>
                <td>{t.fromLabel}</td>
                <td>{t.toLabel}</td>
                <td className="num">{amountCell(t)}</td>
                <td>{STATE[t.state]}</td>
                <td>{t.sentBy}</td>
                <td>
                  {t.mine && !mode ? (
                    <button type="button" ref={t.id === firstMine?.id ? landRef : undefined} autoFocus={t.id === firstMine?.id} onClick={() => setMode({ kind: 'accept', t })}>
                      Contar y recibir
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {overview && branch && overview.transfers.length === 0 && branch.transfers.length === 0 ? <p className="hint">No hay traslados con la bóveda ni con otras cajas.</p> : null}
      {firstIncoming && !mode ? (
        <p className="error-banner" role="alert" data-testid="transfer-notification">
          {branch && branch.incoming > 1 ? `${branch.incoming} traslados entrantes por recibir. ` : ''}
          Traslado entrante de {firstIncoming.fromLabel} ({firstIncoming.sentBy}): cuéntelo y recíbalo o rechácelo con el motivo.
        </p>
      ) : null}
      {branch && branch.transfers.length > 0 ? (
        <table className="grid-table" aria-label="Traslados entre cajas">
          <thead>
            <tr>
              <th>Origen</th>
              <th>Destino</th>
              <th>Valor</th>
              <th>Estado</th>
              <th>Envió</th>
              <th>Recibió</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {branch.transfers.map((t) => (
              <tr key={t.id}>
                <td>{t.fromLabel}</td>
                <td>{t.toLabel}</td>
                <td className="num">{amountCell(t)}</td>
                <td>
                  {STATE[t.state]}
                  {t.queued ? ' · en cola para central' : ''}
                </td>
                <td>{t.sentBy}</td>
                <td>{t.receivedBy ? `${t.receivedBy}${t.note ? ` · ${t.note}` : ''}` : '—'}</td>
                <td>
                  {t.toReceive && !mode ? (
                    <button
                      type="button"
                      ref={!firstMine && t.id === firstIncoming?.id ? landRef : undefined}
                      autoFocus={!firstMine && t.id === firstIncoming?.id}
                      onClick={() => setMode({ kind: 'receive', t })}
                    >
                      Contar y recibir
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {branch && !branch.centralReachable ? <p className="hint">Sin conexión con central: los traslados con otras cajas se actualizan al restablecerse.</p> : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {!mode ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Volver <kbd>Esc</kbd>
          </button>
          {canSend ? (
            <button
              type="button"
              className="primary"
              ref={!firstMine && !firstIncoming ? landRef : undefined}
              autoFocus={!firstMine && !firstIncoming}
              onClick={startSend}
            >
              {user.role === 'supervisor' ? 'Provisionar una caja' : 'Trasladar efectivo'} <kbd>F2</kbd>
            </button>
          ) : user.role === 'supervisor' ? (
            <p className="hint">No hay cajas abiertas en la oficina: el cajero abre la suya antes de que usted la provisione.</p>
          ) : null}
        </div>
      ) : null}
      {mode?.kind === 'send' ? (
        <section className="panel two-col">
          {/* Enter goes count -> Destino -> verification total: the destination defaults to the vault, and a teller who
              Entered past it sent to the vault what was meant for another till. Stopping on it shows the choice. */}
          <DenominationGrid caption="Efectivo a trasladar" value={count} onChange={edited(setCount)} autoFocus onDone={() => document.getElementById('transfer-dest')?.focus()} />
          <div className="side">
            <div className="field">
              <label htmlFor="transfer-dest">Destino</label>
              <select
                id="transfer-dest"
                value={target}
                onChange={(e) => edited(setDest)(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  document.getElementById('transfer-total')?.focus();
                }}
              >
                {user.role !== 'supervisor' ? <option value="BOVEDA">Bóveda</option> : null}
                {(user.role === 'supervisor' ? provisions : tillOptions(branch?.destinations ?? null, till?.tillCode)).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {user.role === 'supervisor' ? null : branch && branch.destinations === null ? (
                <p className="hint">Central no informó qué cajas están abiertas: confirme con el cajero de destino antes de enviar.</p>
              ) : branch?.destinations?.length === 0 ? (
                <p className="hint">No hay otras cajas abiertas en la oficina: solo puede trasladar a la bóveda.</p>
              ) : null}
            </div>
            <AmountInput id="transfer-total" label="Total del traslado (verificación)" value={declared} onChange={edited(setDeclared)} onEnter={() => void send()} />
            <p>Total del conteo: {formatPesos(totalOfCount(count))}</p>
            <div className="actions">
              <button type="button" id="transfer-cancel" className="secondary" onClick={leaving.leave}>
                Cancelar <kbd>Esc</kbd>
              </button>
              <button type="button" className="primary" onClick={() => void send()}>
                Enviar traslado <kbd>F10</kbd>
              </button>
            </div>
          </div>
        </section>
      ) : null}
      {mode?.kind === 'accept' ? (
        <section className="panel two-col">
          <DenominationGrid caption={`Conteo del traslado de ${mode.t.fromLabel}`} value={count} onChange={setCount} autoFocus onDone={() => void accept(mode.t)} />
          <div className="side">
            <OverLimitBeforeCount t={mode.t} />
            <p className="hint">Cuente el efectivo recibido. Si no coincide con lo enviado, cuente de nuevo o rechace el traslado.</p>
            <div className="actions">
              <button type="button" className="secondary" onClick={leaving.leave}>
                Cancelar <kbd>Esc</kbd>
              </button>
              <button type="button" className="primary" onClick={() => void accept(mode.t)}>
                Recibir traslado <kbd>F10</kbd>
              </button>
            </div>
            <div className="field">
              <label htmlFor="reject-note">Motivo del rechazo</label>
              <input id="reject-note" value={rejectNote} onChange={(e) => setRejectNote(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void reject(mode.t)} />
            </div>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => void reject(mode.t)}>
                Rechazar traslado <kbd>F4</kbd>
              </button>
            </div>
          </div>
        </section>
      ) : null}
      {mode?.kind === 'receive' ? (
        <section className="panel two-col" aria-label="Recibir traslado">
          <DenominationGrid caption={`Conteo del traslado de ${mode.t.fromLabel}`} value={count} onChange={setCount} autoFocus onDone={() => void receive(mode.t)} />
          <div className="side">
            <OverLimitBeforeCount t={mode.t} />
            <p className="hint">Cuente el efectivo recibido sin ver el valor enviado. Si no coincide, cuente de nuevo o rechace el traslado con el motivo.</p>
            <p>Total de su conteo: {formatPesos(totalOfCount(count))}</p>
            <div className="actions">
              <button type="button" className="secondary" onClick={leaving.leave}>
                Cancelar <kbd>Esc</kbd>
              </button>
              <button type="button" className="primary" onClick={() => void receive(mode.t)}>
                Recibir traslado <kbd>F10</kbd>
              </button>
            </div>
            <div className="field">
              <label htmlFor="reject-branch-note">Motivo del rechazo</label>
              <input id="reject-branch-note" value={rejectNote} onChange={(e) => setRejectNote(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void refuse(mode.t)} />
            </div>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => void refuse(mode.t)}>
                Rechazar traslado <kbd>F4</kbd>
              </button>
            </div>
          </div>
        </section>
      ) : null}
      <ErrorBanner message={error} />
      {confirmProvision && mode?.kind === 'send' ? (
        <ConfirmDialog title="Confirmar provisión" confirmLabel="Enviar provisión" onConfirm={() => void send(true)} onCancel={() => setConfirmProvision(false)}>
          <p>
            Saldrán de la bóveda <strong>{formatPesos(totalOfCount(count))}</strong> hacia <strong>{provisions.find((o) => o.value === target)?.label ?? `Caja ${target}`}</strong>: quedan en
            tránsito hasta que el cajero los cuente y acepte.
          </p>
        </ConfirmDialog>
      ) : null}
      {visa ? (
        <section className="panel" aria-label="Visto bueno para enviar efectivo">
          <SupervisorApproval
            teller={teller}
            requestId={visa}
            source="caja"
            onDecided={(status, note) => {
              setVisa(null);
              setError(status === 'aprobada' ? null : `El supervisor no dio el visto bueno${note ? `: ${note}` : ''}. Haga un arqueo (F6) para desbloquear los envíos.`);
              if (status === 'aprobada') setNotice('Visto bueno del supervisor: los envíos de la caja quedaron desbloqueados. Envíe el traslado de nuevo.');
              // The dialog leaves with the focus in it: approved, the teller sends again from the verification total
              // (Enter sends); refused, the sends stay blocked and the way on is out to F6.
              document.getElementById(status === 'aprobada' ? 'transfer-total' : 'transfer-cancel')?.focus();
            }}
          />
        </section>
      ) : null}
    </main>
  );
};

/**
 * Till destinations. A teller sends to another workstation's till: the open ones central reports for the branch
 * (teller name, a warning when its last report is old); without central's answer, any till code of the office,
 * to be confirmed by phone.
 */
const tillOptions = (destinations: TillDestination[] | null, own: string | undefined): { value: string; label: string }[] =>
  destinations === null
    ? ['01', '02', '03', '04', '05'].filter((c) => c !== own).map((c) => ({ value: c, label: `Caja ${c}` }))
    : destinations
        .filter((d) => d.tillCode !== own)
        .map((d) => ({ value: d.tillCode, label: `Caja ${d.tillCode} · ${d.tellerName}${d.stale ? ' (sin reporte reciente)' : ''}` }));

/** The supervisor provisions from the branch vault (at central) this workstation's open till or another's. */
const provisionOptions = (till: TillSession | null, destinations: TillDestination[] | null): { value: string; label: string }[] => [
  ...(till ? [{ value: till.tillCode, label: `Caja ${till.tillCode} · ${till.tellerName}` }] : []),
  ...(destinations ?? [])
    .filter((d) => d.tillCode !== till?.tillCode)
    .map((d) => ({ value: d.tillCode, label: `Caja ${d.tillCode} · ${d.tellerName}${d.stale ? ' (sin reporte reciente)' : ''}` })),
];
