import { BIOMETRIC_CONSENT_TEXT, BIOMETRIC_CONSENT_VERSION } from '../../../domain/contract/security-code';

/**
 * The Ley 1581 de 2012 authorization the teller reads to the customer before a fingerprint is captured (security
 * code, contact update, withdrawal): one text, one version, whatever the flow.
 */
export const BiometricConsent = ({ id, className, instruction }: { id: string; className?: string; instruction: string }) => (
  <section className={className} aria-labelledby={id}>
    <h2 id={id}>Autorización de datos biométricos</h2>
    {BIOMETRIC_CONSENT_TEXT.map((p) => (
      <p key={p}>{p}</p>
    ))}
    <p className="muted">
      {instruction} Versión {BIOMETRIC_CONSENT_VERSION}.
    </p>
  </section>
);
