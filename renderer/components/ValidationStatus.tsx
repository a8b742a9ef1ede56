import { useCallback, useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import type { DevicePrintJob } from '../../domain/contract/devices';
import type { PrintJobRef } from './PrintStatus';
import { RetryButton } from './RetryButton';
import { useWindowKeyDown } from './useWindowKeyDown';

type Shown = Pick<DevicePrintJob, 'state' | 'reason' | 'prompt'>;

/** Omitir while the slip station waits: any F-key but F11 is free on a posted screen (the menu keys act at home). */
export const SKIP_KEY = 'F7';

const says = (job: Shown): string => {
  if (job.state === 'queued') return 'Validación del comprobante: espere a que termine el recibo…';
  if (job.state === 'printing') return `Validación del comprobante: ${job.prompt ?? 'preparando la estación de validación…'}`;
  if (job.state === 'printed') return 'Comprobante del cliente validado: entrégueselo con el recibo.';
  return `Validación del comprobante: no se validó. ${job.reason?.message ?? ''}`.trim();
};

/**
 * The validation imprint on the customer's own slip, followed stage by stage: the teller handles the paper, so
 * each stage says what to do ("Inserte…", "Retire…"). Like PrintStatus, the job is reread on each `status.changed`.
 * Leaving the screen while the station still waits omits it (the job stays failed in F9 with Reintentar): a slip
 * station left waiting would hold every next receipt back.
 */
export const ValidationStatus = ({ teller, job }: { teller: TellerApi; job: PrintJobRef | null | undefined }) => {
  const jobId = job?.jobId ?? null;
  const [shown, setShown] = useState<Shown | null>(job?.state ? { state: job.state as Shown['state'], reason: null } : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  running.current = shown?.state === 'queued' || shown?.state === 'printing';

  const reread = useCallback(async () => {
    if (!jobId) return;
    const r = await teller.devices.job({ jobId });
    if (r.ok) setShown(r.data.job);
  }, [teller, jobId]);

  const mounted = useRef(false);
  useEffect(() => {
    if (!jobId) return undefined;
    mounted.current = true;
    void reread();
    const off = teller.on('status.changed', () => void reread());
    return () => {
      off();
      mounted.current = false;
      // Looked at once the commit settled: React's development remount (StrictMode) runs this cleanup and mounts
      // again at once, and that must not omit a validation the teller is still doing.
      setTimeout(() => {
        if (!mounted.current && running.current) void teller.devices.skipValidation({ jobId });
      }, 0);
    };
  }, [teller, jobId, reread]);

  const act = async (call: () => ReturnType<TellerApi['devices']['retryJob']>) => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) setShown(r.data.job);
    else setError(r.error.message);
  };
  const skip = () => (jobId ? act(() => teller.devices.skipValidation({ jobId })) : undefined);
  const retry = () => (jobId ? act(() => teller.devices.retryJob({ jobId })) : undefined);

  useWindowKeyDown((e) => {
    if (e.key !== SKIP_KEY || !running.current || busy || document.querySelector('dialog[open]')) return;
    e.preventDefault();
    void skip();
  });

  // A failure takes the focus to Reintentar, as a failed receipt does: the Enter pressed next retries, it does not
  // start the next operation with the customer's slip left unvalidated.
  const failed = shown?.state === 'failed';
  const retryButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (failed && !busy) retryButton.current?.focus();
  }, [failed, busy]);

  if (!job || !shown) return null;
  return (
    <div
      className={failed ? 'print-status print-failed' : 'print-status muted'}
      data-testid="validation-status"
      data-state={shown.state}
      role={failed ? 'alert' : 'status'}
    >
      <p>{says(shown)}</p>
      {running.current ? (
        <button type="button" disabled={busy} onClick={() => void skip()}>
          Omitir validación <kbd>{SKIP_KEY}</kbd>
        </button>
      ) : null}
      {failed ? (
        <RetryButton ref={retryButton} busy={busy} onRetry={() => void retry()}>
          Reintentar validación
        </RetryButton>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
};
