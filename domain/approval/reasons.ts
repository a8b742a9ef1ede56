import { z } from 'zod';

/**
 * Every rule a supervisor may override. An evaluation lists the reasons it found; the operation posts only
 * when an approval request covering all of them was `aprobada` by someone other than the teller (maker ≠
 * checker, domain-co §8 item 10).
 */
export const APPROVAL_REASON_CODES = [
  'LIMIT_EXCEEDED_DEPOSIT_TRANSACTION',
  'LIMIT_EXCEEDED_DEPOSIT_DAY',
  'LIMIT_EXCEEDED_WITHDRAWAL_COUNT',
  'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT',
  'INACTIVE_REACTIVATION',
  'VISACION',
  'JURIDICA_WITHDRAWAL',
  'BLOCKED_ACCOUNT_DEPOSIT',
  'STRUCTURING_ALERT',
  'TILL_DIFFERENCE',
  'TILL_CASH_LIMIT',
  'REVERSAL',
  'RETURNED_CHEQUE_FEE_WAIVER',
  'IDENTITY_FALLBACK',
  'TILL_REOPEN',
  'TILL_TRANSFER_BLOCK',
] as const;
export const ApprovalReasonCodeSchema = z.enum(APPROVAL_REASON_CODES);
export type ApprovalReasonCode = z.infer<typeof ApprovalReasonCodeSchema>;

/** What the supervisor reads on the approval screen (es-CO) and the clause or reference behind it. */
export const APPROVAL_REASONS: Readonly<Record<ApprovalReasonCode, { readonly description: string; readonly basis: string }>> = {
  LIMIT_EXCEEDED_DEPOSIT_TRANSACTION: { description: 'El efectivo de la consignación supera el tope por transacción.', basis: 'Reglamento de ahorros, cláusulas 3.6 y 3.7' },
  LIMIT_EXCEEDED_DEPOSIT_DAY: { description: 'Con esta consignación el efectivo del día en la cuenta supera el tope diario.', basis: 'Reglamento de ahorros, cláusulas 3.6 y 3.7' },
  LIMIT_EXCEEDED_WITHDRAWAL_COUNT: { description: 'La cuenta superaría el número máximo de retiros del día.', basis: 'Reglamento de ahorros, cláusula 3.12' },
  LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT: { description: 'La cuenta superaría el monto máximo de retiros del día.', basis: 'Reglamento de ahorros, cláusulas 3.12 y 4' },
  INACTIVE_REACTIVATION: { description: 'La cuenta está inactiva: reactivarla requiere aprobación del supervisor.', basis: 'Reglamento de ahorros, cláusula 7.1' },
  VISACION: { description: 'Retiro o traslado por ventanilla que requiere visación del supervisor.', basis: 'Reglamento de ahorros, cláusula 4 literal c' },
  JURIDICA_WITHDRAWAL: { description: 'Retiro o traslado de una persona jurídica con certificado de existencia: caso excepcional que autoriza la entidad.', basis: 'Reglamento de ahorros, cláusula 4 literal c' },
  BLOCKED_ACCOUNT_DEPOSIT: { description: 'Consignación a una cuenta bloqueada.', basis: 'Reglamento de ahorros, cláusulas 3.7 y 7.2' },
  STRUCTURING_ALERT: { description: 'Varias consignaciones en efectivo justo por debajo del umbral de reporte: posible fraccionamiento. No informe al cliente.', basis: 'SARLAFT, EOSF arts. 102-107 (domain-co §2)' },
  TILL_DIFFERENCE: { description: 'El arqueo de la caja no cuadra (faltante o sobrante).', basis: 'Control dual, domain-co §8 punto 10' },
  TILL_CASH_LIMIT: { description: 'El efectivo de la caja supera el límite autorizado.', basis: 'Control dual, domain-co §8 punto 10' },
  REVERSAL: { description: 'Anulación o reverso de una transacción ya registrada.', basis: 'Control dual, domain-co §8 punto 10' },
  RETURNED_CHEQUE_FEE_WAIVER: { description: 'Exoneración de la comisión por cheque devuelto.', basis: 'Reglamento de ahorros, cláusula 4.2 literales d y h' },
  IDENTITY_FALLBACK: { description: 'Retiro sin validación biométrica: verifique el documento original de identidad antes de visar.', basis: 'domain-co §7, paso 4' },
  TILL_REOPEN: { description: 'Reapertura de una caja ya cerrada hoy: los nuevos movimientos se registran aparte, nada del cierre se edita.', basis: 'Control dual, domain-co §8 punto 10' },
  TILL_TRANSFER_BLOCK: {
    description: 'Envíos de efectivo de la caja bloqueados: se rehusaron envíos con piezas que la caja no tiene (posible sondeo del conteo en arqueo ciego). El visto bueno los desbloquea; un arqueo también.',
    basis: 'Arqueo ciego y control dual, domain-co §8 punto 10',
  },
};

/** One reason found by an evaluation, with the specifics the supervisor needs (amounts, limits, dates). */
export const ApprovalReasonSchema = z.object({
  code: ApprovalReasonCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApprovalReason = z.infer<typeof ApprovalReasonSchema>;

export const approvalReason = (code: ApprovalReasonCode, specifics?: string, details?: Record<string, unknown>): ApprovalReason =>
  approvalReasonSaying(code, specifics === undefined ? APPROVAL_REASONS[code].description : `${APPROVAL_REASONS[code].description} ${specifics}`, details);

/**
 * A reason in words of its own, without the description before them: for a reason whose specifics already say what
 * happened, so the supervisor reads it once (QA s37 Q3: a refused consent under "no fue posible" contradicted itself).
 */
export const approvalReasonSaying = (code: ApprovalReasonCode, message: string, details?: Record<string, unknown>): ApprovalReason =>
  details === undefined ? { code, message } : { code, message, details };
