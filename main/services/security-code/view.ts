import type { FlowPurpose, FlowView, RadicationView } from '../../../domain/contract/security-code';
import { maskCellphone } from '../../../domain/identity/cellphone';
import { CONTACT_FIELD_NAMES, maskContactValue, type ContactField, type ContactValue } from '../../../domain/identity/contact';
import { formatDocument } from '../../../domain/identity/document';
import { ReceiptDocumentSchema } from '../../../domain/receipt/document';
import {
  CONTACT_MISMATCH_TITLE,
  MAX_FAILED_CAPTURES,
  describeExisting,
  describeSecurityCodeState,
  existingUndecided,
  isTerminal,
  verifiedField,
  registeredAfter,
  type Customer,
  type SecurityCodeState,
  type StepMessage,
} from '../../../domain/security-code';
import type { FlowRecord, RequestRecord } from '../../store/security-code/repo';
import { cancellable } from './open-flows';
import { parsePending, pendingDroppable, type Pending } from './pending';

const failedCaptures = (s: SecurityCodeState): number =>
  s.step === 'awaiting_capture' || s.step === 'stopped' ? s.failedCaptures.length : s.step === 'radicated' ? s.failedCaptures.length : 0;

const maskedOf = (c: Customer, v: ContactValue): string => maskContactValue(verifiedField(c).field, v);

/** Seed 002's customer-facing wording, for a datum the customer cannot confirm. */
const SERVICE_LINE =
  'Los datos que suministró no coinciden con la información registrada en el banco. Indique al cliente que los verifique; si persiste el error, debe comunicarse con la línea de servicio al cliente para actualizarlos y, una vez surtida esa actualización, podrá realizar este trámite.';

/** The contact-data update shares the verification but neither sends nor radicates a code. */
const describeContactUpdate = (s: SecurityCodeState, base: StepMessage): StepMessage => {
  const customer = 'customer' in s ? s.customer : null;
  const field: ContactField = customer ? verifiedField(customer).field : s.step === 'identifying' ? (s.field ?? 'cellphone') : 'cellphone';
  const name = CONTACT_FIELD_NAMES[field];
  const isCell = field === 'cellphone';
  switch (s.step) {
    case 'identifying':
      return { ...base, title: `Actualización de datos de contacto: ${name.noun}` };
    case 'awaiting_stated_phone':
      return {
        tone: 'info',
        title: isCell ? 'Nuevo celular' : `Nuevo ${field === 'email' ? 'correo electrónico' : 'dirección'}`,
        message: isCell
          ? 'Pregunte al cliente el número celular que quiere registrar y digítelo. No le lea ni le muestre el número registrado.'
          : `Pregunte al cliente ${field === 'email' ? 'el nuevo correo electrónico' : 'la nueva dirección'} que quiere registrar y ${field === 'email' ? 'digítelo tal como lo dicta' : 'digítela tal como la dicta'}. No le lea ni le muestre el dato registrado.`,
      };
    case 'awaiting_previous_phone':
      return {
        tone: 'warning',
        title: CONTACT_MISMATCH_TITLE,
        message: isCell
          ? 'Para cambiar el celular el cliente debe confirmar el número anterior que suministró a la entidad. Digítelo; si no lo recuerda, elija "No lo recuerda" y valide con documento y huella.'
          : `Para cambiar ${name.the} el cliente debe confirmar ${field === 'email' ? 'el correo anterior' : 'la dirección anterior'} que suministró a la entidad. Digítel${field === 'email' ? 'o' : 'a'}; si no lo recuerda, elija "No lo recuerda" y valide con documento y huella.`,
      };
    case 'awaiting_consent':
      return isCell
        ? base
        : {
            tone: 'warning',
            title: CONTACT_MISMATCH_TITLE,
            message: `${s.previous === 'unknown' ? 'El cliente no recuerda ' + (field === 'email' ? 'el correo anterior.' : 'la dirección anterior.') : field === 'email' ? 'El correo anterior no coincide con el registrado en el banco.' : 'La dirección anterior no coincide con la registrada en el banco.'} Para actualizar ${name.the} el cliente debe presentar su documento de identidad y validar su huella. Léale la autorización para el tratamiento de datos biométricos (Ley 1581 de 2012): no está obligado a darla; sin ella no se puede continuar por huella.`,
          };
    case 'send_now':
      return s.contactUpdate === null
        ? { tone: 'info', title: 'Sin cambios', message: `${isCell ? 'El celular indicado ya es el registrado' : `${name.the[0]?.toUpperCase()}${name.the.slice(1)} indicad${field === 'address' ? 'a' : 'o'} ya es ${field === 'address' ? 'la registrada' : 'el registrado'}`} (${maskedOf(s.customer, s.target)}). No hay nada que actualizar.` }
        : {
            tone: 'success',
            title: isCell ? 'Celular actualizado' : `${field === 'email' ? 'Correo electrónico actualizado' : 'Dirección actualizada'}`,
            message: `El dato anterior coincidió: ${name.the} registrad${field === 'address' ? 'a' : 'o'} ahora es ${maskedOf(s.customer, s.target)}. Entregue la constancia al cliente.`,
          };
    case 'radicated':
      return {
        tone: 'success',
        title: isCell ? 'Celular actualizado' : `${field === 'email' ? 'Correo electrónico actualizado' : 'Dirección actualizada'}`,
        message: `Huella validada: ${name.the} registrad${field === 'address' ? 'a' : 'o'} ahora es ${maskedOf(s.customer, s.contactUpdate.next)}. Entregue la constancia al cliente.`,
      };
    case 'stopped':
      return {
        ...base,
        title: CONTACT_MISMATCH_TITLE,
        message: `Se agotaron los intentos de validación de huella; no se cambió ${name.the}. ${SERVICE_LINE}`,
      };
    case 'refused':
      return s.reason === 'CONSENT_REFUSED'
        ? { ...base, title: CONTACT_MISMATCH_TITLE, message: `Sin la autorización biométrica no se puede validar la identidad ni cambiar ${name.the}. ${SERVICE_LINE}` }
        : base;
    default:
      return base;
  }
};

export const requestView = (r: RequestRecord): RadicationView => ({
  radicado: r.radicado,
  state: r.state,
  createdAt: r.createdAt,
  deadline: r.deadline,
  sentAt: r.sentAt,
  deliveredAt: r.deliveredAt,
  maskedCellphone: r.maskedCellphone,
});

export const customerOf = (s: SecurityCodeState) =>
  'customer' in s ? s.customer : null;

/** A plan waiting for central: what the teller does next depends on whether central may already have it. */
const describePending = (p: Pending): StepMessage =>
  pendingDroppable(p)
    ? {
        tone: 'warning',
        title: 'Pendiente: central no disponible',
        message: `No hubo comunicación con la central y no se envió nada${(p.attempts ?? 1) > 1 ? ` (${p.attempts} intentos)` : ''}. Cuando vuelva la comunicación pulse Reintentar; si el cliente ya no espera, cancele la solicitud con el motivo.`,
      }
    : {
        tone: 'warning',
        title: 'Pendiente de confirmar con central',
        message:
          'La central pudo haber recibido la solicitud y no confirmó la respuesta. Pulse Reintentar: se reenvía exactamente lo mismo, no se captura de nuevo ni se duplica nada.',
      };

export const flowView = (f: FlowRecord, state: SecurityCodeState, request: RequestRecord | undefined, now: string): FlowView => {
  const base = describeSecurityCodeState(state, now);
  const pending = isTerminal(state) ? null : parsePending(f.pending);
  const msg = pending ? describePending(pending) : (f.purpose as FlowPurpose) === 'contact_update' ? describeContactUpdate(state, base) : base;
  const customer = customerOf(state);
  const field: ContactField = customer ? verifiedField(customer).field : state.step === 'identifying' ? (state.field ?? 'cellphone') : 'cellphone';
  const registered = registeredAfter(state);
  return {
    id: f.id,
    purpose: f.purpose,
    field,
    step: state.step,
    finished: isTerminal(state),
    tone: msg.tone,
    title: msg.title,
    message: msg.message,
    customer: customer
      ? {
          document: formatDocument(customer.document),
          name: f.customerName ?? '',
          maskedCellphone: field === 'cellphone' && registered?.value ? maskContactValue(field, registered.value) : customer.registeredCellphone ? maskCellphone(customer.registeredCellphone) : null,
          maskedRegistered: registered?.value ? maskContactValue(field, registered.value) : null,
          registeredUpdated: registered?.updated ?? false,
        }
      : null,
    failedCaptures: failedCaptures(state),
    maxCaptures: MAX_FAILED_CAPTURES,
    pendingCompletion: f.pending !== null,
    cancellable: cancellable(state, pending),
    request: request ? requestView(request) : null,
    constancia: f.constancia ? ReceiptDocumentSchema.parse(JSON.parse(f.constancia)) : null,
    printJob: f.printJob ? (JSON.parse(f.printJob) as { jobId: string; state: string }) : null,
    existing: (customer?.existing ?? []).map((e) => ({
      kind: e.kind,
      reference: e.kind === 'radicado' ? e.radicado : e.flowId,
      description: describeExisting(e),
      canResume: e.kind === 'flow' && e.tellerId === f.tellerId,
    })),
    existingUndecided: state.step === 'awaiting_stated_phone' && customer !== null && existingUndecided(customer),
  };
};
