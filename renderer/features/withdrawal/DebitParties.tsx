import type { KeyboardEvent } from 'react';
import type { Account } from '../../../domain/accounts/account';
import { type PersonId, samePerson } from '../../../domain/accounts/person';
import type { AccountView } from '../../../domain/contract/accounts';
import { isIsoDate } from '../../../domain/calendar/iso-date';
import { formatDocument } from '../../../domain/identity/document';

/**
 * Who disposes of the funds at the counter (withdrawal, transfer) and the documents they bring, in the shape
 * of domain/withdrawal/authorization.ts: the people present and the issue date of the Certificado de Existencia
 * y Representación Legal (persona jurídica).
 */
export interface DebitPartiesValue {
  present: Record<string, boolean>;
  /** As typed: the core receives it only once it is a real AAAA-MM-DD date. */
  certificate: string;
}

export interface Candidate {
  key: string;
  id: PersonId;
  name: string;
  roles: string[];
}

export const keyOf = (id: PersonId) => `${id.type}:${id.number}`;

/**
 * Everyone who may stand at the counter for the account. A company cannot be present itself, so for a
 * jurídica only its legal representatives and authorized persons are offered; one person with two roles is
 * listed once.
 */
export const candidatesOf = (account: Account): Candidate[] => {
  const groups: [readonly { id: PersonId; name: string }[], string][] =
    account.owner === 'juridica'
      ? [
          [account.legalRepresentatives, 'representante legal'],
          [account.authorized, 'autorizado'],
        ]
      : [
          [account.holders, 'titular'],
          [account.authorized, 'autorizado'],
        ];
  const out: Candidate[] = [];
  for (const [people, role] of groups) {
    for (const p of people) {
      const found = out.find((c) => c.key === keyOf(p.id));
      if (found) found.roles.push(role);
      else out.push({ key: keyOf(p.id), id: p.id, name: p.name, roles: [role] });
    }
  }
  return out;
};

/** A natural person's account starts with its first holder marked (the usual case); a jurídica with nobody. */
export const initialParties = (account: Account): DebitPartiesValue => {
  // A colectiva's holders each withdraw alone: presuming the first would print the wrong name when the other
  // came. An individual's holder is the usual one; a conjunta needs every holder marked anyway.
  const first = account.owner === 'juridica' || account.kind === 'colectiva' ? undefined : account.holders[0];
  return { present: first ? { [keyOf(first.id)]: true } : {}, certificate: '' };
};

/** Who the confirmation says is disposing of the funds, as the teller reads it out: names with their documents. */
export const presentPeople = (account: Account, value: DebitPartiesValue): string =>
  candidatesOf(account)
    .filter((c) => value.present[c.key])
    .map((c) => `${c.name} (${formatDocument(c.id)})`)
    .join(', ');

/** The request fields, or a Spanish message saying what to fix before asking the core. */
export const partiesRequest = (
  account: Account,
  value: DebitPartiesValue,
): { ok: true; presenters: PersonId[]; juridicaCertificateIssuedOn?: string } | { ok: false; message: string } => {
  const people = candidatesOf(account).filter((c) => value.present[c.key]);
  const certificate = value.certificate.trim();
  if (account.owner === 'juridica' && certificate !== '' && !isIsoDate(certificate)) {
    return { ok: false, message: 'Escriba la fecha de expedición del certificado como AAAA-MM-DD (por ejemplo 2026-03-05).' };
  }
  return {
    ok: true,
    presenters: people.map((p) => p.id),
    ...(account.owner === 'juridica' && certificate !== '' ? { juridicaCertificateIssuedOn: certificate } : {}),
  };
};

/** Typing 8 digits is enough: the dashes are put in, so the teller does not leave the number row. */
export const asIsoDate = (text: string): string => {
  const digits = text.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
};

/** The certificate's limit as the core applies it (the bank's configured days, cl. 4 literal c), under its field. */
export const certificateHint = (maxAgeDays: number): string => {
  const limit = maxAgeDays === 0 ? 'Expedido el mismo día' : `Con máximo ${maxAgeDays} ${maxAgeDays === 1 ? 'día' : 'días'} de expedido`;
  return `${limit} (cláusula 4 literal c); la operación de persona jurídica la aprueba el supervisor.`;
};

/**
 * The registered conditions (seed 003 cl. 2.1, 3.5) of each authorized person marked present, so the teller tells
 * the customer before typing an amount or choosing a cheque what the core will refuse.
 */
export const markedConditions = (candidates: readonly Candidate[], present: Record<string, boolean>, conditions: AccountView['authorizedConditions']) =>
  candidates.flatMap((c) => {
    const found = present[c.key] && c.roles.includes('autorizado') ? conditions.find((k) => samePerson(k.person, c.id)) : undefined;
    return found ? [{ key: c.key, name: c.name, text: found.text, expired: found.expired }] : [];
  });

interface Props {
  legend: string;
  account: Account;
  /** From the account's view (the bank's rules): what the certificate hint states. */
  certificateMaxAgeDays: number;
  value: DebitPartiesValue;
  onChange: (v: DebitPartiesValue) => void;
  onEnter?: () => void;
  /** From the account's view: each authorized person's registered conditions, shown once that person is marked. */
  conditions?: AccountView['authorizedConditions'];
}

/**
 * F2 from anywhere on the screen goes to the people present: Space marks or unmarks, Tab moves, Enter reviews. The
 * mouse is never needed to say who stands at the counter. F2 lands on the first person not yet marked: the first
 * holder starts marked, and a teller pressing F2 then Space means to mark someone (an authorized person), not to
 * unmark the holder. With everyone marked (one holder only) it lands on the first, and the hint under the list
 * says who is already marked and that Space unmarks.
 */
export const focusPresentersOnF2 = (e: KeyboardEvent<HTMLElement>, editing: boolean) => {
  if (e.key !== 'F2' || !editing) return;
  const boxes = [...e.currentTarget.querySelectorAll<HTMLInputElement>('[data-testid="presenters"] input[type="checkbox"]')];
  const target = boxes.find((b) => !b.checked) ?? boxes[0];
  if (!target) return;
  e.preventDefault();
  target.focus();
};

/** Under the list: who is marked already (the first holder starts marked) and what the keys do. */
export const presentersHint = (candidates: readonly Candidate[], present: Record<string, boolean>): string => {
  const marked = candidates.filter((c) => present[c.key]).map((c) => `${c.name} (${c.roles.join(', ')})`);
  return `${marked.length > 0 ? `Marcado: ${marked.join(', ')}. ` : ''}Espacio marca o desmarca; Tab pasa a la siguiente persona; Enter revisa.`;
};

export const DebitParties = ({ legend, account, certificateMaxAgeDays, value, onChange, onEnter, conditions = [] }: Props) => {
  const juridica = account.owner === 'juridica';
  const candidates = candidatesOf(account);
  return (
    <>
      <fieldset className="field" data-testid="presenters">
        <legend>{legend} (F2)</legend>
        {candidates.map((c) => (
          <label key={c.key}>
            <input
              type="checkbox"
              checked={value.present[c.key] ?? false}
              onChange={(e) => onChange({ ...value, present: { ...value.present, [c.key]: e.target.checked } })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && onEnter) {
                  e.preventDefault();
                  onEnter();
                }
              }}
            />{' '}
            {c.name} (
            {formatDocument(c.id)}) — {c.roles.join(', ')}
          </label>
        ))}
        <p className="muted" data-testid="presenters-hint">
          {presentersHint(candidates, value.present)}
        </p>
        {markedConditions(candidates, value.present, conditions).map(({ key, name, text, expired }) => (
          <p key={key} className={expired ? 'field-error' : 'notice'} data-testid="authorized-conditions">
            {name}: {text}
          </p>
        ))}
      </fieldset>
      {juridica ? (
        <div className="field">
          <label htmlFor="juridica-certificate">Fecha de expedición del Certificado de Existencia y Representación Legal (AAAA-MM-DD)</label>
          <input
            id="juridica-certificate"
            inputMode="numeric"
            autoComplete="off"
            placeholder="AAAA-MM-DD"
            value={value.certificate}
            maxLength={10}
            onChange={(e) => onChange({ ...value, certificate: asIsoDate(e.target.value) })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && onEnter) {
                e.preventDefault();
                onEnter();
              }
            }}
          />
          <p className="muted">{certificateHint(certificateMaxAgeDays)}</p>
        </div>
      ) : null}
      {account.state === 'inactiva' ? (
        <p className="notice" data-testid="inactive-notice">
          La cuenta está inactiva: esta operación la reactiva con aprobación del supervisor (cláusula 7.1). Para reactivarla sin mover dinero, use Reactivación de cuenta (A) en el menú.
        </p>
      ) : null}
    </>
  );
};
