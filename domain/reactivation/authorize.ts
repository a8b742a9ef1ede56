import { z } from 'zod';
import { type Account, AccountNumberSchema } from '../accounts/account';
import { isInactiveAccount } from '../accounts/activity';
import { type PersonId, PersonIdSchema, includesPerson, namesOf } from '../accounts/person';
import { type ApprovalReason, approvalReason } from '../approval/reasons';
import { type IsoDate, IsoDateSchema, daysBetween } from '../calendar/iso-date';
import type { RulesConfig } from '../rules-config/config';
import { type DomainError, domainError } from '../rules-config/result';

/**
 * Seed 003 cl. 7.1: a persona jurídica reactivates with the registered legal representative in person or with
 * their written authorization, which anyone identified may bring to the office (the company's messenger).
 */
export const WrittenAuthorizationSchema = z.object({
  /** The registered legal representative who signed the letter. */
  signedBy: PersonIdSchema,
  /** The letter's date. */
  signedOn: IsoDateSchema,
});
export type WrittenAuthorization = z.output<typeof WrittenAuthorizationSchema>;

/** Reactivation of an inactive account at the office, without a movement (seed 003 cl. 7.1). */
export const ReactivationRequestSchema = z.object({
  accountNumber: AccountNumberSchema,
  /** Everyone present, each identified by document. */
  presenters: z.array(PersonIdSchema).min(1, { message: 'Identifique a quien solicita la reactivación' }),
  writtenAuthorization: WrittenAuthorizationSchema.nullable().default(null),
});
export type ReactivationRequest = z.output<typeof ReactivationRequestSchema>;
export type ReactivationRequestInput = z.input<typeof ReactivationRequestSchema>;

export interface ReactivationDecision {
  readonly errors: DomainError[];
  readonly approvalReasons: ApprovalReason[];
  readonly notices: string[];
  /** How the customer's will to reactivate was shown: in person, or by the representative's letter. */
  readonly authorizedBy: 'presencial' | 'escrita';
}

/** Who may reactivate the account at the office and with what (seed 003 cl. 2.6, 7.1, 7.2, 7.3). */
export const authorizeReactivation = (account: Account, req: ReactivationRequest, on: IsoDate, rules: RulesConfig): ReactivationDecision => {
  const errors: DomainError[] = [];
  const notices: string[] = [];
  let authorizedBy: ReactivationDecision['authorizedBy'] = 'presencial';

  if (account.state === 'cancelada') errors.push(domainError('ACCOUNT_CANCELLED', 'La cuenta está cancelada: no se puede reactivar (cláusula 7.3). Si el cliente desea una cuenta, remítalo a apertura de productos.'));
  else if (account.state === 'bloqueada') errors.push(domainError('ACCOUNT_BLOCKED', 'La cuenta está bloqueada por orden de autoridad o por la entidad; reactivarla no levanta el bloqueo (cláusula 7.2). Remita al cliente al director de la oficina.'));
  else if (!isInactiveAccount(account, on, rules.inactivityMonths)) {
    errors.push(domainError('ACCOUNT_NOT_INACTIVE', 'La cuenta no está inactiva: no necesita reactivación. Atienda la operación del cliente directamente.'));
  }

  const present = (list: readonly { id: PersonId }[]) => req.presenters.some((p) => includesPerson(list, p));
  if (account.owner === 'juridica') {
    const letter = req.writtenAuthorization;
    if (present(account.legalRepresentatives)) {
      // In person: the letter, if any was also brought, is not needed.
    } else if (letter === null) {
      errors.push(
        domainError(
          'REACTIVATION_AUTHORIZATION_REQUIRED',
          `Para reactivar la cuenta de una persona jurídica debe presentarse el representante legal registrado (${namesOf(account.legalRepresentatives)}) o traerse su autorización escrita (cláusula 7.1).`,
        ),
      );
    } else {
      authorizedBy = 'escrita';
      if (!includesPerson(account.legalRepresentatives, letter.signedBy)) {
        errors.push(domainError('AUTHORIZATION_SIGNER_NOT_REPRESENTATIVE', `Quien firma la autorización no es representante legal registrado de la empresa. Solo la firma de ${namesOf(account.legalRepresentatives)} autoriza la reactivación (cláusula 7.1).`));
      }
      const age = daysBetween(letter.signedOn, on);
      if (age < 0) errors.push(domainError('AUTHORIZATION_DATE_INVALID', 'La fecha de la autorización escrita es posterior a hoy. Revise la fecha de la carta.'));
      else if (age > rules.juridicaCertificateMaxAgeDays) {
        errors.push(
          domainError('AUTHORIZATION_TOO_OLD', `La autorización escrita tiene ${age} días; se acepta con máximo ${rules.juridicaCertificateMaxAgeDays} días, como el certificado de existencia. Pida una carta reciente.`, { ageDays: age }),
        );
      }
    }
  } else if (!present(account.holders)) {
    // A reactivation is the holder's act on the product (cl. 7.1): an authorized person may withdraw, not reactivate.
    errors.push(domainError('HOLDER_REQUIRED', `Solo un titular de la cuenta puede reactivarla en la oficina (${namesOf(account.holders)}) (cláusula 7.1).`));
  }

  notices.push('Al reactivar, actualice los datos del cliente (cláusula 2.6).');
  return { errors, approvalReasons: [approvalReason('INACTIVE_REACTIVATION')], notices, authorizedBy };
};
