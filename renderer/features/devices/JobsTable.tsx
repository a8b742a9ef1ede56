import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { DeviceStatus } from '../../../domain/contract/status';
import type { Ref } from 'react';
import { MAY_HAVE_PRINTED } from '../../components/PrintStatus';
import { failedJobWording, jobName } from './failed-job';
import { JOB_STATE_LABEL } from './labels';

interface Props {
  jobs: DevicePrintJob[];
  busy: boolean;
  /** The printer as it is now: a failed row words its cause against it (paper changed, cover now open, back and ready). */
  printer: DeviceStatus | undefined;
  /** The most recent failed job's Reintentar (or `retryRefJob`'s), for the screen to focus when the printer comes back. */
  retryRef?: Ref<HTMLButtonElement>;
  /** The job sent again with Reintentar: once it failed again, its own Reintentar is the one to focus. */
  retryRefJob?: string | null;
  onRetry: (jobId: string) => void;
  onReprint: (jobId: string) => void;
  /** The copy Reimprimir just sent: its state cell takes the focus (the button, disabled while it ran, dropped it). */
  copyRef?: Ref<HTMLTableCellElement>;
  copyJob?: string | null;
}

// Bogotá's clock, not the machine's (domain/calendar/bogota-time): the time printed on the receipt it lists.
const time = (iso: string) => formatReceiptDateTime(iso).slice(11);

/** Recent print jobs; a failed one offers Reintentar, a printed one Reimprimir ("COPIA No. n"). */
export const JobsTable = ({ jobs, busy, printer, retryRef, retryRefJob, onRetry, onReprint, copyRef, copyJob }: Props) => {
  // The core never prints a failed job again by itself (main/services/devices): the row stays failed until Reintentar.
  const failed = jobs.filter((j) => j.state === 'failed').map((j) => j.jobId);
  const refJob = retryRefJob && failed.includes(retryRefJob) ? retryRefJob : failed[0];
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
            <td>{jobName(j)}</td>
            <td>{j.copyNumber === 0 ? 'Original' : `COPIA No. ${j.copyNumber}`}</td>
            <td data-testid="job-state" {...(j.jobId === copyJob ? { ref: copyRef, tabIndex: -1 } : {})}>
              {j.state === 'failed' ? <FailedState job={j} printer={printer} /> : JOB_STATE_LABEL[j.state]}
            </td>
            <td className="num">{j.attempts}</td>
            <td>
              {j.state === 'failed' ? (
                <button
                  ref={j.jobId === refJob ? retryRef : undefined}
                  data-retry
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => onRetry(j.jobId)}
                  aria-label={`Reintentar ${j.reference}`}
                >
                  Reintentar
                </button>
              ) : null}
              {/* A validation's imprint is on the customer's slip, and a test page has no copy (the core refuses it): no Reimprimir. */}
              {j.state === 'printed' && j.kind !== 'validation' && j.kind !== 'test' ? (
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

const FailedState = ({ job, printer }: { job: DevicePrintJob; printer: DeviceStatus | undefined }) => {
  const w = failedJobWording(job.reason, printer);
  return (
    <>
      {w.was ? `${JOB_STATE_LABEL.failed}: ${w.was}.` : JOB_STATE_LABEL.failed}
      {w.cause ? <div className="field-error">{w.cause}</div> : null}
      {w.now ? <div className={w.now.ready ? 'notice' : 'field-error'}>{w.now.text}</div> : null}
      {job.mayHavePrinted ? <div className="field-error">{MAY_HAVE_PRINTED}</div> : null}
    </>
  );
};
