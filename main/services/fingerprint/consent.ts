import type { PersonId } from '../../../domain/accounts/person';
import type { BiometricConsentRepo, ConsentPurpose } from '../../store/fingerprint/consents';
import type { Journal } from '../journal/writer';

/**
 * The customer's answer to the Ley 1581 authorization the teller read before a finger is taken, for F7 and for a
 * withdrawal alike: a given one is stored (who read it, whose document, the text's version, when, for which
 * operation), a refused one too (its own table), and both answers are journaled as "Validación biométrica". Call inside the transaction of the step.
 */
export const recordBiometricConsent = (
  deps: { consents: BiometricConsentRepo; journal: Pick<Journal, 'record'> },
  tellerId: string,
  a: { purpose: ConsentPurpose; ref: string; person: PersonId | null; textVersion: string; at: string; given: boolean },
): void => {
  // A person's first authorization for an operation stands; a second capture of the same person adds nothing.
  const stored = a.given && a.person !== null ? deps.consents.record({ purpose: a.purpose, ref: a.ref, person: a.person, textVersion: a.textVersion, tellerId, at: a.at }) : false;
  if (a.given && a.person !== null && !stored) return;
  // A refusal is kept too: the withdrawal it belongs to shows it in its own journal entry (F5), linked by its comprobante.
  if (!a.given && a.person !== null) deps.consents.refuse({ purpose: a.purpose, ref: a.ref, person: a.person, textVersion: a.textVersion, tellerId, at: a.at });
  deps.journal.record('biometric_check', tellerId, {
    // F7 names its flow; a withdrawal its comprobante (the screen's id, which its posting's entry carries too).
    ...(a.purpose === 'withdrawal' ? { purpose: 'withdrawal', withdrawalComprobante: a.ref } : { flowId: a.ref }),
    phase: 'consent',
    consent: a.given ? 'given' : 'refused',
    textVersion: a.textVersion,
    ...(a.person ? { documentType: a.person.type, documentNumber: a.person.number } : {}),
  });
};
