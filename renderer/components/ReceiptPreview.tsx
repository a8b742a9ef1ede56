import type { ReactNode } from 'react';
import { formatReceiptDateTime } from '../../domain/calendar/bogota-time';
import type { ReceiptDocument } from '../../domain/receipt/document';
import { ReceiptLines } from './ReceiptLines';
import './comprobante.css';

/** The top every paper shares: its title, then the office and the till. */
export const PaperTop = ({ doc }: { doc: ReceiptDocument }) => (
  <>
    <div className="r-title">{doc.title}</div>
    <div className="r-row">
      <span>
        Oficina {doc.branch.code} {doc.branch.name}
      </span>
      <span>Caja {doc.till}</span>
    </div>
  </>
);

/**
 * What the printer will print, as the teller and the customer can read it on screen (the same date-time too);
 * `print` says where the paper is (PrintStatus), under the preview: it is not part of what prints.
 */
export const ReceiptPreview = ({ receipt, print }: { receipt: ReceiptDocument; print?: ReactNode }) => (
  <>
    <section className="receipt" aria-label="Vista previa del comprobante" data-testid="receipt">
      <PaperTop doc={receipt} />
      <div className="r-row">
        <span>{receipt.sequenceLabel ?? 'Comprobante'}</span>
        <strong data-testid="receipt-sequence">{receipt.sequence}</strong>
      </div>
      <div className="r-row">
        <span>Fecha</span>
        <span data-testid="receipt-posted-at">{formatReceiptDateTime(receipt.postedAt)}</span>
      </div>
      <div className="r-row">
        <span>Cajero</span>
        <span>{receipt.teller}</span>
      </div>
      {receipt.copyNumber ? <div className="r-title">COPIA No. {receipt.copyNumber}</div> : null}
      {receipt.marks.map((m) => (
        <div key={m} className="r-title">
          {m}
        </div>
      ))}
      <hr />
      <ReceiptLines lines={receipt.lines} />
      {receipt.amountInWords ? <p data-testid="receipt-words">{receipt.amountInWords}</p> : null}
      <div className="r-row">
        <span>Verificación</span>
        <strong>{receipt.verificationCode}</strong>
      </div>
    </section>
    {print}
  </>
);
