import type { JournalEntryType } from './entry';

/** What each journal event is called on screen; a Record so a new event type cannot ship without its name. */
export const JOURNAL_ENTRY_LABEL: Record<JournalEntryType, string> = {
  login: 'Ingreso',
  login_failed: 'Ingreso fallido',
  user_locked_out: 'Usuario bloqueado',
  user_unlocked: 'Usuario desbloqueado',
  logout: 'Salida',
  session_lock: 'Bloqueo de sesión',
  session_unlock: 'Desbloqueo de sesión',
  till_open: 'Apertura de caja',
  till_close: 'Cierre de caja',
  cash_count: 'Arqueo',
  vault_transfer: 'Movimiento con bóveda',
  drawer_open: 'Apertura del cajón',
  comprobante: 'Comprobante',
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
};

/** The label of a type as stored; a type this build does not know (a newer workstation's) is shown as is. */
export const journalEntryLabel = (type: string): string => (JOURNAL_ENTRY_LABEL as Record<string, string>)[type] ?? type;
