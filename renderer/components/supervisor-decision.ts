import type { KeyboardEvent } from 'react';

/**
 * The supervisor's credentials and note, checked before a decision is sent and after it is refused. Without
 * this, a rejection without its note cleared the password, and the next F4 went out with an empty one and came
 * back as a technical error.
 */
export type DecisionField = 'username' | 'password' | 'note';

export const missingForDecision = (
  f: { username: string; password: string; note: string },
  decision: 'aprobar' | 'rechazar',
): { field: DecisionField; message: string } | null => {
  if (f.username.trim() === '') return { field: 'username', message: 'Escriba el usuario del supervisor.' };
  if (f.password === '') return { field: 'password', message: 'Escriba la contraseña del supervisor.' };
  if (decision === 'rechazar' && f.note.trim() === '') return { field: 'note', message: 'Escriba el motivo del rechazo para informar al cajero.' };
  return null;
};

const CREDENTIAL_ERRORS = new Set(['INVALID_CREDENTIALS', 'USER_LOCKED_OUT', 'NOT_A_SUPERVISOR', 'MAKER_IS_CHECKER']);

/**
 * A refusal about who signed drops the password typed; any other keeps it, and the focus goes to what to fix.
 * `select`: the user typed is the wrong one (the teller's own, not a supervisor, locked out), so its text is
 * selected and the supervisor's user typed over it; with the cursor left at its end "cajero1" became
 * "cajero1supervisor1".
 */
export const afterRefusal = (code: string): { clearPassword: boolean; field: DecisionField; select: boolean } =>
  code === 'APPROVAL_NOTE_REQUIRED'
    ? { clearPassword: false, field: 'note', select: false }
    : CREDENTIAL_ERRORS.has(code)
      ? code === 'INVALID_CREDENTIALS'
        ? { clearPassword: true, field: 'password', select: false }
        : { clearPassword: true, field: 'username', select: true }
      : { clearPassword: false, field: 'username', select: false };

/** Every approval form moves to the field to fix the same way after a refusal (see afterRefusal). */
export const focusAfterRefusal = (input: HTMLInputElement | null | undefined, select: boolean) => {
  input?.focus();
  if (select) input?.select();
};

/**
 * Who approved, as the teller reads it once the step that waited on the supervisor moved on; `atDesk` when it was
 * decided at another workstation's desk (over the shoulder the teller saw who typed, but not a desk's decision).
 */
export const approvedBySupervisor = (checkerName: string | null, atDesk: boolean): string =>
  `Aprobado por el supervisor ${checkerName ?? ''}${atDesk ? ' desde su escritorio' : ''}`;

/**
 * F4 rejects wherever a supervisor decides (the visación dialog, the desk's review, a till request's form), as the
 * Rechazar button says: at the desk and on the till's forms it had no key, and the supervisor reached for the mouse.
 */
export const rejectOnF4 = (e: KeyboardEvent<HTMLElement>, reject: () => void) => {
  if (e.key !== 'F4' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  reject();
};
