import { z } from 'zod';

/**
 * OTP and key policy for the customer's digital channels, as configuration. Defaults come from the channels
 * described in the seeds: a 6-digit verification code valid 2 minutes (seed 001, paso 8); a 4-digit temporary key
 * to be replaced within 24 hours, and 4-digit login and transactional keys that must differ (seed 004, pasos 5, 10
 * and 12). The teller never sees any of these values: Caja only shows the policy to explain it to the customer.
 */
export const SecurityCodePolicySchema = z.object({
  verificationCode: z
    .object({
      digits: z.number().int().min(4, { message: 'El código debe tener al menos 4 dígitos' }).max(8).default(6),
      validitySeconds: z.number().int().min(30).max(900, { message: 'Vigencia máxima del código: 15 minutos' }).default(120),
    })
    .prefault({}),
  temporaryKey: z
    .object({
      digits: z.number().int().min(4).max(8).default(4),
      validityHours: z.number().int().min(1).max(72, { message: 'Vigencia máxima de la clave temporal: 72 horas' }).default(24),
    })
    .prefault({}),
  keys: z
    .object({
      digits: z.number().int().min(4).max(8).default(4),
      // Not configurable: seed 004 (paso 12) requires the transactional key to differ from the login key.
      loginDiffersFromTransactional: z.literal(true, { message: 'La clave transaccional siempre debe ser distinta de la de ingreso' }).default(true),
    })
    .prefault({}),
});
export type SecurityCodePolicy = z.infer<typeof SecurityCodePolicySchema>;

export const DEFAULT_SECURITY_CODE_POLICY: SecurityCodePolicy = SecurityCodePolicySchema.parse({});

export type KeyErrorCode = 'KEY_FORMAT' | 'KEY_CONFIRMATION' | 'KEY_SAME_AS_LOGIN';
export type KeyCheck = { ok: true } | { ok: false; error: { code: KeyErrorCode; field: 'login' | 'transactional'; message: string } };

export interface NewKeys {
  readonly login: string;
  readonly loginConfirmation: string;
  readonly transactional: string;
  readonly transactionalConfirmation: string;
}

/** Checks a new key pair as the channel would; used by the customer-facing PIN pad, never shown to the teller. */
export const checkNewKeys = (keys: NewKeys, policy: SecurityCodePolicy = DEFAULT_SECURITY_CODE_POLICY): KeyCheck => {
  const shape = new RegExp(`^\\d{${policy.keys.digits}}$`);
  for (const field of ['login', 'transactional'] as const) {
    if (!shape.test(keys[field])) {
      return { ok: false, error: { code: 'KEY_FORMAT', field, message: `La clave debe tener ${policy.keys.digits} dígitos.` } };
    }
    if (keys[field] !== keys[`${field}Confirmation`]) {
      return { ok: false, error: { code: 'KEY_CONFIRMATION', field, message: 'La confirmación no coincide con la clave. Digítela de nuevo.' } };
    }
  }
  if (keys.login === keys.transactional) {
    return {
      ok: false,
      error: {
        code: 'KEY_SAME_AS_LOGIN',
        field: 'transactional',
        message: 'La clave transaccional debe ser distinta de la clave de ingreso. Escoja otra clave.',
      },
    };
  }
  return { ok: true };
};

export type CodeKind = 'verificationCode' | 'temporaryKey';

/** Validity in milliseconds of a code of the given kind. */
export const codeValidityMs = (kind: CodeKind, policy: SecurityCodePolicy = DEFAULT_SECURITY_CODE_POLICY): number =>
  kind === 'verificationCode' ? policy.verificationCode.validitySeconds * 1000 : policy.temporaryKey.validityHours * 3_600_000;

/** Issued at `issuedAt` (ISO), still usable at `now` (ISO)? The expiry instant itself is already too late. */
export const isCodeValid = (
  kind: CodeKind,
  issuedAt: string,
  now: string,
  policy: SecurityCodePolicy = DEFAULT_SECURITY_CODE_POLICY,
): boolean => {
  const elapsed = Date.parse(now) - Date.parse(issuedAt);
  return elapsed >= 0 && elapsed < codeValidityMs(kind, policy);
};
