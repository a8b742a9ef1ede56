import { useCallback, useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { User } from '../../../domain/contract/session';
import type { SyncStatus } from '../../../domain/contract/sync';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { bogotaToday } from './labels';
import { plural } from '../../../domain/language/plural';

/** Today's postings in contingencia, from this workstation's journal (the caps count the same withdrawals). */
interface UsedToday {
  withdrawals: number;
  withdrawn: number;
  deposits: number;
}

const usedToday = async (teller: TellerApi): Promise<UsedToday | null> => {
  const today = bogotaToday(new Date());
  const r = await teller.journal.search({ from: today, to: today, type: 'comprobante', limit: 500 });
  if (!r.ok) return null;
  const marked = r.data.entries.filter((e) => e.payload.contingency === true);
  const retiros = marked.filter((e) => e.payload.kind === 'retiro');
  return {
    withdrawals: retiros.length,
    withdrawn: retiros.reduce((s, e) => s + (e.amount ?? 0), 0),
    deposits: marked.filter((e) => e.payload.kind === 'deposito').length,
  };
};

/**
 * This workstation's contingency switch (supervisor; journaled by the core) with the caps it pays within and what
 * this till has used of them today. A teller sees the same panel without the switch. The mode and the withdrawals
 * the caps count are kept in this workstation's store: contingency is needed exactly when central is unreachable,
 * so it cannot be shared through central. The panel says so: another till of the office is not in contingency
 * because this one is, and a customer's daily cap counts only what this till paid.
 */
export const ContingencyPanel = ({ teller, user, status, onChanged }: { teller: TellerApi; user: User; status: SyncStatus; onChanged: () => void }) => {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [used, setUsed] = useState<UsedToday | null>(null);
  const [tillCode, setTillCode] = useState<string | null>(null);
  useEffect(() => {
    void teller.status.get({}).then((r) => r.ok && setTillCode(r.data.workstation.tillCode));
  }, [teller]);
  const station = tillCode ? `Contingencia de esta estación (Caja ${tillCode})` : 'Contingencia de esta estación';
  const active = status.mode === 'contingencia';
  const supervisor = user.role === 'supervisor';
  // A supervisor lands on the reason (autoFocus); a teller has nothing to act on here, and F3 left the focus on
  // the page itself: the heading takes it, as on the other screens, so the keyboard and a screen reader start here.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!supervisor) headingRef.current?.focus();
  }, [supervisor]);

  const loadUsed = useCallback(async () => setUsed(await usedToday(teller)), [teller]);
  useEffect(() => void loadUsed(), [loadUsed, status.mode, status.queueLength]);

  const toggle = async () => {
    if (busy) return;
    // Said here, in the teller's words, rather than as the contract's "Datos inválidos".
    if (reason.trim().length < 3) {
      setError(active ? 'Escriba el motivo para volver a modo normal.' : 'Escriba el motivo de la contingencia.');
      document.getElementById('contingency-reason')?.focus();
      return;
    }
    setBusy(true);
    const r = await teller.sync.setContingency({ active: !active, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setReason('');
    setNotice(
      r.data.mode === 'contingencia'
        ? 'Contingencia activada: los retiros se pagan dentro de los topes y todo queda marcado CONTINGENCIA.'
        : 'Esta estación volvió a modo normal: los retiros se autorizan con central.',
    );
    onChanged();
  };

  const tillLeft = used ? Math.max(0, status.caps.perTill - used.withdrawn) : null;
  return (
    <section className="panel" aria-label={station}>
      <h2 ref={headingRef} tabIndex={-1}>
        {station}
      </h2>
      <p className={active ? 'error-banner' : 'notice'} data-testid="contingency-mode">
        {active
          ? `Estación en CONTINGENCIA desde el ${status.modeChangedAt ? formatReceiptDateTime(status.modeChangedAt) : '—'}. Los retiros se pagan sin central, dentro de los topes, contra el último saldo conocido menos los débitos pendientes.`
          : 'Modo normal: los retiros se autorizan en línea con central.'}
      </p>
      <p className="hint" data-testid="contingency-scope">
        La contingencia y sus topes son de esta estación: activarla aquí no la activa en las otras cajas de la oficina, y cada una lleva sus propios topes.
      </p>
      {status.centralBack ? (
        <p className="notice" role="status" data-testid="contingency-central-back">
          {status.message}
        </p>
      ) : null}
      {!active && status.modeChangedBy === 'system' ? (
        <p className="notice" data-testid="contingency-auto-ended">
          La contingencia terminó sola el {status.modeChangedAt ? formatReceiptDateTime(status.modeChangedAt) : '—'}: central respondió en cada sincronización. Las operaciones se autorizan de nuevo en línea.
        </p>
      ) : null}
      <table className="grid-table" aria-label="Topes de contingencia">
        <thead>
          <tr>
            <th>Tope</th>
            <th>Límite</th>
            <th>Usado hoy en esta caja</th>
            <th>Disponible</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Por transacción</td>
            <td className="num">{formatPesos(status.caps.perTransaction)}</td>
            <td>—</td>
            <td>Cada retiro</td>
          </tr>
          <tr>
            <td>Por cliente por día en esta caja</td>
            <td className="num">{formatPesos(status.caps.perCustomerPerDay)}</td>
            <td>Por documento del cliente, solo lo pagado en esta caja</td>
            <td>Se verifica al pagar</td>
          </tr>
          <tr data-testid="contingency-till">
            <td>Por caja por día</td>
            <td className="num">{formatPesos(status.caps.perTill)}</td>
            <td className="num">{used ? `${formatPesos(used.withdrawn)} (${plural(used.withdrawals, 'retiro', 'retiros')})` : '—'}</td>
            <td className="num">{tillLeft === null ? '—' : formatPesos(tillLeft)}</td>
          </tr>
        </tbody>
      </table>
      {used ? <p className="hint">Consignaciones recibidas hoy en contingencia en esta caja: {used.deposits}.</p> : null}
      {supervisor ? (
        <form
          aria-label="Cambiar modo de esta estación"
          onSubmit={(e) => {
            e.preventDefault();
            void toggle();
          }}
        >
          {!active && status.state === 'online' ? (
            <p className="hint">Central está en línea: la contingencia es solo para cuando no hay comunicación.</p>
          ) : null}
          <div className="field">
            <label htmlFor="contingency-reason">{active ? 'Motivo para volver a modo normal' : 'Motivo de la contingencia'}</label>
            <input id="contingency-reason" autoFocus autoComplete="off" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {active ? 'Volver a modo normal' : 'Activar contingencia'} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : (
        <p className="hint" data-testid="contingency-supervisor-only">
          Solo un supervisor puede activar o terminar la contingencia. Solicítelo al supervisor de la oficina.
        </p>
      )}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorBanner message={error} />
    </section>
  );
};
