import { useCallback, useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { FlowPurpose, FlowView, OpenFlowRow } from '../../../domain/contract/security-code';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import type { Finger } from '../../../domain/devices/demo-citizens';
import type { ContactField } from '../../../domain/identity/contact';
import { plural } from '../../../domain/language/plural';
import { DocumentInput, type DocumentValue } from '../../components/DocumentInput';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CancelReasonDialog } from './CancelReasonForm';
import { Constancia } from './Constancia';
import { ExistingRequests } from './ExistingRequests';
import { OpenFlowsPanel } from './OpenFlowsPanel';
import { BiometricConsent } from '../../components/fingerprint/BiometricConsent';
import { ReaderStatus, readerUsable, useFingerprintReader } from '../../components/fingerprint/ReaderStatus';
import './security-code.css';
import { PrintStatus } from '../../components/PrintStatus';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';

type Answer = { ok: true; data: { flow: FlowView } } | { ok: false; error: { code: string; message: string } };

const STEPS: { id: FlowView['step'][]; label: string }[] = [
  { id: ['identifying'], label: 'Identificación' },
  { id: ['awaiting_stated_phone', 'awaiting_previous_phone'], label: 'Celular' },
  { id: ['awaiting_consent'], label: 'Autorización' },
  { id: ['awaiting_capture'], label: 'Huella' },
  { id: ['send_now', 'radicated', 'stopped', 'refused', 'cancelled'], label: 'Resultado' },
];

const FINGERS: { value: Finger; label: string }[] = [
  { value: 'right-index', label: 'Índice derecho' },
  { value: 'left-index', label: 'Índice izquierdo' },
  { value: 'right-thumb', label: 'Pulgar derecho' },
  { value: 'left-thumb', label: 'Pulgar izquierdo' },
  { value: 'right-middle', label: 'Medio derecho' },
  { value: 'left-middle', label: 'Medio izquierdo' },
];

/** The "Trámite" selector: the security code, or a contact-data update of one datum (same verification). */
type Tramite = 'security_code' | `contact_update:${ContactField}`;
const TRAMITES: { value: Tramite; label: string }[] = [
  { value: 'security_code', label: 'Generación de código de seguridad' },
  { value: 'contact_update:cellphone', label: 'Actualización del celular registrado' },
  { value: 'contact_update:email', label: 'Actualización del correo electrónico' },
  { value: 'contact_update:address', label: 'Actualización de la dirección' },
];
const purposeOf = (t: Tramite): FlowPurpose => (t === 'security_code' ? 'security_code' : 'contact_update');
const fieldOf = (t: Tramite): ContactField => (t === 'security_code' ? 'cellphone' : (t.slice('contact_update:'.length) as ContactField));
const tramiteOf = (f: FlowView): Tramite => (f.purpose === 'security_code' ? 'security_code' : `contact_update:${f.field}`);

const TITLES: Record<FlowPurpose, string> = {
  security_code: 'Generación de código de seguridad',
  contact_update: 'Actualización de datos de contacto',
};

/** Labels and input hints of the verified datum. */
const FIELD_UI: Record<ContactField, { stated: string; previous: string; registered: string; none: string; inputMode: 'tel' | 'email' | 'text'; max: number }> = {
  cellphone: { stated: 'Celular nuevo que indica el cliente', previous: 'Celular anterior que el cliente dio al banco', registered: 'Celular registrado', none: 'Sin celular registrado', inputMode: 'tel', max: 16 },
  email: { stated: 'Correo electrónico nuevo que indica el cliente', previous: 'Correo anterior que el cliente dio al banco', registered: 'Correo registrado', none: 'Sin correo registrado', inputMode: 'email', max: 160 },
  address: { stated: 'Dirección nueva que indica el cliente', previous: 'Dirección anterior que el cliente dio al banco', registered: 'Dirección registrada', none: 'Sin dirección registrada', inputMode: 'text', max: 120 },
};

/**
 * Seed 000 at the counter, keyboard only: each step is a form (Enter submits), F6 is the "no" answer of the step
 * (does not remember the previous number, does not authorize), F7 lists the open requests of the day to resume,
 * retry or cancel one, Esc goes back to the start screen (the flow stays open). The core decides every
 * transition; this screen only shows the flow it gets back.
 */
export const SecurityCodeScreen = ({ teller, onCancel }: { teller: TellerApi; onCancel: () => void }) => {
  const [tramite, setTramite] = useState<Tramite>('security_code');
  const purpose = purposeOf(tramite);
  const [flow, setFlow] = useState<FlowView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Whether the error on screen is the reader's (FINGERPRINT_READER): it goes once the reader is back.
  const [readerError, setReaderError] = useState(false);
  const [doc, setDoc] = useState<DocumentValue>({ type: 'CC', number: '' });
  const [phone, setPhone] = useState('');
  const [previous, setPrevious] = useState('');
  const [finger, setFinger] = useState<Finger>('right-index');
  const [scanNote, setScanNote] = useState<string | null>(null);
  // Bumped after every answer: forms whose button was disabled while busy remount and take the focus back.
  const [round, setRound] = useState(0);
  // The flow whose constancia's original came out of the printer: only then is "Imprimir de nuevo" (a copy) offered.
  const [originalOut, setOriginalOut] = useState<string | null>(null);
  const started = useRef(false);
  const [showOpen, setShowOpen] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  /** The teller's own open requests other than the one on screen (the hint under the title). */
  const [openCount, setOpenCount] = useState(0);
  const flowIdRef = useRef('');
  flowIdRef.current = flow?.id ?? '';

  const run = useCallback(
    async (call: () => Promise<Answer>) => {
      setBusy(true);
      setError(null);
      setReaderError(false);
      const r = await call();
      setBusy(false);
      setRound((n) => n + 1);
      if (r.ok) {
        setFlow(r.data.flow);
        return;
      }
      setError(r.error.message);
      setReaderError(r.error.code === 'FINGERPRINT_READER');
      // Central did not confirm: the flow is now pending; show it as the core has it (Reintentar / Cancelar).
      const id = flowIdRef.current;
      if (r.error.code === 'CENTRAL_PENDING' && id) {
        const g = await teller.securityCode.get({ flowId: id });
        if (g.ok) setFlow(g.data.flow);
      }
    },
    [teller],
  );
  const countOf = useCallback((flows: readonly OpenFlowRow[]) => setOpenCount(flows.filter((f) => f.mine && f.id !== flowIdRef.current).length), []);
  const countOpen = useCallback(async () => {
    const r = await teller.securityCode.openFlows({});
    if (r.ok) countOf(r.data.flows);
  }, [teller, countOf]);

  const resumed = useCallback((f: FlowView) => {
    setShowOpen(false);
    setTramite(tramiteOf(f));
    setPhone('');
    setPrevious('');
    setScanNote(null);
    setError(null);
    setRound((n) => n + 1);
    setFlow(f);
  }, []);

  const start = useCallback(
    (which: Tramite) => {
      setDoc({ type: 'CC', number: '' });
      setPhone('');
      setPrevious('');
      setScanNote(null);
      void run(() =>
        purposeOf(which) === 'contact_update' ? teller.identity.startContactUpdate({ field: fieldOf(which) }) : teller.securityCode.start({}),
      );
    },
    [run, teller],
  );

  /**
   * Looks the customer up in a flow of the chosen trámite. The selector only moves the choice (arrow keys must not
   * act); a flow of another kind, still untouched, is closed and one of the chosen kind started here, on Enter.
   */
  const identifyAs = useCallback(
    (document: DocumentValue, source: 'typed' | 'scanned') => {
      const current = flow;
      if (!current) return;
      void run(async () => {
        let id = current.id;
        if (tramiteOf(current) !== tramite) {
          const c = await teller.securityCode.cancel({ flowId: id, reason: 'Cambio de trámite antes de identificar al cliente' });
          if (!c.ok) return c;
          const s = purposeOf(tramite) === 'contact_update' ? await teller.identity.startContactUpdate({ field: fieldOf(tramite) }) : await teller.securityCode.start({});
          if (!s.ok) return s;
          id = s.data.flow.id;
          flowIdRef.current = id;
        }
        return teller.securityCode.identify({ flowId: id, document, source });
      });
    },
    [flow, tramite, run, teller],
  );

  /** After a dialog or the open-requests panel closes: the step's field takes the focus again (its form remounts). */
  const refocus = useCallback(() => setRound((n) => n + 1), []);
  const reader = useFingerprintReader(teller);
  const readerOk = readerUsable(reader);
  // The reader came back: its old "desconectado" goes, and the step (remounted) puts the focus on Capturar again,
  // which was disabled while the reader was away.
  const wasOk = useRef(readerOk);
  useEffect(() => {
    const back = readerOk && !wasOk.current;
    wasOk.current = readerOk;
    if (!readerOk || !(back || readerError)) return;
    if (readerError) {
      setError(null);
      setReaderError(false);
    }
    setRound((n) => n + 1);
  }, [readerOk, readerError]);
  const flowShown = flow?.id ?? null;
  const originalPrinted = useCallback(() => setOriginalOut(flowShown), [flowShown]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start('security_code');
  }, [start]);

  useEffect(() => {
    if (!showOpen && !cancelling) void countOpen();
  }, [showOpen, cancelling, flow?.id, flow?.finished, countOpen]);

  const flowId = flow?.id ?? '';
  const step = flow?.step;
  const ui = FIELD_UI[flow?.field ?? 'cellphone'];

  // A cédula read by the PDF417 scanner fills the document and looks it up at once.
  useEffect(() => {
    if (step !== 'identifying' || !flowId) return;
    const timer = setInterval(() => {
      void teller.identity.takeScan({}).then((r) => {
        if (!r.ok || !r.data.scan) return;
        const scan = r.data.scan;
        if (!scan.ok) {
          setError(scan.message);
          return;
        }
        setDoc({ type: scan.documentType, number: scan.documentNumber });
        setScanNote(`Cédula leída: ${scan.name}`);
        identifyAs({ type: scan.documentType, number: scan.documentNumber }, 'scanned');
      });
    }, 700);
    return () => clearInterval(timer);
  }, [step, flowId, teller, identifyAs]);

  const noAnswer = useCallback(() => {
    if (busy || !flowId) return;
    if (step === 'awaiting_previous_phone') void run(() => teller.securityCode.previousPhone({ flowId, phone: null }));
    if (step === 'awaiting_consent') {
      void run(() => teller.securityCode.consent({ flowId, given: false, textVersion: biometricConsent(purpose).version }));
    }
  }, [busy, flowId, step, run, teller]);

  useWindowKeyDown((e) => {
    if (e.key === 'F7' && !cancelling) {
      e.preventDefault();
      if (showOpen) refocus();
      setShowOpen(!showOpen);
      return;
    }
    if (showOpen || cancelling) return;
    if (e.key === 'F6') {
      e.preventDefault();
      noAnswer();
    }
  });

  const current = STEPS.findIndex((s) => step !== undefined && s.id.includes(step));

  return (
    <main className="screen" aria-labelledby="sc-title">
      <h1 id="sc-title">{TITLES[purpose]}</h1>
      {openCount > 0 ? (
        <p className="hint" data-testid="open-flows-hint">
          Tiene {plural(openCount, 'solicitud abierta', 'solicitudes abiertas')} de hoy: <kbd>F7</kbd> para{' '}
          {openCount === 1 ? 'verla y reanudarla' : 'verlas y reanudarlas'}.
        </p>
      ) : null}
      <ol className="sc-steps" aria-label="Pasos">
        {STEPS.map((s, i) => (
          <li key={s.label} aria-current={i === current ? 'step' : undefined}>
            {i === 1 && flow?.field === 'email' ? 'Correo' : i === 1 && flow?.field === 'address' ? 'Dirección' : s.label}
          </li>
        ))}
      </ol>
      {flow ? (
        <section className={`sc-message sc-tone-${flow.tone}`} role="status" aria-live="polite" data-testid="flow-message">
          {step === 'identifying' && tramiteOf(flow) !== tramite ? (
            // Another trámite chosen, not started yet (it starts on Enter): say what Enter will do.
            <>
              <h2>{TRAMITES.find((t) => t.value === tramite)?.label}</h2>
              <p>Digite el documento del cliente y pulse Enter para iniciar este trámite.</p>
            </>
          ) : (
            <>
              <h2>{flow.title}</h2>
              <p>{flow.message}</p>
            </>
          )}
        </section>
      ) : null}
      {flow?.customer ? (
        <dl className="sc-customer" data-testid="flow-customer">
          <dt>Cliente</dt>
          <dd>{flow.customer.name}</dd>
          <dt>Documento</dt>
          <dd>{flow.customer.document}</dd>
          <dt>{ui.registered}</dt>
          <dd>
            {flow.customer.maskedRegistered ?? ui.none}
            {flow.customer.registeredUpdated ? <span className="muted"> (actualizado)</span> : null}
          </dd>
        </dl>
      ) : null}
      <ErrorBanner message={error} />

      {flow && !flow.pendingCompletion && step === 'identifying' ? (
        <form
          key={round}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) identifyAs(doc, 'typed');
          }}
        >
          <div className="field">
            <label htmlFor="sc-purpose">Trámite</label>
            <select
              id="sc-purpose"
              value={tramite}
              onChange={(e) => setTramite(e.target.value as Tramite)}
            >
              {TRAMITES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <DocumentInput label="Documento del cliente" value={doc} onChange={setDoc} autoFocus />
          {scanNote ? <p className="muted">{scanNote}</p> : <p className="hint">Digite el documento o pase la cédula por el lector.</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Consultar <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : null}

      {flow && !flow.pendingCompletion && step === 'awaiting_stated_phone' && flow.existingUndecided ? (
        <ExistingRequests
          key={round}
          existing={flow.existing}
          busy={busy}
          onResume={(other) =>
            void run(async () => {
              const c = await teller.securityCode.cancel({ flowId, reason: 'Se reanuda la solicitud abierta del mismo cliente' });
              return c.ok ? teller.securityCode.resume({ flowId: other }) : c;
            })
          }
          onKeep={(radicado) => void run(() => teller.securityCode.cancel({ flowId, reason: `El cliente conserva el radicado ${radicado}` }))}
          onReplace={(reason) => void run(() => teller.securityCode.replaceExisting({ flowId, reason }))}
        />
      ) : null}

      {flow && !flow.pendingCompletion && step === 'awaiting_stated_phone' && !flow.existingUndecided ? (
        <form
          key={round}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void run(() => teller.securityCode.statePhone({ flowId, phone }));
          }}
        >
          <div className="field">
            <label htmlFor="sc-phone">{purpose === 'contact_update' ? ui.stated : 'Celular que indica el cliente'}</label>
            <input id="sc-phone" inputMode={ui.inputMode} autoComplete="off" autoFocus value={phone} maxLength={ui.max} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Procesando…' : 'Continuar'} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : null}

      {flow && !flow.pendingCompletion && step === 'awaiting_previous_phone' ? (
        <form
          key={round}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void run(() => teller.securityCode.previousPhone({ flowId, phone: previous }));
          }}
        >
          <div className="field">
            <label htmlFor="sc-previous">{ui.previous}</label>
            <input id="sc-previous" inputMode={ui.inputMode} autoComplete="off" autoFocus value={previous} maxLength={ui.max} onChange={(e) => setPrevious(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={noAnswer}>
              No lo recuerda <kbd>F6</kbd>
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Procesando…' : 'Verificar'} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : null}

      {flow && !flow.pendingCompletion && step === 'awaiting_consent' ? (
        <form
          key={round}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void run(() => teller.securityCode.consent({ flowId, given: true, textVersion: biometricConsent(purpose).version }));
          }}
        >
          <BiometricConsent id="sc-consent-title" className="sc-consent" purpose={purpose} instruction="Lea el texto al cliente y registre su respuesta." />
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={noAnswer}>
              No autoriza <kbd>F6</kbd>
            </button>
            <button type="submit" className="primary" disabled={busy} autoFocus>
              El cliente autoriza <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : null}

      {flow && !flow.pendingCompletion && step === 'awaiting_capture' ? (
        <form
          key={round}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && readerOk) void run(() => teller.securityCode.capture({ flowId, finger }));
          }}
        >
          <div className="field">
            <label htmlFor="sc-finger">Dedo</label>
            <select id="sc-finger" value={finger} onChange={(e) => setFinger(e.target.value as Finger)}>
              {FINGERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <p data-testid="capture-attempts">
            Intento {Math.min(flow.failedCaptures + 1, flow.maxCaptures)} de {flow.maxCaptures}
          </p>
          <ReaderStatus reader={reader} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !readerOk} autoFocus>
              {busy ? 'Capturando… pida al cliente que apoye el dedo' : 'Capturar huella'} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : null}

      {flow?.pendingCompletion ? (
        <form
          key={round}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void run(() => teller.securityCode.retry({ flowId }));
          }}
        >
          <p className="notice">Reintentar reenvía exactamente lo mismo: no se captura de nuevo ni se duplica nada.</p>
          <div className="actions">
            {flow.cancellable ? (
              <button type="button" className="secondary" disabled={busy} onClick={() => setCancelling(true)}>
                Cancelar solicitud
              </button>
            ) : null}
            <button type="submit" className="primary" disabled={busy} autoFocus>
              {busy ? 'Confirmando…' : 'Reintentar'} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      ) : null}

      {flow?.finished ? (
        <div key={round}>
          {flow.constancia ? <Constancia doc={flow.constancia} print={<PrintStatus teller={teller} job={flow.printJob} paper="la constancia" onPrinted={originalPrinted} />} /> : null}
          <div className="actions">
            {/* A copy only once the original is out: before that the paper owed is the original, and its action is
                the print status's "Reintentar impresión" (the core refuses a copy of an unprinted original). */}
            {flow.constancia && originalOut === flow.id ? (
              <button type="button" className="secondary" disabled={busy} onClick={() => void run(() => teller.securityCode.printConstancia({ flowId }))}>
                Imprimir de nuevo
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={onCancel}>
              Volver <kbd>Esc</kbd>
            </button>
            <button type="button" className="primary" onClick={() => start(tramite)} autoFocus>
              Nueva solicitud <kbd>Enter</kbd>
            </button>
          </div>
        </div>
      ) : flow && !flow.pendingCompletion ? (
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => setCancelling(true)}>
            Cancelar solicitud
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setShowOpen(true)}>
            Solicitudes abiertas <kbd>F7</kbd>
          </button>
        </div>
      ) : null}

      {showOpen ? (
        <OpenFlowsPanel
          teller={teller}
          onResumed={resumed}
          onCancelled={(f) => {
            if (f.id === flowId) setFlow(f);
          }}
          // A request cancelled in the panel leaves the line behind it at once, not when the panel closes.
          onListed={countOf}
          onClose={() => {
            setShowOpen(false);
            refocus();
          }}
        />
      ) : null}
      {cancelling && flow ? (
        <CancelReasonDialog
          what={flow.customer ? `${TITLES[flow.purpose]} de ${flow.customer.name}` : TITLES[flow.purpose]}
          busy={busy}
          onBack={() => {
            setCancelling(false);
            refocus();
          }}
          onConfirm={(reason) => {
            setCancelling(false);
            void run(() => teller.securityCode.cancel({ flowId, reason }));
          }}
        />
      ) : null}
    </main>
  );
};
