import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { DocumentSchema, maskDocument } from '../../../domain/identity/document';

interface Consent {
  person: string;
  textVersion: string;
  at: string;
  teller: string;
}

const isConsent = (c: unknown): c is Consent => {
  const o = c as Partial<Record<keyof Consent, unknown>> | null;
  return typeof o === 'object' && o !== null && [o.person, o.textVersion, o.at, o.teller].every((v) => typeof v === 'string');
};

/** `CC:900000002` as the receipt masks it; a key the journal wrote otherwise is shown as it is. */
const masked = (key: string) => {
  const i = key.indexOf(':');
  const doc = DocumentSchema.safeParse({ type: key.slice(0, i), number: key.slice(i + 1) });
  return doc.success ? maskDocument(doc.data) : key;
};

/**
 * A withdrawal's Ley 1581 authorizations and refusals, as its journal entry keeps them (who gave it, the text's version, when and
 * who read it): the proof that each finger was taken with the customer's consent, found from the comprobante.
 */
export const BiometricConsents = ({ payload, actor, actorName }: { payload: Record<string, unknown>; actor: string; actorName: string }) => {
  const consents = Array.isArray(payload.biometricConsents) ? payload.biometricConsents.filter(isConsent) : [];
  // The customer's "no autorizo" behind a supervisor's CONSENT_REFUSED exception: shown here, in the withdrawal it
  // belongs to, as a given authorization is (its own entry stays in the journal too).
  const refusals = Array.isArray(payload.biometricRefusals) ? payload.biometricRefusals.filter(isConsent) : [];
  const reader = (teller: string) => (teller === actor ? actorName : teller);
  return (
    <>
      {consents.length > 0 ? <dt>Autorización de datos biométricos (Ley 1581)</dt> : null}
      {consents.map((c) => (
        <dd key={c.person} data-testid="journal-biometric-consent">
          {masked(c.person)} · texto {c.textVersion} · {formatReceiptDateTime(c.at)} · leída por {reader(c.teller)}
        </dd>
      ))}
      {refusals.length > 0 ? <dt>Consentimiento biométrico</dt> : null}
      {refusals.map((c) => (
        <dd key={c.person} data-testid="journal-biometric-refusal">
          no autorizado por el cliente {masked(c.person)} (versión {c.textVersion}, hora {formatReceiptDateTime(c.at)}) · leída por {reader(c.teller)}
        </dd>
      ))}
    </>
  );
};
