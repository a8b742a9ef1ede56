import type { z } from 'zod';
import type { ApprovalStatus } from '../approval/request';
import type { ApprovalStateSchema } from '../central-api/approvals';
import type { TillTransferState } from '../central-api/till-transfers';
import type { RemesaStatus } from '../cheque/remesa';
import type { ArqueoOutcome, CountJournalState } from '../till/arqueo';

// One record per source of values, typed by that source, so a new approval, transfer, remesa or count state
// cannot ship without the name the journal screen gives it.
const APPROVAL: Record<ApprovalStatus | 'solicitada', string> = {
  solicitada: 'Solicitada',
  pendiente: 'Pendiente',
  aprobada: 'Aprobada',
  rechazada: 'Rechazada',
  vencida: 'Vencida',
};
// Approvals decided at central (another workstation's supervisor) are journaled in central's words.
const CENTRAL_APPROVAL: Record<z.infer<typeof ApprovalStateSchema>, string> = {
  pending: APPROVAL.pendiente,
  approved: APPROVAL.aprobada,
  rejected: APPROVAL.rechazada,
  expired: APPROVAL.vencida,
  withdrawn: 'Retirada',
};
const TRANSFER: Record<TillTransferState | 'enviado' | 'entrante' | 'saldo_inicial', string> = {
  en_transito: 'En tránsito',
  aceptado: 'Aceptado',
  rechazado: 'Rechazado',
  enviado: 'Enviado',
  entrante: 'Entrante',
  saldo_inicial: 'Saldo inicial',
};
const COUNT: Record<ArqueoOutcome | CountJournalState, string> = {
  cuadrada: 'Cuadrada',
  faltante: 'Faltante',
  sobrante: 'Sobrante',
  // A count's decision: no difference closes, as a till close that squares.
  cerrar: 'Cuadrada',
  recontar: 'Recontar',
  aprobar: 'Diferencia: requiere aprobación',
  // A recount that squares after an earlier count showed a difference: squared, and the supervisor still decides.
  aprobar_cuadrado: 'Cuadrado tras una diferencia: requiere aprobación',
};
const REMESA: Record<`remesa_${Exclude<RemesaStatus, 'recibida'>}`, string> = {
  remesa_enviada: 'Remesa enviada',
  remesa_pagada: 'Remesa pagada',
  remesa_devuelta: 'Remesa devuelta',
};
// Security-code requests (`outcome`), the radicado's state at central, captures (`result`) and consents.
const SECURITY_CODE = {
  sent: 'Código enviado',
  radicated: 'Radicada',
  radicado: 'Radicado',
  entregado: 'Entregado',
  vencido: 'Vencido',
  cancelled: 'Cancelada',
  refused: 'No procede',
  stopped: 'Intentos de huella agotados',
  rejected: 'Rechazada por la central',
  replace_decided: 'Reemplaza la solicitud abierta',
  applied: 'Aplicada',
  match: 'Huella coincide',
  no_match: 'Huella no coincide',
  poor_quality: 'Huella de baja calidad',
  central_unavailable: 'Central no disponible',
  given: 'Autorización dada',
} as const;
const OTHER = {
  // A posting stores no state: it reads Contabilizado until reversed (the search derives it, and filters by it).
  contabilizado: 'Contabilizado',
  reversado: 'Reversado',
  // A structuring alert the supervisor took up again (approval/structuring).
  reconsiderada: 'Reconsiderada',
  retirada: 'Retirada por el cajero',
  reactivada: 'Reactivada',
  canje_devuelta: 'Cheque de canje devuelto',
  branch_mode: 'Cambio de modo de la oficina',
  sync_rejection_reviewed: 'Rechazo de central revisado',
  autorizacion_rehusada: 'Autorización rehusada: no es supervisor o es quien la pidió',
  // A till's send refused for want of pieces, and the block on its sends lifted (till-transfer/service.ts).
  rehusado: 'Envío rehusado',
  desbloqueado: 'Envíos desbloqueados',
} as const;

/**
 * What the journal's "Estado" column shows for each state, action or status a journal entry stores or the search
 * derives, and what its filter offers: one list, so every state a row shows is found under the same words.
 */
export const JOURNAL_STATE_LABEL: Readonly<Record<string, string>> = { ...APPROVAL, ...CENTRAL_APPROVAL, ...TRANSFER, ...COUNT, ...REMESA, ...SECURITY_CODE, ...OTHER };

/** The label of a stored value; a value this build does not know (a newer workstation's) is shown as stored. */
export const journalStateLabel = (stored: string): string => JOURNAL_STATE_LABEL[stored] ?? stored;

/**
 * Every stored value shown under the same label as `stored`, so that filtering by what the screen shows finds
 * a local approval (`aprobada`) and one decided at central (`approved`) alike.
 */
export const journalStatesLike = (stored: string): string[] => {
  const label = journalStateLabel(stored);
  const same = Object.keys(JOURNAL_STATE_LABEL).filter((k) => JOURNAL_STATE_LABEL[k] === label);
  return same.length > 0 ? same : [stored];
};

/** One filter option per label, in Spanish alphabetical order; the value is one stored value under it. */
export const JOURNAL_STATE_OPTIONS: readonly { value: string; label: string }[] = [...new Map(Object.entries(JOURNAL_STATE_LABEL).map(([value, label]) => [label, value])).entries()]
  .map(([label, value]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'es'));
