import { useEffect, useRef, useState } from 'react';
import type { PersonId } from '../../../domain/accounts/person';
import type { TellerApi } from '../../../domain/contract/client';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import type { WithdrawalConsentRefusedResult, WithdrawalFingerprintResult } from '../../../domain/contract/withdrawal';
import { maskDocument } from '../../../domain/identity/document';
import type { z } from 'zod';
import type { FingerprintEvidenceSchema } from '../../../domain/withdrawal/request';
import { BiometricConsent } from '../../components/fingerprint/BiometricConsent';
import { ReaderStatus, readerUsable, useFingerprintReader } from '../../components/fingerprint/ReaderStatus';
import { trapTab, useRestoreFocus } from '../../components/focus-trap';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';

export type FingerprintEvidence = z.infer<typeof FingerprintEvidenceSchema>;

/** What the step says after a capture, in the teller's words: the headline first, the core's details under it. */
const headline = (r: WithdrawalFingerprintResult): string => {
  switch (r.outcome) {
    case 'verified':
      return `Identidad verificada con huella — ref ${r.reference}`;
    case 'no_match':
      return `La huella no coincide (${r.remaining === 1 ? 'queda 1 intento' : `quedan ${r.remaining} intentos`})`;
    case 'refused':
      return 'Tres intentos fallidos: no se puede pagar este retiro';
    case 'retry':
      return 'Imagen no válida: coloque el dedo de nuevo';
    case 'reader_unavailable':
      return r.exceptionAllowed ? 'Lector no disponible: puede pedir autorización al supervisor (Sin validación biométrica)' : 'Lector no disponible';
    case 'registry_unavailable':
      return r.exceptionAllowed ? 'Registraduría no disponible: puede pedir autorización al supervisor (Sin validación biométrica)' : 'Registraduría no disponible';
    case 'rejected':
      return 'La central no aceptó la validación de huella';
  }
};

interface Props {
  teller: TellerApi;
  comprobanteId: string;
  /** Who still needs a match, in order, with the name the account knows them by. */
  people: readonly { id: PersonId; name: string }[];
  onEvidence: (e: FingerprintEvidence) => void;
  onCancel: () => void;
}

/**
 * Seed 003 cl. 4 c, domain-co §7: the fingerprint of each person who takes the money, one at a time, keyboard
 * first. Enter captures (after reading the Ley 1581 authorization), F7 records that the customer does not authorize
 * (the text says no service is conditioned on it: Decreto 1377 de 2013 art. 6), F6 asks the supervisor's exception
 * when the reader or the registry did not answer or the customer said no (only then), Esc goes back to the
 * withdrawal. The core matches, records and later checks every answer: this step only carries them.
 */
export const FingerprintStep = ({ teller, comprobanteId, people, onEvidence, onCancel }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const captureRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const exceptionRef = useRef<HTMLButtonElement>(null);
  const reader = useFingerprintReader(teller);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<WithdrawalFingerprintResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After "Lector no disponible", the reader's status went down and came back: that failure is over, and so is the
  // exception it allowed (the core refuses it too once the person matches). Until the next capture fails again.
  const [readerBack, setReaderBack] = useState(false);
  const readerWentDown = useRef(false);
  useEffect(() => {
    if (last?.outcome !== 'reader_unavailable') return;
    if (!readerUsable(reader)) readerWentDown.current = true;
    else if (readerWentDown.current) setReaderBack(true);
  }, [reader, last]);
  useRestoreFocus();
  // The customer's "no", as the core recorded it: for this person in this withdrawal no capture is offered after it
  // (the core refuses one too, QA s37 Q1). A change of mind is a new withdrawal, where the text is read again.
  const [declined, setDeclined] = useState<WithdrawalConsentRefusedResult | null>(null);
  // F6 asks the exception wherever the focus is in the step (it is offered only after a reader or registry failure,
  // or the customer's refusal); F7 records the refusal.
  const f6 = useRef<() => void>(() => undefined);
  const f7 = useRef<() => void>(() => undefined);
  useWindowKeyDown((e) => {
    if (e.key === 'F6' || e.key === 'F7') {
      e.preventDefault();
      (e.key === 'F6' ? f6 : f7).current();
    }
  });
  // Capturar goes away with the "no": the focus goes to what is left once it is drawn, so the teller's next Enter asks
  // the supervisor (or, with no exception after a "no coincide", goes back), never into a capture.
  useEffect(() => {
    if (declined) (declined.exceptionAllowed ? exceptionRef.current : backRef.current)?.focus();
  }, [declined]);
  const person = people[0];
  const key = person ? `${person.id.type}:${person.id.number}` : '';
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  // Each person starts with a clean step: what the previous one's capture said is not about them.
  useEffect(() => {
    setLast(null);
    setDeclined(null);
    setError(null);
    setReaderBack(false);
    readerWentDown.current = false;
    captureRef.current?.focus();
  }, [key]);
  if (!person) return null;

  const refused = last?.outcome === 'refused';
  const deviceException = (last?.outcome === 'reader_unavailable' || last?.outcome === 'registry_unavailable') && last.exceptionAllowed && !readerBack;
  const exceptionAllowed = declined ? declined.exceptionAllowed : deviceException;
  const capture = async () => {
    if (busy || refused || declined) return;
    setBusy(true);
    setError(null);
    setReaderBack(false);
    readerWentDown.current = false;
    const r = await teller.withdrawal.fingerprint({ comprobanteId, person: person.id, finger: 'right-index', consentVersion: biometricConsent('withdrawal').version });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setLast(r.data);
    if (r.data.outcome === 'verified') onEvidence({ kind: 'match', person: person.id, reference: r.data.reference });
    // Refused, only going back is left (the capture button goes away); otherwise the focus stays on Capturar.
    else if (r.data.outcome === 'refused') window.setTimeout(() => backRef.current?.focus(), 0);
  };
  const decline = async () => {
    if (busy || refused || declined) return;
    setBusy(true);
    setError(null);
    const r = await teller.withdrawal.consentRefused({ comprobanteId, person: person.id, consentVersion: biometricConsent('withdrawal').version });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setDeclined(r.data);
  };
  const askException = () => {
    if (busy || !exceptionAllowed) return;
    if (declined) return onEvidence({ kind: 'exception', person: person.id, reason: 'CONSENT_REFUSED' });
    if (!last) return;
    onEvidence({ kind: 'exception', person: person.id, reason: last.outcome === 'reader_unavailable' ? 'READER_UNAVAILABLE' : 'REGISTRY_UNAVAILABLE' });
  };
  f6.current = askException;
  f7.current = () => void decline();
  const failure = !declined && last && last.outcome !== 'verified' && !readerBack;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="fp-title"
      data-testid="withdrawal-fingerprint"
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="fp-title">
        Validación de huella: {person.name} ({maskDocument(person.id)})
      </h2>
      <div className="dialog-body">
        <BiometricConsent
          id="fp-consent-title"
          purpose="withdrawal"
          instruction="Lea el texto al cliente. Si no autoriza, regístrelo (F7) y el retiro sigue con la visación del supervisor."
        />
        {declined ? null : <p data-testid="fp-instruction">Coloque el dedo índice derecho de {person.name} en el lector y presione Enter.</p>}
        <ReaderStatus reader={reader} />
        {failure ? (
          <div className="error-banner" role="alert" data-testid="fp-result">
            <p>
              <strong>{headline(last)}</strong>
            </p>
            <p>{last.message}</p>
          </div>
        ) : null}
        {declined ? (
          <div className={declined.exceptionAllowed ? 'notice' : 'error-banner'} role="alert" data-testid="fp-result">
            <p>
              <strong>
                {declined.exceptionAllowed
                  ? 'El cliente no autoriza: pida autorización al supervisor (Sin validación biométrica) con el documento original'
                  : 'El cliente no autoriza, y su huella ya no coincidió hoy: no hay excepción'}
              </strong>
            </p>
            <p>{declined.message}</p>
          </div>
        ) : null}
        {readerBack ? (
          <p className="notice" role="status" data-testid="fp-result">
            El lector volvió: capture la huella.
          </p>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="button" className="secondary" ref={backRef} onClick={() => !busy && onCancel()} aria-disabled={busy}>
          Volver al retiro <kbd>Esc</kbd>
        </button>
        {refused || declined ? null : (
          <button type="button" className="secondary" onClick={() => void decline()} aria-disabled={busy}>
            El cliente no autoriza <kbd>F7</kbd>
          </button>
        )}
        {exceptionAllowed ? (
          <button type="button" className="secondary" ref={exceptionRef} onClick={askException} aria-disabled={busy}>
            Pedir autorización al supervisor (Sin validación biométrica) <kbd>F6</kbd>
          </button>
        ) : null}
        {/* Never disabled while capturing: a disabled button drops the focus, and the teller's next Enter or F6 with it. */}
        {refused || declined ? null : (
          <button type="button" className="primary" ref={captureRef} onClick={() => void capture()} aria-disabled={busy} autoFocus>
            {busy ? 'Capturando… pida al cliente que apoye el dedo' : 'Capturar huella'} <kbd>Enter</kbd>
          </button>
        )}
      </div>
    </dialog>
  );
};
