import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { Discovery, EmulatorCommand } from '../../../domain/contract/devices';
import type { Res } from '../../../domain/contract';
import type { User } from '../../../domain/contract/session';
import { ErrorBanner } from '../../components/ErrorBanner';
import { focusIsNowhere } from '../../components/focus-trap';
import { printerReadyAmong } from '../../components/PrintStatus';
import { ConfigForm } from './ConfigForm';
import { DeviceTable } from './DeviceTable';
import { DiscoveryPanel } from './DiscoveryPanel';
import { EmulatorPanel } from './EmulatorPanel';
import { jobName, printerAmong, retrySays, testPrintSays } from './failed-job';
import { JobsTable } from './JobsTable';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';

type Listing = Res<'devices.list'>;

/**
 * Dispositivos (F9): state of each device with what to do, recent print jobs with Reintentar / Reimprimir,
 * test print (F5) and test capture (F6), discovery (F7), emulator controls and, for supervisors, settings.
 * Refreshes on every `status.changed` push (device states and print jobs both trigger one).
 */
export const DevicesScreen = ({ teller, user, onCancel }: { teller: TellerApi; user: User; onCancel: () => void }) => {
  const [list, setList] = useState<Listing | null>(null);
  const [found, setFound] = useState<Discovery | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The test page sent last: the status line follows it until it printed or failed.
  const [testJob, setTestJob] = useState<string | null>(null);
  // The failed row sent again: the status line and the focus follow it until it printed or failed again. `attempts`
  // as the row showed it, so a listing older than the retry is not taken for its outcome; `returnTo` is where the
  // teller was before coming to Reintentar.
  const [retried, setRetried] = useState<{ jobId: string; name: string; attempts: number; returnTo: HTMLElement | null } | null>(null);
  const lastFocus = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const testButtonRef = useRef<HTMLButtonElement>(null);
  // The copy Reimprimir sent last: its row's state ("En cola", "Impreso") takes the focus once the list shows it,
  // instead of <body> (the button was disabled while the copy was requested), where F-keys and Tab start over.
  const [copied, setCopied] = useState<string | null>(null);
  const copyRef = useRef<HTMLTableCellElement>(null);
  const copyFocused = useRef<string | null>(null);
  const copyListed = copied !== null && (list?.jobs.some((j) => j.jobId === copied) ?? false);
  useEffect(() => {
    if (!copied || !copyListed || busy || copyFocused.current === copied) return;
    copyFocused.current = copied;
    if (focusIsNowhere()) copyRef.current?.focus();
  }, [copied, copyListed, busy]);

  const refresh = useCallback(async () => {
    const r = await teller.devices.list({});
    if (r.ok) setList(r.data);
    else setError(r.error.message);
  }, [teller]);

  useEffect(() => {
    void refresh();
    headingRef.current?.focus();
    return teller.on('status.changed', () => void refresh());
  }, [teller, refresh]);

  /** Runs one action; errors come from the core in Spanish and are shown as they are. */
  const act = async <T,>(fn: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done?: (d: T) => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    setTestJob(null);
    setRetried(null);
    setCopied(null);
    const r = await fn();
    setBusy(false);
    if (r.ok) done?.(r.data);
    else setError(r.error.message);
    await refresh();
  };

  const testPrint = () => void act(() => teller.devices.testPrint({}), (d) => setTestJob(d.job.jobId));
  const retry = (jobId: string) => {
    const row = list?.jobs.find((j) => j.jobId === jobId);
    if (!row) return;
    const returnTo = lastFocus.current;
    void act(
      () => teller.devices.retryJob({ jobId }),
      () => setRetried({ jobId, name: jobName(row), attempts: row.attempts, returnTo }),
    );
  };
  // Where the teller was before coming to a Reintentar (by Tab, by click, or taken when the printer came back). Not the
  // focus event's relatedTarget: a button disabled while its action runs has already dropped the focus to <body>.
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    if (e.target instanceof HTMLElement && e.target.dataset.retry === undefined) lastFocus.current = e.target;
  };
  const testCapture = () =>
    void act(
      () => teller.devices.testCapture({ finger: 'right-index' }),
      (d) => setNotice(`Huella capturada (formato ${d.format}${d.quality !== null ? `, calidad ${d.quality}` : ''}). La plantilla no se guarda.`),
    );
  const discover = () => void act(() => teller.devices.discover({}), setFound);

  useWindowKeyDown((e) => {
    if (document.querySelector('dialog[open]')) return;
    const handlers: Record<string, () => void> = { F5: testPrint, F6: testCapture, F7: discover };
    const h = handlers[e.key];
    if (h) {
      e.preventDefault();
      h();
    }
  });

  // The printer coming back is what a failed print waited for: its Reintentar takes the focus, once the buttons are
  // enabled again (the action that brought it back may still be running), unless the teller is typing in a field.
  const ready = list ? printerReadyAmong(list.devices) : null;
  const wasReady = useRef<boolean | null>(null);
  const focusRetry = useRef(false);
  useEffect(() => {
    if (ready === null) return;
    if (wasReady.current === false && ready) focusRetry.current = true;
    wasReady.current = ready;
    if (!ready) focusRetry.current = false;
    if (!focusRetry.current || busy) return;
    focusRetry.current = false;
    const at = document.activeElement;
    if (!(at instanceof HTMLInputElement || at instanceof HTMLSelectElement || at instanceof HTMLTextAreaElement)) retryRef.current?.focus();
  }, [ready, busy]);

  // Sending the test page disables every button and drops the focus to <body>, where no key reaches. Once it is out
  // the focus goes back to the button; once it failed, to its Reintentar, which the status line says to press.
  const tested = testJob ? list?.jobs.find((j) => j.jobId === testJob) : undefined;
  const testEnded = tested?.state === 'printed' || tested?.state === 'failed' ? tested.state : null;
  const focusedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!testJob || !testEnded || busy || focusedFor.current === testJob) return;
    focusedFor.current = testJob;
    const at = document.activeElement;
    if (testEnded === 'printed' && focusIsNowhere()) testButtonRef.current?.focus();
    if (testEnded === 'failed' && !(at instanceof HTMLInputElement || at instanceof HTMLSelectElement || at instanceof HTMLTextAreaElement)) retryRef.current?.focus();
  }, [testJob, testEnded, busy]);

  // Sent again, its Reintentar went away and the focus with it. Once printed the focus goes back where the teller
  // was (the heading when that is gone or disabled); once failed again, to that row's Reintentar, beside its new
  // reason. Not on acceptance: the paper is not out yet then, and it may still fail.
  const followed = retried ? list?.jobs.find((j) => j.jobId === retried.jobId) : undefined;
  const sentAgain = followed && retried && (followed.attempts > retried.attempts || followed.state === 'queued' || followed.state === 'printing') ? followed : undefined;
  const retryEnded = sentAgain?.state === 'printed' || sentAgain?.state === 'failed' ? sentAgain.state : null;
  const endedFor = useRef<object | null>(null);
  useEffect(() => {
    if (!retried || !retryEnded || busy || endedFor.current === retried) return;
    endedFor.current = retried;
    const at = document.activeElement;
    if (retryEnded === 'printed' && focusIsNowhere()) {
      const back = retried.returnTo;
      const usable = back?.isConnected && !(back instanceof HTMLButtonElement && back.disabled);
      (usable ? back : headingRef.current)?.focus();
    }
    if (retryEnded === 'failed' && !(at instanceof HTMLInputElement || at instanceof HTMLSelectElement || at instanceof HTMLTextAreaElement)) retryRef.current?.focus();
  }, [retried, retryEnded, busy]);

  const printer = list ? printerAmong(list.devices) : undefined;
  const status = testJob ? testPrintSays(tested, printer) : retried ? retrySays(retried.name, sentAgain, printer) : notice;

  const emulated = (id: string) => list?.devices.find((d) => d.id === id)?.emulated ?? false;

  return (
    <main className="screen" aria-labelledby="devices-title" onFocus={onFocus}>
      <h1 id="devices-title" tabIndex={-1} ref={headingRef}>
        Dispositivos
      </h1>
      {!list ? (
        <p>Cargando dispositivos…</p>
      ) : (
        <>
          <DeviceTable devices={list.devices} />
          <div className="actions start">
            <button ref={testButtonRef} type="button" className="primary" disabled={busy} onClick={testPrint}>
              Prueba de impresión <kbd>F5</kbd>
            </button>
            <button type="button" disabled={busy} onClick={testCapture}>
              Prueba de huella <kbd>F6</kbd>
            </button>
            <button type="button" disabled={busy} onClick={discover}>
              Buscar dispositivos <kbd>F7</kbd>
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              Volver <kbd>Esc</kbd>
            </button>
          </div>
          <ErrorBanner message={error} />
          {/* Always there, so that a screen reader announces each result as it changes in. */}
          <p className="notice" role="status">
            {status}
          </p>

          <section aria-labelledby="jobs-title" className="panel">
            <h2 id="jobs-title">Impresiones</h2>
            <JobsTable
              jobs={list.jobs}
              busy={busy}
              printer={printer}
              retryRef={retryRef}
              retryRefJob={retried?.jobId ?? null}
              onRetry={retry}
              onReprint={(jobId) => void act(() => teller.devices.reprint({ target: jobId }), (d) => setCopied(d.job.jobId))}
              copyRef={copyRef}
              copyJob={copied}
            />
          </section>

          {list.lastPaper ? (
            <section aria-labelledby="paper-title" className="panel">
              <h2 id="paper-title">Último papel impreso (emulador)</h2>
              <pre className="paper" data-testid="last-paper">
                {list.lastPaper.lines.join('\n')}
              </pre>
            </section>
          ) : null}

          <EmulatorPanel
            printer={emulated('printer')}
            fingerprint={emulated('fingerprint')}
            busy={busy}
            run={(cmd: EmulatorCommand) => void act(() => teller.devices.emulator(cmd))}
          />

          <section aria-labelledby="discovery-title" className="panel">
            <h2 id="discovery-title">Puertos de este equipo</h2>
            <DiscoveryPanel found={found} {...(user.role === 'supervisor' ? { onPick: setPicked } : {})} />
          </section>

          {user.role === 'supervisor' ? (
            <section aria-labelledby="config-title" className="panel">
              <h2 id="config-title">Configuración</h2>
              <p className="hint">Al guardar, Caja reconecta los dispositivos con la nueva configuración sin reiniciarse.</p>
              <ConfigForm
                settings={list.settings}
                busy={busy}
                pickedPath={picked}
                onSave={(req) => void act(() => teller.devices.configure(req), () => setNotice('Configuración guardada; dispositivos reconectados.'))}
              />
            </section>
          ) : (
            <p className="muted">La configuración de los dispositivos la cambia un supervisor.</p>
          )}
        </>
      )}
    </main>
  );
};
