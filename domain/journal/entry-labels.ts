import type { JournalEntryType } from './entry';

/** What each journal event is called on screen; a Record so a new event type cannot ship without its name. */
export const JOURNAL_ENTRY_LABEL: Record<JournalEntryType, string> = {
  login: 'Ingreso',
  login_failed: 'Ingreso fallido',
  user_locked_out: 'Usuario bloqueado',
  user_unlocked: 'Usuario desbloqueado',
  user_lockout_lapsed: 'Bloqueo de usuario vencido',
  // A supervisor's wrong password (or unknown username) in an approval or in freeing a user: not a log-in.
  approval_failed: 'Aprobación de supervisor fallida',
  logout: 'Salida',
  session_lock: 'Bloqueo de sesión',
  session_unlock: 'Desbloqueo de sesión',
  till_open: 'Apertura de caja',
  till_close: 'Cierre de caja',
  cash_count: 'Arqueo',
  vault_transfer: 'Movimiento con bóveda',
  drawer_open: 'Apertura del cajón',
  comprobante: 'Comprobante',
  comprobante_abandoned: 'Comprobante pendiente abandonado',
  approval: 'Aprobación de supervisor',
  reversal: 'Reverso',
  account_reactivation: 'Reactivación de cuenta',
  print: 'Impresión',
  reprint: 'Reimpresión',
  device_error: 'Falla de dispositivo',
  contact_update: 'Actualización de datos de contacto',
  security_code_request: 'Solicitud de código de seguridad',
  biometric_check: 'Validación biométrica',
  chain_anchor: 'Anclaje del diario en central',
  pending_charge_difference: 'Cargo pendiente pagado distinto de lo impreso',
};

/** The label of a type as stored; a type this build does not know (a newer workstation's) is shown as is. */
export const journalEntryLabel = (type: string): string => (JOURNAL_ENTRY_LABEL as Record<string, string>)[type] ?? type;

// Postings share one entry type; the teller looks for them by what they were.
const COMPROBANTE_KIND: Readonly<Record<string, string>> = { deposito: 'Consignación', retiro: 'Retiro', traslado: 'Traslado' };

/** The Tipo column: a posting says which comprobante it was ("Comprobante · Retiro"); other entries their label. */
export const journalEntryTitle = (type: string, payload: Readonly<Record<string, unknown>>): string => {
  const kind = type === 'comprobante' && typeof payload.kind === 'string' ? COMPROBANTE_KIND[payload.kind] : undefined;
  return kind ? `${journalEntryLabel(type)} · ${kind}` : journalEntryLabel(type);
};
