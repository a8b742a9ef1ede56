import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { ApprovedReversal } from '../../../domain/contract/reversal';
import { formatPesos } from '../../../domain/money/pesos';

/** A supervisor may approve at another desk while the teller waits here: Inicio rereads this often. */
const POLL_MS = 3000;

/**
 * Inicio: reversals a supervisor approved that this teller has not registered yet. Approved at the desk after the
 * teller left the panel, nothing else said so; Enter (the first one has the focus) opens its panel to register it.
 */
export const ApprovedReversals = ({ teller, onRegister }: { teller: TellerApi; onRegister: (sequence: string) => void }) => {
  const [reversals, setReversals] = useState<ApprovedReversal[]>([]);
  const [centralSilent, setCentralSilent] = useState(false);
  useEffect(() => {
    const load = () =>
      void teller.reversal.approved({}).then((r) => {
        if (!r.ok) return;
        setReversals(r.data.reversals);
        setCentralSilent(r.data.centralSilent);
      });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [teller]);
  // What this workstation knows is listed at once; a decision taken at another desk waits for central.
  const silent = centralSilent ? (
    <p className="notice" role="status" data-testid="reversals-central-silent">
      Central no respondió: si un supervisor decidió en otro escritorio un reverso que usted solicitó, se verá aquí cuando central responda.
    </p>
  ) : null;
  if (reversals.length === 0) return silent;
  return (
    <section className="panel" aria-label="Reversos aprobados por registrar">
      {silent}
      <h2>Reversos aprobados por registrar</h2>
      <p className="notice" role="status">
        El supervisor ya los aprobó; el reverso se hace efectivo solo cuando usted lo registra.
      </p>
      <table className="grid-table" aria-label="Reversos por registrar">
        <thead>
          <tr>
            <th>Comprobante</th>
            <th>Operación</th>
            <th>Cuenta</th>
            <th>Valor</th>
            <th>Aprobó</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {reversals.map((r, i) => (
            <tr key={r.approvalId}>
              <td>{r.sequence}</td>
              <td>{r.kind}</td>
              <td>{r.account}</td>
              <td className="num">{formatPesos(r.total)}</td>
              <td>{r.approvedBy}</td>
              <td>
                <button type="button" className={i === 0 ? 'primary' : 'secondary'} autoFocus={i === 0} aria-label={`Registrar el reverso de ${r.sequence}`} onClick={() => onRegister(r.sequence)}>
                  Registrar el reverso{i === 0 ? <> <kbd>Enter</kbd></> : null}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
