import type { FlowPurpose, FlowView, RadicationView } from '../../../domain/contract/security-code';
import { maskCellphone } from '../../../domain/identity/cellphone';
import { formatDocument } from '../../../domain/identity/document';
import { ReceiptDocumentSchema } from '../../../domain/receipt/document';
import {
  CONTACT_MISMATCH_TITLE,
  MAX_FAILED_CAPTURES,
  describeSecurityCodeState,
  isTerminal,
  type SecurityCodeState,
  type StepMessage,
} from '../../../domain/security-code';
import type { FlowRecord, RequestRecord } from '../../store/security-code/repo';

const failedCaptures = (s: SecurityCodeState): number =>
  s.step === 'awaiting_capture' || s.step === 'stopped' ? s.failedCaptures.length : s.step === 'radicated' ? s.failedCaptures.length : 0;

/** The contact-data update shares the verification but neither sends nor radicates a code. */
const describeContactUpdate = (s: SecurityCodeState, base: StepMessage): StepMessage => {
  switch (s.step) {
    case 'identifying':
      return { ...base, title: 'Actualización de datos de contacto' };
    case 'awaiting_stated_phone':
      return {
        tone: 'info',
        title: 'Nuevo celular',
        message: 'Pregunte al cliente el número celular que quiere registrar y digítelo. No le lea ni le muestre el número registrado.',
      };
    case 'awaiting_previous_phone':
      return {
        tone: 'warning',
        title: CONTACT_MISMATCH_TITLE,
        message:
          'Para cambiar el celular el cliente debe confirmar el número anterior que suministró a la entidad. Digítelo; si no lo recuerda, elija "No lo recuerda" y valide con documento y huella.',
      };
    case 'send_now':
      return s.contactUpdate === null
        ? { tone: 'info', title: 'Sin cambios', message: `El celular indicado ya es el registrado (${maskCellphone(s.target)}). No hay nada que actualizar.` }
        : {
            tone: 'success',
            title: 'Celular actualizado',
            message: `El número anterior coincidió: el celular registrado ahora es ${maskCellphone(s.target)}. Entregue la constancia al cliente.`,
          };
    case 'radicated':
      return {
        tone: 'success',
        title: 'Celular actualizado',
        message: `Huella validada: el celular registrado ahora es ${maskCellphone(s.contactUpdate.next)}. Entregue la constancia al cliente.`,
      };
    case 'stopped':
      return {
        ...base,
        message:
          'Se agotaron los intentos de validación de huella; no se cambió el celular. Los datos suministrados no coinciden con la información registrada: indique al cliente que verifique sus datos y se comunique con la línea de servicio al cliente.',
      };
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

export const flowView = (f: FlowRecord, state: SecurityCodeState, request: RequestRecord | undefined, now: string): FlowView => {
  const base = describeSecurityCodeState(state, now);
  const msg = (f.purpose as FlowPurpose) === 'contact_update' ? describeContactUpdate(state, base) : base;
  const customer = customerOf(state);
  return {
    id: f.id,
    purpose: f.purpose,
    step: state.step,
    finished: isTerminal(state),
    tone: msg.tone,
    title: msg.title,
    message: msg.message,
    customer: customer
      ? {
          document: formatDocument(customer.document),
          name: f.customerName ?? '',
          maskedCellphone: customer.registeredCellphone ? maskCellphone(customer.registeredCellphone) : null,
        }
      : null,
    failedCaptures: failedCaptures(state),
    maxCaptures: MAX_FAILED_CAPTURES,
    pendingCompletion: f.pending !== null,
    request: request ? requestView(request) : null,
    constancia: f.constancia ? ReceiptDocumentSchema.parse(JSON.parse(f.constancia)) : null,
    printJob: f.printJob ? (JSON.parse(f.printJob) as { jobId: string; state: string }) : null,
  };
};
