import type { ReactNode } from 'react';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { PaperTop } from '../../components/ReceiptPreview';
import { ReceiptLines } from '../../components/ReceiptLines';

/** The constancia as the customer gets it: radicado and deadline, never the code. */
export const Constancia = ({ doc, print }: { doc: ReceiptDocument; print?: ReactNode }) => (
  <>
    <section className="sc-constancia" aria-label="Constancia" data-testid="constancia">
      <PaperTop doc={doc} />
      <div className="r-row">
        <span>{doc.sequenceLabel ?? 'Comprobante'}</span>
        <strong data-testid="constancia-reference">{doc.sequence}</strong>
      </div>
      <div className="r-row">
        <span>Fecha</span>
        <span>{formatReceiptDateTime(doc.postedAt)}</span>
      </div>
      <div className="r-row">
        <span>Atendió</span>
        <span>{doc.teller}</span>
      </div>
      <hr />
      <ReceiptLines lines={doc.lines} strongValues />
      {doc.verificationCode ? (
        <div className="r-row">
          <span>Verificación</span>
          <span>{doc.verificationCode}</span>
        </div>
      ) : null}
    </section>
    {print}
  </>
);
