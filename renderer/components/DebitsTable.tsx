import type { ReactNode } from 'react';
import { formatPesos } from '../../domain/money/pesos';

/**
 * What leaves the account, each debit on its own line (the GMF apart, ET art. 872; a commission under its own
 * label), then the total; then the GMF's legal basis and the core's notices. `children` adds rows (e.g. the credit).
 */
export const DebitsTable = ({
  testId,
  plan,
  commission,
  children,
}: {
  testId: string;
  plan: { debits: readonly { kind: string; label: string; amount: number }[]; debitTotal: number; gmf: { exempt: number; legalBasis?: string | null | undefined }; notices: readonly string[] };
  commission: number;
  children?: ReactNode;
}) => (
  <>
    <table className="summary" data-testid={testId}>
      <tbody>
        {plan.debits.map((d) => (
          <tr key={d.kind}>
            <td>{d.label}</td>
            <td className="num">{formatPesos(d.amount)}</td>
          </tr>
        ))}
        {/* A commission charged is one of the debits, on its own labelled line; none is said, not left out. */}
        {commission === 0 ? (
          <tr>
            <td>Comisión</td>
            <td className="num">{formatPesos(0)}</td>
          </tr>
        ) : null}
        <tr className="total">
          <td>Total debitado</td>
          <td className="num">{formatPesos(plan.debitTotal)}</td>
        </tr>
        {/* The receipt prints the exempt base; the customer hears it first, and that it is not debited. */}
        {plan.gmf.exempt > 0 && plan.gmf.legalBasis ? (
          <tr className="muted" data-testid="gmf-exempt-base">
            <td>Base exenta GMF (no se cobra 4x1000)</td>
            <td className="num">{formatPesos(plan.gmf.exempt)}</td>
          </tr>
        ) : null}
        {children}
      </tbody>
    </table>
    {plan.gmf.legalBasis ? <p className="muted">{plan.gmf.legalBasis}</p> : null}
    {plan.notices.map((n) => (
      <p key={n} className="notice">
        {n}
      </p>
    ))}
  </>
);
