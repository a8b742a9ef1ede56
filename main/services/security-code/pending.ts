import type { ContactField } from '../../../domain/identity/contact';
import type { SecurityCodeEvent } from '../../../domain/security-code';
import type * as central from './central-steps';

/**
 * Central requests a step needs, persisted with their idempotency keys before the first one is sent, so a lost
 * answer, central being down or a restart resends exactly the same requests instead of doing anything twice.
 */
export interface Pending {
  /** `stated`: the phone step's event finishes the flow; `match`: a fingerprint match does. */
  via: 'stated' | 'match';
  /** For `stated`: the event to apply once central confirmed. */
  event: SecurityCodeEvent | null;
  matchTransactionId: string | null;
  /** The canonical number the customer stated: where the code goes (send-now checks it against central's). */
  statedPhone: string;
  contact: {
    key: string;
    occurredAt: string;
    /** The datum updated and its new canonical value; absent in plans persisted before e-mail and address (cellphone). */
    field?: ContactField;
    value?: string;
    payload: central.ContactPayload;
    basis: 'previous_number_confirmed' | 'biometric_match';
    previous: string | null;
    reference: string | null;
  } | null;
  /** `replaces`: the customer's open radicado this request supersedes at central (the teller decided so). */
  request: { key: string; mode: 'send_now' | 'radicate'; replaces?: string } | null;
  /** Whether any request of this plan was confirmed by central. */
  anyConfirmed: boolean;
  /** Times the plan was sent (absent in plans persisted before resume: counted from then on). */
  attempts?: number;
  /**
   * Whether a request of this plan may have reached central: set before each send, cleared only when every
   * attempt so far ended in a refused connection. Absent (older plans, which only a lost answer left pending) = true.
   */
  maybeAtCentral?: boolean;
}

export const parsePending = (json: string | null): Pending | null => (json === null ? null : (JSON.parse(json) as Pending));

/** A pending plan may be dropped only when central cannot have applied any part of it. */
export const pendingDroppable = (p: Pending): boolean => !p.anyConfirmed && p.maybeAtCentral === false;
