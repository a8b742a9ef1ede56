import { z } from 'zod';
import { FingerSchema } from '../devices/demo-citizens';
import { ContactFieldSchema } from '../identity/contact';
import { ReceiptDocumentSchema } from '../receipt/document';
import { RADICATION_STATUSES } from '../security-code/radication';
import { MAX_FAILED_CAPTURES } from '../security-code/flow';
import { channel } from './channel';

/**
 * "Generación de código de seguridad" at the branch (seed 000) and the contact-data update that shares its
 * verification. The core drives `domain/security-code` per flow id; the UI only sends what the teller typed and
 * shows the view it gets back. Neither the registered cellphone in full, nor the code, nor the fingerprint
 * template ever reach the UI.
 */
export const FLOW_PURPOSES = ['security_code', 'contact_update'] as const;
export const FlowPurposeSchema = z.enum(FLOW_PURPOSES);
export type FlowPurpose = z.infer<typeof FlowPurposeSchema>;

export const FLOW_STEPS = [
  'identifying',
  'awaiting_stated_phone',
  'awaiting_previous_phone',
  'awaiting_consent',
  'awaiting_capture',
  'send_now',
  'radicated',
  'stopped',
  'refused',
  'cancelled',
] as const;
export const FlowStepSchema = z.enum(FLOW_STEPS);

export const RadicationStateSchema = z.enum(RADICATION_STATUSES);
export type RadicationState = z.infer<typeof RadicationStateSchema>;

export const CustomerViewSchema = z.object({
  /** Teller's own screen: the full formatted document (`CC 900.000.001`). */
  document: z.string(),
  name: z.string(),
  /** Last digits only (`*******501`); null when none is registered. */
  maskedCellphone: z.string().nullable(),
  /** The verified field's registered value, masked (`m***@correo.com`, `CALLE ***`); null when none. */
  maskedRegistered: z.string().nullable(),
  /** The flow replaced it: `maskedRegistered` is the new value. */
  registeredUpdated: z.boolean(),
});

export const RadicationViewSchema = z.object({
  radicado: z.string(),
  state: RadicationStateSchema,
  createdAt: z.string(),
  deadline: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  maskedCellphone: z.string(),
});
export type RadicationView = z.infer<typeof RadicationViewSchema>;

/** One open request of the customer found at identification (see `ExistingRequest` in domain/security-code). */
export const ExistingRequestViewSchema = z.object({
  kind: z.enum(['radicado', 'flow']),
  /** The radicado number, or the open flow's id. */
  reference: z.string(),
  /** Number or start, date and state, in Spanish. */
  description: z.string(),
  /** An unfinished flow of the same teller: "Reanudar" continues it. */
  canResume: z.boolean(),
});
export type ExistingRequestView = z.infer<typeof ExistingRequestViewSchema>;

export const FlowViewSchema = z.object({
  id: z.string(),
  purpose: FlowPurposeSchema,
  /** The datum verified: always the cellphone for a security code; cellphone, e-mail or address for a contact update. */
  field: ContactFieldSchema,
  step: FlowStepSchema,
  finished: z.boolean(),
  tone: z.enum(['info', 'success', 'warning', 'error']),
  title: z.string(),
  /** What happened and what the teller does next (Spanish). */
  message: z.string(),
  customer: CustomerViewSchema.nullable(),
  failedCaptures: z.number().int().min(0),
  maxCaptures: z.literal(MAX_FAILED_CAPTURES),
  /**
   * Central accepted part of the work (e.g. the cellphone update) and the rest must be confirmed: the teller
   * presses "Reintentar" and the core resends the same idempotent requests. Nothing new is captured.
   */
  pendingCompletion: z.boolean(),
  /**
   * Whether "Cancelar" is allowed now: an open flow, and if pending, nothing of it can have reached central (a
   * refused connection); once central may have applied part of it, only "Reintentar" settles it.
   */
  cancellable: z.boolean(),
  /** The request at central: `send_now` answers `enviado` at once; `radicated` gives the 24-hour deadline. */
  request: RadicationViewSchema.nullable(),
  /** The constancia handed to the customer (radicado and deadline, never the code). */
  constancia: ReceiptDocumentSchema.nullable(),
  printJob: z.object({ jobId: z.string(), state: z.string() }).nullable(),
  /** The customer's open requests found at identification (security code only). */
  existing: z.array(ExistingRequestViewSchema),
  /** `existing` is neither resumed nor replaced yet: the flow waits for the teller's decision. */
  existingUndecided: z.boolean(),
});
export type FlowView = z.infer<typeof FlowViewSchema>;

const FlowId = z.string().min(1, { message: 'Falta el identificador de la solicitud' });
const FlowResponse = z.object({ flow: FlowViewSchema });

const FLOW_ERRORS = ['FLOW_NOT_FOUND', 'FLOW_FINISHED', 'EVENT_NOT_ALLOWED', 'FLOW_BUSY'] as const;

export const RadicationRowSchema = RadicationViewSchema.extend({
  flowId: z.string().nullable(),
  /** `CC ******0001`: the list is also shown to a supervisor walking by. */
  document: z.string(),
  /** null for another workstation's request: central's branch list does not say how it was made. */
  mode: z.enum(['send_now', 'radicate']).nullable(),
  tellerName: z.string(),
  /** The workstation that made the request (a supervisor sees the whole branch). */
  workstation: z.string(),
  /** Not delivered by the deadline: highlighted for the supervisor. */
  overdue: z.boolean(),
  /** When this row was last confirmed by central. */
  refreshedAt: z.string().nullable(),
  /** The radicado that replaced it (the teller replaced the customer's open request): its code is never sent. */
  supersededBy: z.string().nullable().optional(),
});
export type RadicationRow = z.infer<typeof RadicationRowSchema>;

const CancelReason = z
  .string()
  .trim()
  .min(3, { message: 'Escriba el motivo de la cancelación' })
  .max(200, { message: 'El motivo admite hasta 200 caracteres' });

/** One row of "Solicitudes abiertas": enough to recognize the customer's request without opening it. */
export const OpenFlowRowSchema = z.object({
  id: z.string(),
  purpose: FlowPurposeSchema,
  field: ContactFieldSchema,
  step: FlowStepSchema,
  /** `CC ******0002`; null before the customer was identified. */
  document: z.string().nullable(),
  customerName: z.string().nullable(),
  tellerName: z.string(),
  /** Started by the user asking: only they resume it. */
  mine: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
  failedCaptures: z.number().int().min(0),
  /** Times the pending central requests were sent (0 when nothing is pending). */
  centralAttempts: z.number().int().min(0),
  /** Central requests sent whose outcome is not confirmed: "Reintentar" resends them. */
  pendingCompletion: z.boolean(),
  canResume: z.boolean(),
  canCancel: z.boolean(),
});
export type OpenFlowRow = z.infer<typeof OpenFlowRowSchema>;

export const securityCodeChannels = {
  'securityCode.start': channel({
    access: 'user',
    request: z.object({}),
    response: FlowResponse,
  }),
  'securityCode.get': channel({
    access: 'user',
    request: z.object({ flowId: FlowId }),
    response: FlowResponse,
    errors: ['FLOW_NOT_FOUND'],
  }),
  /** Document as typed or as read from the cédula's PDF417; validated and looked up in the branch's copy of central's data. */
  'securityCode.identify': channel({
    access: 'user',
    request: z.object({
      flowId: FlowId,
      document: z.object({ type: z.string(), number: z.string().max(40) }),
      source: z.enum(['typed', 'scanned']).default('typed'),
    }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'DOCUMENT_TYPE_UNKNOWN', 'DOCUMENT_EMPTY', 'DOCUMENT_FORMAT', 'NIT_CHECK_DIGIT', 'REFERENCE_NOT_SYNCED'],
  }),
  'securityCode.statePhone': channel({
    access: 'user',
    /** The stated value of the verified field: a cellphone, or for a contact update an e-mail or an address. */
    request: z.object({ flowId: FlowId, phone: z.string().max(160) }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'CELLPHONE_INVALID', 'CONTACT_INVALID', 'CENTRAL_REJECTED', 'CENTRAL_PENDING', 'EXISTING_REQUEST_OPEN', 'SEND_NOW_TOO_SOON'],
  }),
  /**
   * Replaces the customer's open requests found at identification, with the teller's reason (journaled): open
   * flows here are closed now; an open radicado is superseded at central when the new request is created.
   */
  'securityCode.replaceExisting': channel({
    access: 'user',
    request: z.object({
      flowId: FlowId,
      reason: z.string().trim().min(3, { message: 'Escriba el motivo del reemplazo' }).max(200, { message: 'El motivo admite hasta 200 caracteres' }),
    }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'EXISTING_REQUEST_OPEN', 'FLOW_OF_ANOTHER_TELLER'],
  }),
  /** `phone: null` = the customer does not remember the previous number. */
  'securityCode.previousPhone': channel({
    access: 'user',
    request: z.object({ flowId: FlowId, phone: z.string().max(160).nullable() }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'CELLPHONE_INVALID', 'CONTACT_INVALID', 'CENTRAL_REJECTED', 'CENTRAL_PENDING'],
  }),
  'securityCode.consent': channel({
    access: 'user',
    request: z.object({ flowId: FlowId, given: z.boolean(), textVersion: z.string().min(1) }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'CONSENT_REQUIRED', 'CONSENT_TEXT_OUTDATED'],
  }),
  /**
   * Captures on the workstation's reader and sends the template to central for the registry match; the
   * template stays in the core. With `pendingCompletion` it resends the pending central requests instead.
   */
  'securityCode.capture': channel({
    access: 'user',
    request: z.object({ flowId: FlowId, finger: FingerSchema.default('right-index') }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'CONSENT_REQUIRED', 'FINGERPRINT_READER', 'RADICATION_INVALID', 'CENTRAL_REJECTED', 'CENTRAL_PENDING'],
  }),
  /**
   * Closes an open flow with a reason, journaled; the flow is kept (never deleted). The teller who started it, or
   * a supervisor for any teller's flow. A pending flow only while nothing of it can have reached central.
   */
  'securityCode.cancel': channel({
    access: 'user',
    request: z.object({ flowId: FlowId, reason: CancelReason }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'FLOW_OF_ANOTHER_TELLER'],
  }),
  /** Open flows of this workstation (today's, plus any still pending with central), newest first. */
  'securityCode.openFlows': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ flows: z.array(OpenFlowRowSchema), businessDate: z.string() }),
  }),
  /** The flow's current view, so the screen continues at its step. Only the teller who started it. */
  'securityCode.resume': channel({
    access: 'user',
    request: z.object({ flowId: FlowId }),
    response: FlowResponse,
    errors: ['FLOW_NOT_FOUND', 'FLOW_FINISHED', 'FLOW_OF_ANOTHER_TELLER'],
  }),
  /** Resends the pending central requests of a flow with their original idempotency keys (never a second SMS or radication). */
  'securityCode.retry': channel({
    access: 'user',
    request: z.object({ flowId: FlowId }),
    response: FlowResponse,
    errors: [...FLOW_ERRORS, 'FLOW_OF_ANOTHER_TELLER', 'NOTHING_PENDING', 'RADICATION_INVALID', 'CENTRAL_REJECTED', 'CENTRAL_PENDING'],
  }),
  /**
   * Prints the constancia again (radicado and deadline; never the code): "COPIA No. n" once the original came out
   * of the printer, the original itself when it never reached the print queue.
   */
  'securityCode.printConstancia': channel({
    access: 'user',
    request: z.object({ flowId: FlowId }),
    response: FlowResponse,
    errors: ['FLOW_NOT_FOUND', 'NO_CONSTANCIA', 'PRINT_NOT_PRINTED_YET'],
  }),
  /** This workstation's requests with their state refreshed from central (`radicado → enviado → entregado | vencido`). */
  'securityCode.radications': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({
      rows: z.array(RadicationRowSchema),
      /** False when central could not be asked: the states shown are the last ones confirmed. */
      centralReachable: z.boolean(),
      /** `branch`: a supervisor's list with every workstation of the branch, from central. */
      scope: z.enum(['workstation', 'branch']),
      overdueCount: z.number().int().min(0),
    }),
  }),
} as const;
