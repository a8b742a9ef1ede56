import { biometricConsent, type ConsentPurpose } from '../../../domain/contract/biometric-consent';

/**
 * The Ley 1581 de 2012 authorization the teller reads to the customer before a fingerprint is captured, with the
 * purpose of this use (security code, contact update, withdrawal) and its version, which the core records.
 */
export const BiometricConsent = ({ id, className, instruction, purpose }: { id: string; className?: string; instruction: string; purpose: ConsentPurpose }) => {
  const { paragraphs, version } = biometricConsent(purpose);
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>Autorización de datos biométricos</h2>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p className="muted">
        {instruction} Versión {version}.
      </p>
    </section>
  );
};
