import type { ReceiptDocument } from '../../../domain/receipt/document';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { formatPesos } from '../../../domain/money/pesos';

/** A receipt or report as the printer will lay it out (roughly), for the screen. */
export const ReceiptView = ({ doc, testId }: { doc: ReceiptDocument; testId?: string }) => (
  <div className="paper" data-testid={testId}>
    {[
      doc.copyNumber ? `COPIA No. ${doc.copyNumber}` : null,
      doc.title,
      `${doc.branch.code} ${doc.branch.name} · Caja ${doc.till}`,
      `Cajero: ${doc.teller}`,
      `Fecha: ${formatReceiptDateTime(doc.postedAt)}`,
      '',
      ...doc.lines.map((l) => {
        switch (l.kind) {
          case 'amount':
            return `${l.label}: ${l.negative ? '-' : ''}${formatPesos(l.amount)}`;
          case 'field':
            return `${l.label}: ${l.value}`;
          case 'text':
            return l.text;
          case 'rule':
            return '------------------------------';
        }
      }),
      '',
      `Verificación: ${doc.verificationCode}`,
    ]
      .filter((x) => x !== null)
      .join('\n')}
  </div>
);
