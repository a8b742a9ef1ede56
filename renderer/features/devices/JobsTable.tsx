import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { Ref } from 'react';
import { MAY_HAVE_PRINTED } from '../../components/PrintStatus';
import { JOB_STATE_LABEL, PRINTER_CONDITIONS } from './labels';

interface Props {
  jobs: DevicePrintJob[];
  busy: boolean;
  /** The printer can print now: a failure caused by its condition (paper, cover, cable) is past, Reintentar is next. */
  printerReady: boolean;
  /** The most recent failed job's Reintentar, for the screen to focus when the printer comes back. */
  retryRef?: Ref<HTMLButtonElement>;
  onRetry: (jobId: string) => void;
  onReprint: (jobId: string) => void;
}

// Bogotá's clock, not the machine's (domain/calendar/bogota-time): the time printed on the receipt it lists.
const time = (iso: string) => formatReceiptDateTime(iso).slice(11);

/** Recent print jobs; a failed one offers Reintentar, a printed one Reimprimir ("COPIA No. n"). */
export const JobsTable = ({ jobs, busy, printerReady, retryRef, onRetry, onReprint }: Props) => {
  // The core never prints a failed job again by itself (main/services/devices): the row stays failed until Reintentar.
  const firstFailed = jobs.find((j) => j.state === 'failed')?.jobId;
  const stale = (j: DevicePrintJob) => printerReady && j.state === 'failed' && j.reason !== null && PRINTER_CONDITIONS.has(j.reason.code);
  return jobs.length === 0 ? (
    <p className="muted">No hay impresiones recientes.</p>
  ) : (
    <table className="grid-table" aria-label="Impresiones recientes">
      <thead>
        <tr>
          <th scope="col">Hora</th>
          <th scope="col">Referencia</th>
          <th scope="col">Copia</th>
          <th scope="col">Estado</th>
          <th scope="col">Intentos</th>
          <th scope="col">Acción</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.jobId} data-testid={`job-${j.jobId}`} className={`job-${j.state}`}>
            <td>{time(j.createdAt)}</td>
            <td>{j.kind === 'test' ? 'Prueba de impresión' : j.reference}</td>
            <td>{j.copyNumber === 0 ? 'Original' : `COPIA No. ${j.copyNumber}`}</td>
            <td data-testid="job-state">
              {JOB_STATE_LABEL[j.state]}
              {j.reason && !stale(j) ? <div className="field-error">{j.reason.message}</div> : null}
              {j.state === 'failed' && printerReady ? <div className="notice">La impresora ya está lista: pulse Reintentar.</div> : null}
              {j.state === 'failed' && j.mayHavePrinted ? <div className="field-error">{MAY_HAVE_PRINTED}</div> : null}
            </td>
            <td className="num">{j.attempts}</td>
            <td>
              {j.state === 'failed' ? (
                <button
                  ref={j.jobId === firstFailed ? retryRef : undefined}
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => onRetry(j.jobId)}
                  aria-label={`Reintentar ${j.reference}`}
                >
                  Reintentar
                </button>
              ) : null}
              {j.state === 'printed' ? (
                <button type="button" disabled={busy} onClick={() => onReprint(j.jobId)} aria-label={`Reimprimir ${j.reference}`}>
                  Reimprimir
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
