import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { CONTACT_FIELD_NAMES, type ContactField } from '../../../domain/identity/contact';
import { maskDocument, type IdentityDocument } from '../../../domain/identity/document';
import type { ReceiptDocument, ReceiptLine } from '../../../domain/receipt/document';


export interface ConstanciaInput {
  kind: 'radicate' | 'send_now' | 'contact_update';
  /** Radicado at central, or central's reference of the contact update. */
  reference: string;
  document: IdentityDocument;
  maskedCellphone: string;
  /** The contact datum a contact update changed (default: the cellphone); `maskedCellphone` then holds its mask. */
  field?: ContactField;
  at: string;
  deadline: string | null;
  branch: { code: string; name: string };
  till: string;
  teller: string;
  /** Short prefix of the journal entry's hash, so a copy can be checked against the journal. */
  verificationCode: string;
}

const TITLES = {
  radicate: 'CONSTANCIA DE RADICACIÓN',
  send_now: 'CONSTANCIA DE ENVÍO DE CÓDIGO',
  contact_update: 'CONSTANCIA DE ACTUALIZACIÓN DE DATOS',
} as const;

const LABELS: Record<ContactField, string> = { cellphone: 'Celular', email: 'Correo electrónico', address: 'Dirección' };
const UPDATED: Record<ContactField, string> = {
  cellphone: 'Su número celular registrado fue actualizado.',
  email: `Su ${CONTACT_FIELD_NAMES.email.noun} registrado fue actualizado.`,
  address: `Su ${CONTACT_FIELD_NAMES.address.noun} registrada fue actualizada.`,
};

/**
 * The paper the customer takes home (seed 000, step 5): the radicado and the deadline. It never carries the code
 * itself, the full cellphone or the full document number.
 */
export const buildConstancia = (c: ConstanciaInput): ReceiptDocument => {
  // The radicado and the date are the paper's header (sequence, postedAt): printed once, there.
  const lines: ReceiptLine[] = [
    { kind: 'field', label: 'Cliente', value: maskDocument(c.document) },
    { kind: 'field', label: LABELS[c.field ?? 'cellphone'], value: c.maskedCellphone },
  ];
  if (c.kind === 'radicate' && c.deadline) {
    lines.push({ kind: 'field', label: 'Plazo máximo', value: formatReceiptDateTime(c.deadline) });
    lines.push({ kind: 'rule' });
    lines.push({
      kind: 'text',
      text: `El código de seguridad llegará a su celular a más tardar el ${formatReceiptDateTime(c.deadline)} (máximo 24 horas).`,
    });
  } else if (c.kind === 'send_now') {
    lines.push({ kind: 'rule' });
    lines.push({ kind: 'text', text: 'El código de seguridad fue enviado a su celular registrado.' });
    // Seed 004 (Cambio de Clave): the key set with the code is temporary; the customer must know the 24 hours.
    lines.push({
      kind: 'text',
      text: 'Recuerde que la clave que asigne con este código es temporal: debe asignar su nueva clave definitiva dentro de las siguientes 24 horas.',
    });
  } else if (c.kind === 'contact_update') {
    lines.push({ kind: 'rule' });
    lines.push({ kind: 'text', text: UPDATED[c.field ?? 'cellphone'] });
  }
  if (c.kind !== 'contact_update') {
    lines.push({ kind: 'text', text: 'No comparta el código con nadie. El banco nunca se lo pedirá.', emphasis: true });
  }
  return {
    sequence: c.reference,
    sequenceLabel: c.kind === 'contact_update' ? 'Referencia' : 'Radicado',
    title: TITLES[c.kind],
    branch: c.branch,
    till: c.till,
    teller: c.teller,
    postedAt: c.at,
    lines,
    verificationCode: c.verificationCode,
    marks: [],
  };
};
