import type { Account } from '../accounts/account';
import { isInactiveAccount } from '../accounts/activity';
import { type PersonId, includesPerson, namesOf } from '../accounts/person';
import { type ApprovalReason, approvalReason } from '../approval/reasons';
import { type IsoDate, daysBetween } from '../calendar/iso-date';
import type { RulesConfig } from '../rules-config/config';
import { type DomainError, domainError } from '../rules-config/result';
import { type AuthorizedDebit, mandateErrors } from './authorized-conditions';

/** Who stands at the counter to dispose of funds, and the documents they bring. */
export interface DebitParties {
  /** Documents of the people present, each already identified (document + biometric or manual check). */
  readonly presenters: readonly PersonId[];
  /** Issue date of the Certificado de Existencia y Representación Legal (persona jurídica). */
  readonly juridicaCertificateIssuedOn?: IsoDate | undefined;
  /** What is debited and how it is paid: an authorized person's registered conditions bind it (cl. 3.5). */
  readonly debit?: AuthorizedDebit | undefined;
}

export interface DebitAuthorization {
  readonly errors: DomainError[];
  readonly approvalReasons: ApprovalReason[];
  readonly notices: string[];
  /** The account counts as inactive on this date (state or six months without customer movement). */
  readonly inactive: boolean;
}

/**
 * Whether the people present may dispose of the account's funds at the office (withdrawal or transfer):
 * seed 003 cl. 2.1, 2.4, 2.7, 3.5, 4 (literal c), 4.4.3, 7.1 and 7.2.
 */
export const authorizeDebit = (account: Account, parties: DebitParties, on: IsoDate, rules: RulesConfig): DebitAuthorization => {
  const errors: DomainError[] = [];
  const approvals: ApprovalReason[] = [];
  const notices: string[] = [];

  if (account.state === 'cancelada') errors.push(domainError('ACCOUNT_CANCELLED', 'La cuenta está cancelada: no admite retiros ni traslados. Informe al cliente que los saldos se entregan por el proceso de cancelación (cláusula 7.3).'));
  if (account.state === 'bloqueada') errors.push(domainError('ACCOUNT_BLOCKED', 'La cuenta está bloqueada por orden de autoridad o por la entidad: no se puede disponer de los fondos (cláusula 7.2). Remita al cliente al director de la oficina.'));

  const present = parties.presenters;
  if (present.length === 0) {
    errors.push(domainError('IDENTIFICATION_REQUIRED', 'Identifique con documento a quien retira antes de continuar (cláusula 4 literal c).'));
  } else if (account.owner === 'juridica') {
    // Cl. 2.7 and 4(c): the legal representative, with a certificate at most 30 days old, as an exception.
    if (!present.some((p) => includesPerson(account.legalRepresentatives, p))) {
      errors.push(domainError('LEGAL_REPRESENTATIVE_REQUIRED', `Para cuentas de persona jurídica debe presentarse el representante legal registrado (${namesOf(account.legalRepresentatives)}) (cláusulas 2.7 y 4 literal c).`));
    }
    const cert = parties.juridicaCertificateIssuedOn;
    if (cert === undefined) {
      errors.push(domainError('CERTIFICATE_REQUIRED', 'Solicite el Certificado de Existencia y Representación Legal y registre su fecha de expedición (cláusula 4 literal c).'));
    } else {
      const age = daysBetween(cert, on);
      if (age < 0) errors.push(domainError('CERTIFICATE_DATE_INVALID', 'La fecha de expedición del certificado es posterior a hoy. Revise la fecha.'));
      else if (age > rules.juridicaCertificateMaxAgeDays) {
        errors.push(domainError('CERTIFICATE_TOO_OLD', `El certificado de existencia tiene ${age} días; se acepta con máximo ${rules.juridicaCertificateMaxAgeDays} días de expedido. Pida uno reciente (cláusula 4 literal c).`, { ageDays: age }));
      }
    }
    approvals.push(approvalReason('JURIDICA_WITHDRAWAL'));
  } else if (account.kind === 'conjunta') {
    // Cl. 2.4.3 and 4.4.3: every holder's signature is indispensable ("y").
    const missing = account.holders.filter((h) => !present.some((p) => includesPerson([h], p)));
    if (missing.length > 0) {
      errors.push(domainError('ALL_HOLDERS_REQUIRED', `La cuenta es conjunta: deben presentarse y firmar todos los titulares. Faltan: ${namesOf(missing)} (cláusula 2.4.3).`, { missing: missing.map((m) => m.id) }));
    }
  } else {
    // Cl. 4: paid only to the holder or a person authorized by the holder, and the latter only within the
    // conditions the holders registered (cl. 2.1, 3.5); central checks the same on its own copy.
    errors.push(...mandateErrors(account, present, on, parties.debit));
  }

  const inactive = isInactiveAccount(account, on, rules.inactivityMonths);
  if (inactive && account.state !== 'cancelada') {
    // Cl. 7.1: debits restricted until reactivated at an office. A jurídica's debit already needs its legal
    // representative in person (above), which is also the reactivation's authorization; the written one serves
    // a reactivation without a debit (domain/reactivation).
    approvals.push(approvalReason('INACTIVE_REACTIVATION'));
    notices.push('La cuenta está inactiva: al aprobar la reactivación, actualice los datos del cliente (cláusulas 2.6 y 7.1).');
  }
  if (account.holders.some((h) => h.id.type === 'TI')) notices.push('Un titular es menor de edad (TI): verifique la representación legal según la política de la entidad.');
  return { errors, approvalReasons: approvals, notices, inactive };
};
