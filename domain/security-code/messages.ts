import { maskContactValue, type ContactValue } from '../identity/contact';
import { formatReceiptDateTime } from '../calendar/bogota-time';
import { MAX_FAILED_CAPTURES, verifiedField, type Customer, type ExistingRequest, type SecurityCodeState } from './flow';
import { radicationStatusMessage } from './radication';

export type MessageTone = 'info' | 'success' | 'warning' | 'error';

export interface StepMessage {
  readonly tone: MessageTone;
  readonly title: string;
  /** What happened and what the teller does next. Never contains the registered number or any code. */
  readonly message: string;
}

/**
 * Title of the contact-data mismatch, after the customer-facing wording of seed 002 ("Error de seguridad en
 * datos": the data entered do not match the data given to the entity).
 */
export const CONTACT_MISMATCH_TITLE = 'Error de seguridad en datos';

const masked = (c: Customer, v: ContactValue): string => maskContactValue(verifiedField(c).field, v);

const remaining = (failed: number): string => {
  const left = MAX_FAILED_CAPTURES - failed;
  return left === 1 ? 'Queda 1 intento.' : `Quedan ${left} intentos.`;
};

const EXISTING_STATE = { radicado: 'radicada, código aún no enviado', enviado: 'código enviado, entrega sin confirmar' } as const;

/** One line per open request of the customer: number, date and state, as the teller reads them to decide. */
export const describeExisting = (e: ExistingRequest): string =>
  e.kind === 'radicado'
    ? `Radicado ${e.radicado} del ${formatReceiptDateTime(e.createdAt)} en la estación ${e.workstation} (${EXISTING_STATE[e.state]})`
    : `Solicitud sin terminar iniciada el ${formatReceiptDateTime(e.startedAt)} en esta estación`;

/**
 * The refusal of a second immediate send within central's interval (`sendNowMinIntervalMs`), with the time the
 * customer may ask again, rounded up to the minute so that "desde las 09:03" is never refused at 09:03.
 */
export const sendNowTooSoonMessage = (allowedFrom: string | number): string => {
  const at = new Date(Math.ceil(new Date(allowedFrom).getTime() / 60_000) * 60_000).toISOString();
  return `Al cliente ya se le envió un código hace unos minutos. Indíquele que revise los mensajes de su celular; podrá pedir otro código desde las ${formatReceiptDateTime(at).slice(11, 16)}.`;
};

/** Still to be resumed or replaced: the flow does not go on until the teller decides. */
export const existingUndecided = (c: Customer): boolean => (c.existing?.length ?? 0) > 0 && c.replacing === undefined;

/** Spanish text for every step and outcome of the flow (seed 000; domain-co.md §7 and §11). */
export const describeSecurityCodeState = (state: SecurityCodeState, now?: string): StepMessage => {
  switch (state.step) {
    case 'identifying':
      return {
        tone: 'info',
        title: 'Generación de código de seguridad',
        message: 'Seleccione el tipo de documento y digite el número del cliente para consultarlo en la central.',
      };
    case 'awaiting_stated_phone':
      if (existingUndecided(state.customer)) {
        return {
          tone: 'warning',
          title: 'El cliente ya tiene una solicitud abierta',
          message: `${(state.customer.existing ?? []).map(describeExisting).join('. ')}. Reanúdela si el cliente la espera; si la necesita de nuevo (por ejemplo, perdió el celular), reemplácela indicando el motivo: la anterior queda reemplazada y su código no será válido.`,
        };
      }
      return {
        tone: 'info',
        title: 'Celular del cliente',
        // The customer panel beside it shows who the customer is; the message does not repeat the document.
        message: 'Pregunte al cliente su número celular y digítelo. No le lea ni le muestre el número registrado.',
      };
    case 'awaiting_previous_phone':
      return {
        tone: 'warning',
        title: CONTACT_MISMATCH_TITLE,
        message:
          'El celular que indica el cliente no coincide con el registrado en el banco. Pídale el número celular anterior que suministró a la entidad y digítelo; si no lo recuerda, elija "No lo recuerda".',
      };
    case 'awaiting_consent':
      return {
        tone: 'warning',
        title: CONTACT_MISMATCH_TITLE,
        // "tampoco coincide" only when a previous number was typed: after "No lo recuerda" nothing was compared.
        message: `${state.previous === 'unknown' ? 'El cliente no recuerda el número anterior.' : 'El número anterior tampoco coincide con el registrado.'} Para actualizar el celular el cliente debe presentar su documento de identidad y validar su huella. Léale la autorización para el tratamiento de datos biométricos (Ley 1581 de 2012): no está obligado a darla; sin ella no se puede continuar por huella.`,
      };
    case 'awaiting_capture': {
      const failed = state.failedCaptures.length;
      const last = state.failedCaptures[failed - 1];
      if (!last) {
        return {
          tone: 'info',
          title: 'Validación de huella',
          message: `Compare la foto del documento con el cliente y capture la huella en el lector. Tiene ${MAX_FAILED_CAPTURES} intentos.`,
        };
      }
      return last.outcome === 'poor_quality'
        ? {
            tone: 'warning',
            title: 'Huella de baja calidad',
            message: `La captura no tiene calidad suficiente. Limpie el lector y el dedo, o use otro dedo, y capture de nuevo. ${remaining(failed)}`,
          }
        : {
            tone: 'warning',
            title: 'La huella no coincide',
            message: `La Registraduría no confirmó la identidad con esta huella; el intento quedó registrado. Puede capturar otro dedo. ${remaining(failed)}`,
          };
    }
    case 'send_now':
      return state.contactUpdate === null
        ? {
            tone: 'success',
            title: 'Código enviado',
            message: `La central envía ahora el código de seguridad al celular registrado ${masked(state.customer, state.target)}. Indique al cliente que lo revise; usted no verá el código.`,
          }
        : {
            tone: 'success',
            title: 'Celular actualizado y código enviado',
            message: `El número anterior coincidió: se actualizó el celular a ${masked(state.customer, state.target)} y la central envía ahora el código de seguridad a ese número. Usted no verá el código.`,
          };
    case 'radicated':
      return {
        tone: 'success',
        title: 'Solicitud radicada',
        message: `Huella validada. Se actualizó el celular a ${masked(state.customer, state.contactUpdate.next)}. ${radicationStatusMessage(state.radication, now ?? state.radication.radicatedAt)} Entregue al cliente la constancia con el número de radicado.`,
      };
    case 'stopped':
      return {
        tone: 'error',
        title: 'Intentos de huella agotados',
        message: `Se agotaron los ${MAX_FAILED_CAPTURES} intentos de validación de huella; no se radicó la solicitud ni se cambió el celular. Indique al cliente que debe volver otro día o comunicarse con la línea de servicio al cliente.`,
      };
    case 'refused':
      switch (state.reason) {
        case 'CUSTOMER_NOT_FOUND':
          return {
            tone: 'error',
            title: 'Cliente no encontrado',
            message: 'No hay un cliente con ese documento. Verifique el tipo y el número del documento físico.',
          };
        case 'NO_PRODUCTS':
          return {
            tone: 'error',
            title: 'Sin productos activos',
            message: 'El cliente no tiene productos activos con el banco; no se puede generar un código de seguridad. Ofrézcale la apertura de un producto.',
          };
        case 'NO_BIOMETRIC_FOR_COMPANY':
          return {
            tone: 'warning',
            title: 'Empresa: sin validación de huella',
            message:
              'Una empresa (NIT) no tiene huella: su número celular no se puede cambiar con validación biométrica. El representante legal debe actualizarlo con el certificado de existencia y representación legal por el trámite de actualización de datos de empresas.',
          };
        case 'CONSENT_REFUSED':
          return {
            tone: 'warning',
            title: 'Sin autorización biométrica',
            message:
              'El cliente no autorizó el tratamiento de sus datos biométricos, que es su derecho. Sin esa autorización no es posible validar la huella ni radicar la solicitud en esta oficina; puede actualizar sus datos por la línea de servicio al cliente.',
          };
        case 'CENTRAL_UNAVAILABLE':
          return {
            tone: 'error',
            title: 'Central no disponible',
            message:
              'No hay comunicación con la central: no se cambió el celular, no se radicó nada y no se envió ningún código. Intente de nuevo en unos minutos; si persiste, informe a soporte.',
          };
      }
      break;
    case 'cancelled':
      return {
        tone: 'info',
        title: 'Solicitud cancelada',
        message: 'La solicitud se canceló; no se envió ningún código ni se cambiaron datos.',
      };
  }
  // Unreachable: every step and reason returns above; kept for the compiler's exhaustiveness check.
  return state satisfies never;
};
