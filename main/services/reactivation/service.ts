import { approvalReason } from '../../../domain/approval/reasons';
import type { Account } from '../../../domain/accounts/account';
import { formatReceiptDate } from '../../../domain/calendar/bogota-time';
import type { User } from '../../../domain/contract/session';
import { samePerson } from '../../../domain/accounts/person';
import { maskDocument } from '../../../domain/identity/document';
import { type ReactivationDecision, type ReactivationRequest, authorizeReactivation } from '../../../domain/reactivation/authorize';
import { reactivationPresenters } from '../../../domain/reactivation/presenters';
import { maskAccount } from '../../../domain/receipt/build-common';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import type { RulesConfig } from '../../../domain/rules-config/config';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { inTransaction, type Db } from '../../store/db';
import { reactivationRepo } from '../../store/reactivation/repo';
import type { UsersRepo } from '../../store/users/repo';
import { requireAccount, type AccountSource } from '../accounts/source';
import { approvalSubject } from '../approval/subject';
import type { ReportPrinter } from '../arqueo/service';
import type { OutboxPort, Workstation } from '../comprobante/deps';
import { refused } from '../comprobante/errors';
import { sequenceOf, verificationCodeOf } from '../comprobante/posting';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import type { SupervisedRequests } from '../supervisor/requests';

export interface ReactivationDeps {
  db: Db;
  accounts: AccountSource;
  users: UsersRepo;
  journal: Journal;
  outbox: OutboxPort;
  requests: SupervisedRequests;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  workstation: Workstation;
  rules: RulesConfig;
  printer: ReportPrinter | null;
  onChange: () => void;
}

const HOW = { presencial: 'Presencial', escrita: 'Autorización escrita del representante legal' } as const;

/**
 * Reactivation of an inactive account at the office without moving money (seed 003 cl. 7.1): who may ask is
 * domain/reactivation's; a supervisor approves at this workstation; the journal entry, the operation for central
 * and the constancia commit together. A withdrawal or transfer can still reactivate on its own (with its debit).
 */
export const createReactivationService = (deps: ReactivationDeps) => {
  const ws = deps.workstation;
  const name = (id: string) => deps.users.findById(id)?.displayName ?? id;
  const constancias = reactivationRepo(deps.db);
  const decide = (req: ReactivationRequest): { account: Account; decision: ReactivationDecision } => {
    const { account } = requireAccount(deps.accounts, req.accountNumber);
    const decision = authorizeReactivation(account, req, bogotaDate(deps.clock.now()), deps.rules);
    if (decision.errors.length > 0) throw refused(decision.errors);
    return { account, decision };
  };
  // The approval covers this account, these people and this letter: a changed request needs a new one.
  const subjectOf = (req: ReactivationRequest) => approvalSubject('reactivation', req);
  const signer = (account: Account, req: ReactivationRequest) => {
    const letter = req.writtenAuthorization;
    if (!letter) return null;
    const rep = account.legalRepresentatives.find((p) => samePerson(p.id, letter.signedBy));
    return { name: rep?.name ?? maskDocument(letter.signedBy), on: formatReceiptDate(letter.signedOn) };
  };
  const how = (account: Account, req: ReactivationRequest, d: ReactivationDecision) => {
    const s = signer(account, req);
    return d.authorizedBy === 'escrita' && s ? `${HOW.escrita} (${s.name}, carta del ${s.on})` : HOW.presencial;
  };

  return {
    check: (req: ReactivationRequest) => {
      const { account, decision } = decide(req);
      return {
        account: {
          number: account.number,
          holderName: account.holders.map((h) => h.name).join(', '),
          owner: account.owner,
          state: account.state,
          legalRepresentatives: account.legalRepresentatives,
        },
        authorizedBy: decision.authorizedBy,
        approvalReasons: decision.approvalReasons,
        notices: decision.notices,
      };
    },

    request: (user: User, req: ReactivationRequest) => {
      const { account, decision } = decide(req);
      const rec = inTransaction(deps.db, () =>
        deps.requests.open(user, {
          kind: 'reactivation',
          reason: approvalReason('INACTIVE_REACTIVATION', `${how(account, req, decision)}.`),
          subject: subjectOf(req),
          summary: `Reactivación de la cuenta ${maskAccount(account.number)}`,
          amount: null,
          context: {
            Cuenta: account.number,
            Titular: account.holders.map((h) => h.name).join(', '),
            Estado: account.state,
            'Última transacción del cliente': account.lastCustomerMovementOn ? formatReceiptDate(account.lastCustomerMovementOn) : 'Ninguna',
            Presentes: reactivationPresenters(account, req.presenters),
            Forma: how(account, req, decision),
          },
        }),
      );
      deps.requests.announce(rec, name(user.id));
      return { approvalId: rec.request.id, status: rec.request.status };
    },

    /**
     * Inicio: the reactivations a supervisor rejected at a desk (here or at another workstation, taken in from central
     * first) since the teller asked, each listed until Inicio says it showed it. One rejected over the teller's
     * shoulder, or read on the waiting screen, was told there (supervisor `request`, requests `decide`).
     */
    rejections: async (user: User) => {
      await deps.requests.reconcile();
      const reactivations = deps.requests.rejectedFor('reactivation', user.id).map((rec) => {
        const checker = rec.request.checkerId;
        return { id: rec.request.id, summary: rec.summary, rejectedBy: checker ? name(checker) : '—', note: rec.request.note ?? null };
      });
      return { reactivations };
    },

    /** Inicio showed these rejections: told. Only the teller's own rejected reactivations; anything else is ignored. */
    rejectionsShown: (user: User, ids: readonly string[]) => {
      let told = 0;
      for (const id of new Set(ids)) {
        const rec = deps.requests.find(id);
        if (rec?.kind === 'reactivation' && rec.request.makerId === user.id && deps.requests.told(id)) told++;
      }
      return { told };
    },

    post: async (user: User, req: { idempotencyKey: string; request: ReactivationRequest; approvalId: string }) => {
      const result = deps.idempotent('reactivation.post', req.idempotencyKey, req, () => {
        const { account, decision } = decide(req.request);
        const approval = deps.requests.consume(req.approvalId, { kind: 'reactivation', subject: subjectOf(req.request), makerId: user.id });
        const at = deps.clock.now().toISOString();
        const s = signer(account, req.request);
        deps.outbox.enqueue({
          key: deps.ids.uuid(), branch: ws.branchCode, workstation: ws.id, occurredAt: at, type: 'account_reactivation', account: account.number,
          payload: { reactivation: { approvalId: approval.request.id }, authorizedBy: decision.authorizedBy },
        });
        // Its own gapless per-till sequence, as comprobantes have, read inside this transaction (auditors look for holes);
        // journaled so the journal can reprint it and find it by this number.
        const n = constancias.nextNumber(ws.tillCode);
        const document = `RA-${sequenceOf(ws.branchCode, ws.tillCode, n)}`;
        const j = deps.journal.record('account_reactivation', user.id, {
          account: account.number,
          document,
          state: 'reactivada',
          approvalId: approval.request.id,
          checkerId: approval.request.checkerId ?? null,
          authorizedBy: decision.authorizedBy,
          presenters: req.request.presenters.map(maskDocument),
          ...(req.request.writtenAuthorization ? { letterSignedBy: maskDocument(req.request.writtenAuthorization.signedBy), letterSignedOn: req.request.writtenAuthorization.signedOn } : {}),
        });
        constancias.insert({ tillCode: ws.tillCode, n, document, account: account.number, approvalId: approval.request.id, journalSequence: j.sequence, postedAt: at });
        const receipt: ReceiptDocument = {
          sequence: document,
          title: 'CONSTANCIA DE REACTIVACIÓN DE CUENTA',
          branch: { code: ws.branchCode, name: ws.branchName },
          till: ws.tillCode,
          teller: name(user.id),
          postedAt: at,
          lines: [
            { kind: 'field', label: 'Cuenta', value: maskAccount(account.number) },
            { kind: 'field', label: 'Titular', value: account.holders.map((h) => h.name).join(', ') },
            { kind: 'field', label: 'Forma', value: decision.authorizedBy === 'escrita' ? 'Autorización escrita' : 'Presencial' },
            ...(s ? [{ kind: 'field' as const, label: 'Autorizó', value: `${s.name}, carta del ${s.on}` }] : []),
            { kind: 'field', label: 'Aprobó', value: approval.request.checkerId ? name(approval.request.checkerId) : '—' },
            { kind: 'rule' },
            { kind: 'text', text: 'La cuenta queda activa desde hoy. Si no registra movimientos en seis meses volverá a quedar inactiva (cláusula 7.1).' },
          ],
          verificationCode: verificationCodeOf(j.hash),
          marks: [],
        };
        // Owed in this transaction: a crash before the printer gets it still shows it at Dispositivos (Reintentar).
        deps.printer?.oweReceipt(receipt, { reference: document, kind: 'constancia' });
        return { receipt, printJobId: null as string | null };
      });
      deps.onChange();
      let printJobId: string | null = null;
      if (deps.printer) printJobId = await deps.printer.printReceipt(result.receipt, { reference: result.receipt.sequence, kind: 'constancia' }).then((r) => r.jobId, () => null);
      return { ...result, printJobId };
    },
  };
};
export type ReactivationService = ReturnType<typeof createReactivationService>;
