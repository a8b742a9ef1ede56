import type { Cellphone } from '../identity/cellphone';
import { canonicalContact, parseContactValue, type ContactValue } from '../identity/contact';
import type { IdentityDocument } from '../identity/document';
import { newRadication, type Radication } from './radication';

/**
 * "Generación de código de seguridad" at the branch (seed 000, punto de atención), as a pure state machine.
 *
 *   identifying ──customer_found──▶ awaiting_stated_phone ──phone_stated = registered──▶ send_now
 *        │ (no products / not found)        │ ≠ registered
 *        ▼                                   ▼
 *     refused                  awaiting_previous_phone ──previous = registered──▶ send_now (+ contact update)
 *                                            │ ≠ registered / unknown
 *                                            ▼
 *                      awaiting_consent (Ley 1581/2012) ──consent_refused──▶ refused
 *                                            │ consent_given
 *                                            ▼
 *                      awaiting_capture ──match──▶ radicated (cellphone updated, radicado, deadline 24 h)
 *                        │  ▲ no_match / poor_quality (< 3 failed captures)
 *                        └──┘        3rd failed capture ──▶ stopped
 *
 * `central_unavailable` from any open step → refused; `cancel` from any open step → cancelled.
 * Terminal steps absorb: every event is refused with FLOW_FINISHED and the state does not change.
 * There is deliberately no event that overrides a failed match: a supervisor cannot bypass the biometric check.
 *
 * The same verification updates the e-mail or the address (a contact update started for that field): the
 * "phone" steps then compare the stated and the previous value of that field with the registered one.
 */
export const MAX_FAILED_CAPTURES = 3;

/**
 * A request of the same customer still open when a new one starts (QA: a second radicación got no warning): a
 * flow of this workstation not finished yet, or a radicado whose code has not reached the customer (central's
 * answer, or this workstation's record when central is away). The teller resumes it or replaces it, saying why.
 */
export type ExistingRequest =
  | {
      readonly kind: 'radicado';
      readonly radicado: string;
      readonly createdAt: string;
      readonly state: 'radicado' | 'enviado';
      /** The workstation that radicated it (`001-02`). */
      readonly workstation: string;
    }
  | { readonly kind: 'flow'; readonly flowId: string; readonly startedAt: string; readonly step: string; readonly tellerId: string };

export interface Customer {
  readonly document: IdentityDocument;
  /** Open requests of this customer found at identification; the flow stops at the stated phone until decided. */
  readonly existing?: readonly ExistingRequest[];
  /** The teller's stated reason to replace `existing`; the new request supersedes them. */
  readonly replacing?: string;
  /** An immediate send is refused before this instant (ISO): the last code sent is still within central's interval. */
  readonly sendNowAllowedFrom?: string | null;
  /** Cellphone on file at central; null when none is registered (then only the biometric path remains). */
  readonly registeredCellphone: Cellphone | null;
  /** Set when the flow verifies the e-mail or the address instead of the cellphone (contact update only). */
  readonly contact?: { readonly field: 'email' | 'address'; readonly registered: ContactValue | null };
}

/** The field a flow verifies and its registered value in canonical form. */
export const verifiedField = (c: Customer): { field: 'cellphone' | 'email' | 'address'; registered: ContactValue | null } =>
  c.contact ?? { field: 'cellphone', registered: c.registeredCellphone };

/** Ley 1581/2012 art. 6 and Decreto 1377/2013: explicit, recorded, retrievable. */
export interface BiometricConsent {
  readonly at: string;
  /** Teller who read the authorization to the customer and recorded the answer. */
  readonly teller: string;
  /** Version of the consent text shown, so the exact wording can be retrieved later. */
  readonly textVersion: string;
}

export interface FailedCapture {
  readonly outcome: 'no_match' | 'poor_quality';
  /** The biometric operator's transaction id; kept as evidence, never the fingerprint itself. */
  readonly operatorTransactionId: string | null;
}

export interface ContactUpdate {
  /** Values of the verified field (the cellphone unless `customer.contact` names another field). */
  readonly previous: ContactValue | null;
  readonly next: ContactValue;
  readonly basis: 'previous_number_confirmed' | 'biometric_match';
}

export type RefusalReason = 'CUSTOMER_NOT_FOUND' | 'NO_PRODUCTS' | 'CONSENT_REFUSED' | 'CENTRAL_UNAVAILABLE' | 'NO_BIOMETRIC_FOR_COMPANY';

export type SecurityCodeState =
  /** `field`: a contact update of the e-mail or the address; absent for the cellphone. */
  | { readonly step: 'identifying'; readonly field?: 'email' | 'address' }
  | { readonly step: 'awaiting_stated_phone'; readonly customer: Customer }
  /** `statedPhone`: the stated value of the verified field (a cellphone unless `customer.contact` says otherwise). */
  | { readonly step: 'awaiting_previous_phone'; readonly customer: Customer; readonly statedPhone: ContactValue }
  /** `previous`: whether the customer did not remember the previous value or stated one that did not match. */
  | { readonly step: 'awaiting_consent'; readonly customer: Customer; readonly statedPhone: ContactValue; readonly previous?: 'unknown' | 'mismatch' }
  | {
      readonly step: 'awaiting_capture';
      readonly customer: Customer;
      readonly statedPhone: ContactValue;
      readonly consent: BiometricConsent;
      readonly failedCaptures: readonly FailedCapture[];
    }
  // Terminal steps.
  | {
      readonly step: 'send_now';
      readonly customer: Customer;
      /**
       * Central sends the code to this number at once; it is the registered number (after the update, if any).
       * For an e-mail or address update, the value now registered.
       */
      readonly target: ContactValue;
      readonly contactUpdate: ContactUpdate | null;
    }
  | {
      readonly step: 'radicated';
      readonly customer: Customer;
      readonly consent: BiometricConsent;
      readonly contactUpdate: ContactUpdate;
      readonly matchTransactionId: string;
      readonly failedCaptures: readonly FailedCapture[];
      readonly radication: Radication;
    }
  | {
      readonly step: 'stopped';
      readonly customer: Customer;
      readonly consent: BiometricConsent;
      readonly failedCaptures: readonly FailedCapture[];
    }
  | { readonly step: 'refused'; readonly reason: RefusalReason; readonly from: OpenStep }
  | { readonly step: 'cancelled'; readonly from: OpenStep };

export type SecurityCodeStep = SecurityCodeState['step'];
export const TERMINAL_STEPS = ['send_now', 'radicated', 'stopped', 'refused', 'cancelled'] as const;
export type TerminalStep = (typeof TERMINAL_STEPS)[number];
export type OpenStep = Exclude<SecurityCodeStep, TerminalStep>;

export type SecurityCodeEvent =
  /** Central's answer to the document lookup. `hasProducts` false means nothing to activate a key for. */
  | {
      readonly type: 'customer_found';
      readonly document: IdentityDocument;
      readonly hasProducts: boolean;
      readonly registeredCellphone: Cellphone | null;
      /** Registered e-mail and address as central has them; only read by an e-mail or address update. */
      readonly registeredEmail?: string | null;
      readonly registeredAddress?: string | null;
      readonly existing?: readonly ExistingRequest[];
      readonly sendNowAllowedFrom?: string | null;
    }
  | { readonly type: 'customer_not_found' }
  /** The teller replaces the customer's open requests, stating why (only while they are undecided). */
  | { readonly type: 'existing_replaced'; readonly reason: string }
  /** The cellphone the customer says is theirs, as typed. */
  | { readonly type: 'phone_stated'; readonly phone: string }
  /** The number the customer says they gave the bank before, as typed. */
  | { readonly type: 'previous_phone_stated'; readonly phone: string }
  | { readonly type: 'previous_phone_unknown' }
  | { readonly type: 'consent_given'; readonly at: string; readonly teller: string; readonly textVersion: string }
  | { readonly type: 'consent_refused' }
  /** Central's decision on one capture. A match is answered only after central updated the cellphone and radicated. */
  | { readonly type: 'capture_result'; readonly outcome: 'no_match' | 'poor_quality'; readonly operatorTransactionId: string | null }
  | {
      readonly type: 'capture_result';
      readonly outcome: 'match';
      readonly operatorTransactionId: string;
      readonly radicado: string;
      /** Injected clock reading when central confirmed the radication (ISO). */
      readonly now: string;
    }
  | { readonly type: 'central_unavailable' }
  | { readonly type: 'cancel' };

export type SecurityCodeEventType = SecurityCodeEvent['type'];

export type TransitionErrorCode =
  | 'FLOW_FINISHED'
  | 'EVENT_NOT_ALLOWED'
  | 'CONSENT_REQUIRED'
  | 'CELLPHONE_INVALID'
  /** An e-mail or address that cannot be one. */
  | 'CONTACT_INVALID'
  | 'RADICATION_INVALID'
  /** A customer's open request is neither resumed nor replaced yet. */
  | 'EXISTING_REQUEST_OPEN';

export interface TransitionError {
  readonly code: TransitionErrorCode;
  readonly message: string;
  readonly step: SecurityCodeStep;
  readonly event: string;
}

export type TransitionResult = { ok: true; value: SecurityCodeState } | { ok: false; error: TransitionError };

/** A flow starts identifying the customer; `field` makes it a contact update of the e-mail or the address. */
export const initialSecurityCodeState = (field: 'cellphone' | 'email' | 'address' = 'cellphone'): SecurityCodeState =>
  field === 'cellphone' ? { step: 'identifying' } : { step: 'identifying', field };

/** Parses a typed value of the verified field; the error code tells the cellphone apart from the other fields. */
const parseStated = (customer: Customer, raw: string): { ok: true; value: ContactValue } | { ok: false; code: TransitionErrorCode; message: string } => {
  const { field } = verifiedField(customer);
  const r = parseContactValue(field, raw);
  if (r.ok) return r;
  return { ok: false, code: field === 'cellphone' ? 'CELLPHONE_INVALID' : 'CONTACT_INVALID', message: r.error.message };
};

export type TerminalState = Extract<SecurityCodeState, { step: TerminalStep }>;

export const isTerminal = (state: SecurityCodeState): state is TerminalState =>
  (TERMINAL_STEPS as readonly string[]).includes(state.step);

const ok = (value: SecurityCodeState): TransitionResult => ({ ok: true, value });

const refuse = (state: SecurityCodeState, event: { type: string }, code: TransitionErrorCode, message: string): TransitionResult => ({
  ok: false,
  error: { code, message, step: state.step, event: event.type },
});

const notAllowed = (state: SecurityCodeState, event: { type: string }): TransitionResult =>
  refuse(
    state,
    event,
    'EVENT_NOT_ALLOWED',
    'Esta acción no corresponde al paso actual de la solicitud de código de seguridad. Continúe con el paso indicado en pantalla.',
  );

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Applies one event. An event that does not belong to the current step is refused with a typed error and the
 * caller keeps the previous state; nothing is ever half-applied.
 */
export const advance = (state: SecurityCodeState, event: SecurityCodeEvent): TransitionResult => {
  if (isTerminal(state)) {
    return refuse(state, event, 'FLOW_FINISHED', 'Esta solicitud ya terminó. Para otra gestión inicie una nueva solicitud.');
  }
  const open = state.step as OpenStep;
  if (event.type === 'cancel') return ok({ step: 'cancelled', from: open });
  if (event.type === 'central_unavailable') return ok({ step: 'refused', reason: 'CENTRAL_UNAVAILABLE', from: open });

  switch (state.step) {
    case 'identifying':
      if (event.type === 'customer_not_found') return ok({ step: 'refused', reason: 'CUSTOMER_NOT_FOUND', from: open });
      if (event.type !== 'customer_found') return notAllowed(state, event);
      if (!event.hasProducts) return ok({ step: 'refused', reason: 'NO_PRODUCTS', from: open });
      return ok({
        step: 'awaiting_stated_phone',
        customer: {
          document: event.document,
          registeredCellphone: event.registeredCellphone,
          ...(event.existing && event.existing.length > 0 ? { existing: event.existing } : {}),
          ...(event.sendNowAllowedFrom ? { sendNowAllowedFrom: event.sendNowAllowedFrom } : {}),
          ...(state.field
            ? {
                contact: {
                  field: state.field,
                  registered: canonicalContact(state.field, state.field === 'email' ? event.registeredEmail : event.registeredAddress),
                },
              }
            : {}),
        },
      });

    case 'awaiting_stated_phone': {
      const undecided = (state.customer.existing?.length ?? 0) > 0 && state.customer.replacing === undefined;
      if (event.type === 'existing_replaced') {
        if (!undecided) return notAllowed(state, event);
        if (event.reason.trim().length < 3) {
          return refuse(state, event, 'EXISTING_REQUEST_OPEN', 'Escriba por qué se reemplaza la solicitud abierta del cliente (por ejemplo: perdió el celular).');
        }
        return ok({ ...state, customer: { ...state.customer, replacing: event.reason.trim() } });
      }
      if (event.type !== 'phone_stated') return notAllowed(state, event);
      if (undecided) {
        return refuse(
          state,
          event,
          'EXISTING_REQUEST_OPEN',
          'El cliente tiene una solicitud abierta. Reanúdela, o reemplácela indicando el motivo, antes de continuar con esta.',
        );
      }
      const phone = parseStated(state.customer, event.phone);
      if (!phone.ok) return refuse(state, event, phone.code, phone.message);
      if (phone.value === verifiedField(state.customer).registered) {
        return ok({ step: 'send_now', customer: state.customer, target: phone.value, contactUpdate: null });
      }
      return ok({ step: 'awaiting_previous_phone', customer: state.customer, statedPhone: phone.value });
    }

    case 'awaiting_previous_phone': {
      // A company (NIT) has no fingerprint: the biometric path that follows an unconfirmed number is not for it.
      const biometric = (previous: 'unknown' | 'mismatch'): TransitionResult =>
        state.customer.document.type === 'NIT'
          ? ok({ step: 'refused', reason: 'NO_BIOMETRIC_FOR_COMPANY', from: open })
          : ok({ step: 'awaiting_consent', customer: state.customer, statedPhone: state.statedPhone, previous });
      if (event.type === 'previous_phone_unknown') return biometric('unknown');
      if (event.type !== 'previous_phone_stated') return notAllowed(state, event);
      const previous = parseStated(state.customer, event.phone);
      if (!previous.ok) return refuse(state, event, previous.code, previous.message);
      const registered = verifiedField(state.customer).registered;
      if (registered !== null && previous.value === registered) {
        return ok({
          step: 'send_now',
          customer: state.customer,
          target: state.statedPhone,
          contactUpdate: { previous: registered, next: state.statedPhone, basis: 'previous_number_confirmed' },
        });
      }
      return biometric('mismatch');
    }

    case 'awaiting_consent':
      if (event.type === 'consent_refused') return ok({ step: 'refused', reason: 'CONSENT_REFUSED', from: open });
      if (event.type === 'capture_result') {
        return refuse(
          state,
          event,
          'CONSENT_REQUIRED',
          'Antes de capturar la huella registre la autorización del cliente para el tratamiento de sus datos biométricos (Ley 1581 de 2012).',
        );
      }
      if (event.type !== 'consent_given') return notAllowed(state, event);
      if (!ISO_INSTANT.test(event.at) || event.teller.trim() === '' || event.textVersion.trim() === '') {
        return refuse(state, event, 'CONSENT_REQUIRED', 'La autorización debe quedar registrada con fecha y hora, cajero y versión del texto leído al cliente.');
      }
      return ok({
        step: 'awaiting_capture',
        customer: state.customer,
        statedPhone: state.statedPhone,
        consent: { at: event.at, teller: event.teller, textVersion: event.textVersion },
        failedCaptures: [],
      });

    case 'awaiting_capture': {
      if (event.type !== 'capture_result') return notAllowed(state, event);
      if (event.outcome === 'match') {
        if (event.radicado.trim() === '' || !ISO_INSTANT.test(event.now) || event.operatorTransactionId.trim() === '') {
          return refuse(
            state,
            event,
            'RADICATION_INVALID',
            'La central confirmó la huella pero no devolvió un radicado válido. No entregue constancia; reporte el caso a soporte.',
          );
        }
        return ok({
          step: 'radicated',
          customer: state.customer,
          consent: state.consent,
          contactUpdate: { previous: verifiedField(state.customer).registered, next: state.statedPhone, basis: 'biometric_match' },
          matchTransactionId: event.operatorTransactionId,
          failedCaptures: state.failedCaptures,
          radication: newRadication(event.radicado, event.now),
        });
      }
      const failedCaptures = [...state.failedCaptures, { outcome: event.outcome, operatorTransactionId: event.operatorTransactionId }];
      if (failedCaptures.length >= MAX_FAILED_CAPTURES) {
        return ok({ step: 'stopped', customer: state.customer, consent: state.consent, failedCaptures });
      }
      return ok({ ...state, failedCaptures });
    }
  }
};

/** Folds a sequence of events, keeping the state on refused events (what a UI does) and collecting the errors. */
export const replay = (
  events: Iterable<SecurityCodeEvent>,
  from: SecurityCodeState = initialSecurityCodeState(),
): { state: SecurityCodeState; errors: TransitionError[] } => {
  let state = from;
  const errors: TransitionError[] = [];
  for (const event of events) {
    const r = advance(state, event);
    if (r.ok) state = r.value;
    else errors.push(r.error);
  }
  return { state, errors };
};

/**
 * The verified field's value as the bank holds it once the flow ends: the new one after an update (send_now with
 * an update, or a radication), the one found at verification otherwise. The result screen shows this, not the
 * number the customer just replaced.
 */
export const registeredAfter = (s: SecurityCodeState): { value: ContactValue | null; updated: boolean } | null => {
  if (!('customer' in s)) return null;
  const update = s.step === 'send_now' || s.step === 'radicated' ? s.contactUpdate : null;
  return update ? { value: update.next, updated: true } : { value: verifiedField(s.customer).registered, updated: false };
};
