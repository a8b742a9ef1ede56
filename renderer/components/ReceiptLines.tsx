import type { ReceiptDocument } from '../../domain/receipt/document';
import { formatPesos } from '../../domain/money/pesos';

/** The body of any printed document (receipt, constancia) as it reads on paper, line by line. */
export const ReceiptLines = ({ lines, strongValues = false }: { lines: ReceiptDocument['lines']; strongValues?: boolean }) => (
  <>
    {lines.map((l, i) => {
      switch (l.kind) {
        case 'rule':
          return <hr key={i} />;
        case 'text':
          return (
            <p key={i} style={{ textAlign: l.align ?? 'left', fontWeight: l.emphasis ? 700 : 400 }}>
              {l.text}
            </p>
          );
        case 'field':
          return (
            <div key={i} className="r-row">
              <span>{l.label}</span>
              {strongValues ? <strong>{l.value}</strong> : <span>{l.value}</span>}
            </div>
          );
        case 'amount':
          return (
            <div key={i} className="r-row">
              <span>{l.label}</span>
              <span>{l.negative ? `-${formatPesos(l.amount)}` : formatPesos(l.amount)}</span>
            </div>
          );
      }
    })}
  </>
);
