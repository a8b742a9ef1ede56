import type { ReactNode } from 'react';
import { formatPesos } from '../../domain/money/pesos';

/**
 * What leaves the account, each debit on its own line (the GMF apart, ET art. 872), the total and the
 * commission; then the GMF's legal basis and the core's notices. `children` adds rows (e.g. the credit).
 */
export const DebitsTable = ({
  testId,
  plan,
  commission,
  children,
}: {
  testId: string;
  plan: { debits: readonly { kind: string; label: string; amount: number }[]; debitTotal: number; gmf: { legalBasis?: string | null | undefined }; notices: readonly string[] };
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
        <tr className="total">
          <td>Total debitado</td>
          <td className="num">{formatPesos(plan.debitTotal)}</td>
        </tr>
        <tr>
          <td>Comisión</td>
          <td className="num">{formatPesos(commission)}</td>
        </tr>
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
