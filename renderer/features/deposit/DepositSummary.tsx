import type { DepositPlanView } from '../../../domain/contract/deposit';
import { formatReceiptDate as date } from '../../../domain/calendar/bogota-time';
import { availableToday, chargeName, stillOwedText } from '../../../domain/deposit/pending-charges';
import { formatPesos } from '../../../domain/money/pesos';
import { declarationNotice } from '../../../domain/uiaf/declaration';
import { HoldingWarning } from '../vault/HoldingWarning';


/**
 * The confirmation summary: totals, commission, availability dates, approvals and UIAF, before posting.
 * `declarationTaken`: the UIAF declaration for this very slip is already signed (the plan was evaluated without it).
 */
export const DepositSummary = ({ plan, declarationTaken }: { plan: DepositPlanView; declarationTaken: boolean }) => {
  const uiaf = declarationNotice('deposito', plan.uiaf.declarationRequired, declarationTaken);
  // Central pays the account's pending charges out of the cash first: what is left is what the customer sees today.
  const owed = plan.pendingCharges ?? null;
  const paid = owed?.paid ?? 0;
  // Central silent: the charge its last figures had is taken as paid first, as the notice beside it says.
  const { net, assumedPaid } = availableToday({ cash: plan.credits.available, commission: plan.commission.total, paid, lastKnownUnconfirmed: plan.pendingChargesLastKnown ?? 0 });
  return (
    <div data-testid="deposit-summary">
      {plan.cash > 0 ? <HoldingWarning incoming={plan.cash} /> : null}
      <table className="summary">
        <tbody>
          <tr>
            <td>Efectivo</td>
            <td className="num">{formatPesos(plan.cash)}</td>
          </tr>
          <tr>
            <td>Cheques</td>
            <td className="num">{formatPesos(plan.chequesTotal)}</td>
          </tr>
          <tr className="total">
            <td>Total consignado</td>
            <td className="num">{formatPesos(plan.total)}</td>
          </tr>
          <tr>
            <td>GMF (4x1000)</td>
            <td className="num">{formatPesos(0)} (las consignaciones no pagan GMF)</td>
          </tr>
          {plan.commission.lines.map((l) => (
            <tr key={l.kind === 'remesa' ? `remesa-${l.chequeIndex}` : l.kind}>
              <td>{l.kind === 'remesa' ? `Comisión remesa, cheque ${(l.chequeIndex ?? 0) + 1}` : 'Comisión consignación a cuenta de otra ciudad'}</td>
              <td className="num">{formatPesos(-l.amount)}</td>
            </tr>
          ))}
          {plan.commission.lines.length === 0 ? (
            <tr>
              <td>Comisión</td>
              <td className="num">{formatPesos(0)}</td>
            </tr>
          ) : null}
          {paid > 0 && owed ? (
            <>
              <tr data-testid="pending-charge-paid">
                <td>Pago cargo pendiente ({owed.charges.map(chargeName).join('; ')})</td>
                <td className="num">{formatPesos(-paid)}</td>
              </tr>
              <tr>
                <td>Abonado a la cuenta</td>
                <td className="num" data-testid="credited">
                  {formatPesos(owed.credited)}
                </td>
              </tr>
            </>
          ) : null}
          <tr>
            {/* The commission is debited from the available balance the same day; cheques add to it later. A net
                debit is said as one: "Disponible hoy -$ 15.000" read as a balance the customer does not have. */}
            <td>{net < 0 ? 'Se debita hoy de la cuenta' : 'Disponible hoy'}</td>
            <td className="num" data-testid="available-today">
              {formatPesos(Math.abs(net))}
              {plan.commission.total > 0
                ? net < 0
                  ? ` (comisión ${formatPesos(plan.commission.total)}${plan.credits.available > 0 ? ` menos efectivo ${formatPesos(plan.credits.available)}` : ''}; los cheques se abonan al pagarse)`
                  : ` (efectivo ${formatPesos(plan.credits.available)} menos comisión ${formatPesos(plan.commission.total)}${assumedPaid > 0 ? ` y cargo pendiente ${formatPesos(assumedPaid)}` : ''})`
                : paid > 0
                  ? ` (efectivo ${formatPesos(plan.credits.available)} menos cargo pendiente ${formatPesos(paid)})`
                  : assumedPaid > 0
                    ? ` (efectivo ${formatPesos(plan.credits.available)} menos el cargo pendiente de ${formatPesos(assumedPaid)} que la cuenta tenía en los últimos datos de central)`
                    : ''}
            </td>
          </tr>
        </tbody>
      </table>
      {owed && paid > 0 ? (
        <p className="notice" data-testid="pending-charge-still-owed">
          {stillOwedText({ paid, stillOwed: owed.total - paid, keptByEmbargo: owed.keptByEmbargo }, plan.chequesTotal > 0)}
        </p>
      ) : null}
      {plan.holds.length > 0 ? (
        <ul data-testid="holds">
          {plan.holds.map((h) => (
            <li key={h.chequeIndex}>
              Cheque {h.chequeIndex + 1}: {formatPesos(h.amount)} {h.route === 'canje' ? `en canje, disponible desde ${date(h.releaseOn)}` : `remesa al cobro, fecha estimada ${date(h.releaseOn)}`}
            </li>
          ))}
        </ul>
      ) : null}
      {uiaf ? (
        <p className="notice" data-testid="uiaf-declaration">
          {uiaf}
        </p>
      ) : null}
      {plan.notices.map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
    </div>
  );
};
