import type { Account } from '../accounts/account';
import { shortApprovalId } from '../approval/request';
import { nameOn, type PersonId, samePerson } from '../accounts/person';
import { maskDocument } from '../identity/document';
import type { ReceiptDocument, ReceiptLine } from './document';

/** What every Comprobante Único receipt carries besides its lines (domain-co §8 item 5, §10 header). */
export interface ReceiptHeader {
  readonly sequence: string;
  readonly branch: { readonly code: string; readonly name: string };
  readonly till: string;
  readonly teller: string;
  /** ISO date-time of posting, from the service's clock. */
  readonly postedAt: string;
  /** Computed by the core (journal hash or similar) and passed in; the domain never invents it. */
  readonly verificationCode: string;
  readonly marks?: readonly string[];
}

/** Customer copies show only the last four digits (domain-co §8: account number + name is confidential). */
export const maskAccount = (number: string): string => `****${number.slice(-4)}`;


export const approvalLines = (approvalIds: readonly string[]): ReceiptLine[] =>
  approvalIds.length === 0 ? [] : [{ kind: 'field', label: 'Autorización', value: approvalIds.map(shortApprovalId).join(', ') }];

/**
 * The people who took the money in the order the papers name them: holders first (the account's own, in its order),
 * then the legal representatives and the authorized persons as the teller marked them. The confirmation, the receipt
 * and the journal read the same list, so none names someone another leaves out.
 */
export const holdersFirst = (account: Account, presenters: readonly PersonId[]): PersonId[] => [
  ...presenters.filter((p) => account.holders.some((h) => samePerson(h.id, p))),
  ...presenters.filter((p) => !account.holders.some((h) => samePerson(h.id, p))),
];

/**
 * Who disposed of the funds when the holders line does not say it: one holder of several (a colectiva), an
 * authorized person, a company's legal representative. The receipt names them and the capacity they acted in,
 * as the teller checked it.
 */
export const presenterLines = (account: Account, presenters: readonly PersonId[], label: string): ReceiptLine[] => {
  const others = presenters.filter((x) => !account.holders.some((h) => samePerson(h.id, x)));
  // On a colectiva any one holder disposes alone, so the receipt says which (or that both came); a conjunta's
  // are always all of them, and an individual's is its one holder. Once anyone else is named as taking the money,
  // the holders present are named too, first: a line naming only the others would say the holder took nothing.
  const holders = account.holders.filter((h) => presenters.some((p) => samePerson(h.id, p)));
  const nameHolders = account.kind === 'colectiva' || holders.length < account.holders.length || others.length > 0;
  const named = nameHolders ? holders.map((h) => `${h.name} (titular)`) : [];
  for (const p of others) {
    const rep = account.legalRepresentatives.find((r) => samePerson(r.id, p));
    const auth = account.authorized.find((a) => samePerson(a.id, p));
    named.push(`${(rep ?? auth)?.name ?? `${p.type} ${p.number}`} (${rep ? 'representante legal' : 'autorizado'})`);
  }
  return named.length === 0 ? [] : [{ kind: 'field', label, value: named.join(' / ') }];
};

/**
 * Where each person who disposed of the funds signs: the teller hands the receipt over for signing, and the
 * paper must say whose signature it is. The document is masked as the third-party depositor's is on a deposit.
 */
export const signatureLines = (account: Account, presenters: readonly PersonId[]): ReceiptLine[] =>
  holdersFirst(account, presenters).flatMap((p): ReceiptLine[] => [
    { kind: 'text', text: '' },
    { kind: 'text', text: 'Firma: ________________________' },
    { kind: 'field', label: 'Nombre', value: nameOn([...account.holders, ...account.authorized, ...account.legalRepresentatives], p) },
    { kind: 'field', label: 'Documento', value: maskDocument(p) },
  ]);

export const assemble = (header: ReceiptHeader, title: string, lines: ReceiptLine[], amountInWords: string): ReceiptDocument => ({
  sequence: header.sequence,
  title,
  branch: { code: header.branch.code, name: header.branch.name },
  till: header.till,
  teller: header.teller,
  postedAt: header.postedAt,
  lines,
  verificationCode: header.verificationCode,
  amountInWords,
  marks: [...(header.marks ?? [])],
});
