import type { ReceiptDocument } from '../../../domain/receipt/document';
import type { SecurityCodePurpose, SecurityCodeRequest } from '../../../domain/central-api';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import { type FlowPurpose, type FlowView, type OpenFlowRow } from '../../../domain/contract/security-code';
import type { User } from '../../../domain/contract/session';
import type { Finger } from '../../../domain/devices/demo-citizens';
import { maskContactValue, type ContactField, type ContactValue } from '../../../domain/identity/contact';
import { maskDocument, validateDocument, type IdentityDocument } from '../../../domain/identity/document';
import {
  advance,
  initialSecurityCodeState,
  isTerminal,
  MAX_FAILED_CAPTURES,
  sendNowTooSoonMessage,
  verifiedField,
  type Customer,
  type SecurityCodeEvent,
  type SecurityCodeState,
} from '../../../domain/security-code';
import { AppError } from '../../core/errors';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate, bogotaDayStart, startOfBogotaDay } from '../../../domain/calendar/bogota-time';
import { inTransaction, type Db } from '../../store/db';
import type { IdentityRepo } from '../../store/identity/repo';
import type { FlowRecord, SecurityCodeRepo } from '../../store/security-code/repo';
import type { CentralClient } from '../../sync/central-client';
import type { CustomerDirectory } from '../identity/directory';
import type { Journal } from '../journal/writer';
import { buildConstancia } from './constancia';
import { openFlowRow } from './open-flows';
import * as central from './central-steps';
import { findExisting, replacedRadicado } from './existing';
import { parsePending, pendingDroppable, type Pending } from './pending';
import { captureAndMatch } from '../fingerprint/match';
import { recordBiometricConsent } from '../fingerprint/consent';
import { biometricConsentRepo } from '../../store/fingerprint/consents';
import type { FingerprintReader } from '../fingerprint/reader';
import type { ConstanciaPrinter } from './ports';
import { flowView } from './view';

export interface SecurityCodeServiceDeps {
  db: Db;
  flows: SecurityCodeRepo;
  contacts: IdentityRepo;
  directory: CustomerDirectory;
  journal: Journal;
  clock: Clock;
  ids: Ids;
  central: Pick<CentralClient, 'call'> | null;
  reader: FingerprintReader | null;
  printer: ConstanciaPrinter | null;
  users: { findById(id: string): { displayName: string } | undefined };
  workstation: { id: string; branchCode: string; branchName: string; tillCode: string };
  /** What central sends, from workstation config: temporary keys valid 24 h (seed 004) or a 6-digit code valid 2 min (seed 001). */
  codePurpose: SecurityCodePurpose;
  captureTimeoutMs?: number;
}

type DocType = central.ContactPayload['documentType'];

/** Central's payload fields for the new value of the verified field and how it was validated. */
const contactFields = (
  customer: Customer,
  next: ContactValue,
  validation: { previous: ContactValue } | { fingerprintTransactionId: string },
): Pick<central.ContactPayload, 'cellphone' | 'email' | 'address' | 'validatedBy' | 'previousCellphone' | 'previousValue' | 'fingerprintTransactionId'> => {
  const { field } = verifiedField(customer);
  const value = { [field]: next } as Pick<central.ContactPayload, 'cellphone' | 'email' | 'address'>;
  if ('fingerprintTransactionId' in validation) return { ...value, validatedBy: 'fingerprint', fingerprintTransactionId: validation.fingerprintTransactionId };
  return field === 'cellphone'
    ? { ...value, validatedBy: 'previous_cellphone', previousCellphone: validation.previous }
    : { ...value, validatedBy: 'previous_value', previousValue: validation.previous };
};

type PendingContact = NonNullable<Pending['contact']>;
const fieldOf = (c: PendingContact): ContactField => c.field ?? 'cellphone';
const valueOf = (c: PendingContact): string => c.value ?? c.payload.cellphone ?? '';

const parseState = (f: FlowRecord): SecurityCodeState => JSON.parse(f.state) as SecurityCodeState;

const notFound = () => new AppError('FLOW_NOT_FOUND', 'No se encontró la solicitud. Inicie una nueva desde el menú.');

export const createSecurityCodeService = (deps: SecurityCodeServiceDeps) => {
  const codePurpose = deps.codePurpose;
  const busy = new Set<string>();
  const nowIso = () => deps.clock.now().toISOString();
  const consents = biometricConsentRepo(deps.db);

  const anotherTeller = (what: string) =>
    new AppError(
      'FLOW_OF_ANOTHER_TELLER',
      what === 'cancelarla'
        ? 'Esta solicitud la inició otro cajero: solo quien la inició o un supervisor puede cancelarla.'
        : `Esta solicitud la inició otro cajero: solo quien la inició puede ${what}. Si quedó abierta, un supervisor puede cancelarla.`,
    );

  /** resume and retry: the flow exists, is still open and belongs to the caller. */
  const ownOpen = (user: User, flowId: string, what: string): FlowRecord => {
    const f = deps.flows.getFlow(flowId);
    if (!f) throw notFound();
    if (f.tellerId !== user.id) throw anotherTeller(what);
    if (isTerminal(parseState(f))) throw new AppError('FLOW_FINISHED', 'Esta solicitud ya terminó. Para otra gestión inicie una nueva solicitud.');
    return f;
  };

  const load = (user: User, flowId: string): FlowRecord => {
    const f = deps.flows.getFlow(flowId);
    // A flow belongs to the teller who started it; another user's id is answered as unknown.
    if (!f || f.tellerId !== user.id) throw notFound();
    return f;
  };

  const view = (flowId: string): FlowView => {
    const f = deps.flows.getFlow(flowId);
    if (!f) throw notFound();
    return flowView(f, parseState(f), deps.flows.requestByFlow(flowId), nowIso());
  };

  /** One action at a time per flow: a double Enter during a capture must not start a second one. */
  const exclusive = async <T>(flowId: string, fn: () => Promise<T>): Promise<T> => {
    if (busy.has(flowId)) throw new AppError('FLOW_BUSY', 'La solicitud está procesando la acción anterior. Espere el resultado.');
    busy.add(flowId);
    try {
      return await fn();
    } finally {
      busy.delete(flowId);
    }
  };

  const save = (flowId: string, patch: Parameters<SecurityCodeRepo['updateFlow']>[2]): FlowRecord => {
    const cur = deps.flows.getFlow(flowId);
    if (!cur) throw notFound();
    return deps.flows.updateFlow(flowId, cur.version, patch, nowIso());
  };

  const transition = (state: SecurityCodeState, event: SecurityCodeEvent): SecurityCodeState => {
    const r = advance(state, event);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, { step: r.error.step });
    return r.value;
  };

  /** Applies an event that needs nothing from central: state, event log (and journal, when given) in one transaction. */
  const commit = (user: User, f: FlowRecord, event: SecurityCodeEvent, next: SecurityCodeState, extra: () => void = () => {}): void =>
    inTransaction(deps.db, () => {
      deps.flows.updateFlow(f.id, f.version, { step: next.step, state: JSON.stringify(next) }, nowIso());
      deps.flows.appendEvent(f.id, nowIso(), user.id, JSON.stringify(event));
      extra();
    });

  const docFields = (d: IdentityDocument) => ({ documentType: d.type, documentNumber: d.number });

  const journalRefusal = (user: User, f: FlowRecord, next: SecurityCodeState): void => {
    if (next.step !== 'refused' && next.step !== 'stopped' && next.step !== 'cancelled') return;
    const customer = 'customer' in next ? next.customer : null;
    deps.journal.record('security_code_request', user.id, {
      flowId: f.id,
      purpose: f.purpose,
      outcome: next.step,
      ...(next.step === 'refused' ? { reason: next.reason } : {}),
      ...(customer ? docFields(customer.document) : {}),
    });
  };

  // ---- completion against central ----------------------------------------------------------------------------

  /** Closes the flow as "central no disponible" when nothing reached central. */
  const closeUnreachable = (user: User, flowId: string): FlowView => {
    const f = deps.flows.getFlow(flowId);
    if (!f) throw notFound();
    const event: SecurityCodeEvent = { type: 'central_unavailable' };
    const next = transition(parseState(f), event);
    inTransaction(deps.db, () => {
      deps.flows.updateFlow(f.id, f.version, { step: next.step, state: JSON.stringify(next), pending: null }, nowIso());
      deps.flows.appendEvent(f.id, nowIso(), user.id, JSON.stringify(event));
      journalRefusal(user, f, next);
    });
    return view(flowId);
  };

  /**
   * `before`: whether the plan may have reached central before this attempt. Central down (a refused connection)
   * keeps the plan pending with its keys: nothing happened at central, so the teller retries when it is back
   * (or cancels); a lost answer keeps it pending too, but then only a retry can settle it.
   */
  const failStep = (user: User, flowId: string, p: Pending, o: Exclude<central.StepOutcome<unknown>, { ok: true }>, what: string, before: boolean): never => {
    if (o.kind === 'unreached') {
      p.maybeAtCentral = before || p.anyConfirmed;
      save(flowId, { pending: JSON.stringify(p) });
      throw new AppError(
        'CENTRAL_PENDING',
        p.anyConfirmed
          ? 'Se perdió la comunicación con la central a mitad de la solicitud. Queda pendiente: pulse Reintentar cuando vuelva la comunicación; se reenvía exactamente lo mismo.'
          : 'No hay comunicación con la central: no se envió nada. La solicitud queda pendiente: pulse Reintentar cuando vuelva la comunicación, o cancélela.',
      );
    }
    if (o.kind === 'rejected') {
      // Central refused on the facts (stale number, match expired): nothing of this step happened; the flow stays
      // at its step so the teller can take the next path.
      inTransaction(deps.db, () => {
        save(flowId, { pending: null });
        if (p.contact && p.contact.reference === null) {
          deps.contacts.record({
            key: p.contact.key,
            field: fieldOf(p.contact),
            flowId,
            documentType: p.contact.payload.documentType,
            documentNumber: p.contact.payload.documentNumber,
            previousCellphone: p.contact.previous,
            newCellphone: valueOf(p.contact),
            basis: p.contact.basis,
            status: 'rejected',
            centralReference: null,
            tellerId: user.id,
            at: nowIso(),
          });
        }
        deps.journal.record(what === 'contact' ? 'contact_update' : 'security_code_request', user.id, {
          flowId,
          ...(what === 'contact' && p.contact ? { field: fieldOf(p.contact) } : {}),
          outcome: 'rejected',
          reason: o.code,
          ...(p.request ? { mode: p.request.mode } : {}),
        });
      });
      // Central knows an open radicado this workstation did not see at identification (central was away then, or
      // it was radicated meanwhile): the new identification shows it with resume / replace.
      const next =
        o.code === 'OPEN_REQUEST_EXISTS'
          ? ' Cancele esta solicitud (el cliente tiene otra abierta) e inicie una nueva: la pantalla le mostrará la abierta para conservarla o reemplazarla.'
          : '';
      throw new AppError('CENTRAL_REJECTED', `La central no aceptó la solicitud: ${o.message}${next}`, { centralCode: o.code });
    }
    throw new AppError(
      'CENTRAL_PENDING',
      'No se pudo confirmar la respuesta de central. No repita la captura ni inicie otra solicitud: pulse Reintentar para confirmar lo enviado.',
    );
  };

  const complete = async (user: User, flowId: string, p: Pending): Promise<FlowView> => {
    // Recorded before anything is sent: a crash mid-request leaves the plan marked as possibly applied.
    const before = p.maybeAtCentral ?? true;
    p.attempts = (p.attempts ?? 0) + 1;
    p.maybeAtCentral = true;
    const f0 = save(flowId, { pending: JSON.stringify(p) });
    const state0 = parseState(f0);
    const customer = 'customer' in state0 ? state0.customer : null;
    if (!customer) throw new AppError('EVENT_NOT_ALLOWED', 'La solicitud no tiene un cliente identificado.');
    const doc = { documentType: customer.document.type as DocType, documentNumber: customer.document.number };

    // The constancia's check code: the hash of the journal entry that records what it proves.
    let contactHash = '';
    if (p.contact && p.contact.reference === null) {
      const c = p.contact;
      const r = await central.updateContact(deps.central, c.key, c.occurredAt, c.payload);
      if (!r.ok) return failStep(user, flowId, p, r, 'contact', before);
      c.reference = r.value.reference;
      p.anyConfirmed = true;
      inTransaction(deps.db, () => {
        save(flowId, { pending: JSON.stringify(p) });
        deps.contacts.record({
          key: c.key,
          field: fieldOf(c),
          flowId,
          documentType: c.payload.documentType,
          documentNumber: c.payload.documentNumber,
          previousCellphone: c.previous,
          newCellphone: valueOf(c),
          basis: c.basis,
          status: 'applied',
          centralReference: r.value.reference,
          tellerId: user.id,
          at: nowIso(),
        });
        contactHash = deps.journal.record('contact_update', user.id, {
          flowId,
          ...doc,
          // Masked: the journal keeps only what identifies the change, never the full datum.
          field: fieldOf(c),
          previous: c.previous === null ? null : maskContactValue(fieldOf(c), c.previous as ContactValue),
          next: maskContactValue(fieldOf(c), valueOf(c) as ContactValue),
          basis: c.basis,
          ...(c.payload.fingerprintTransactionId ? { operatorTransactionId: c.payload.fingerprintTransactionId } : {}),
          centralReference: r.value.reference,
          outcome: 'applied',
        }).hash;
      });
    }

    let request: SecurityCodeRequest | null = null;
    if (p.request) {
      const r =
        p.request.mode === 'send_now'
          ? await central.sendNow(deps.central, p.request.key, {
              ...doc,
              statedCellphone: p.statedPhone,
              purpose: codePurpose,
              ...(p.request.replaces ? { replaces: p.request.replaces } : {}),
            })
          : await central.radicate(deps.central, p.request.key, {
              ...doc,
              fingerprintTransactionId: p.matchTransactionId ?? '',
              purpose: codePurpose,
              ...(p.request.replaces ? { replaces: p.request.replaces } : {}),
            });
      if (!r.ok) return failStep(user, flowId, p, r, 'request', before);
      request = r.value;
    }

    // Everything central had to do is confirmed: move the state machine and record the outcome together.
    const f = deps.flows.getFlow(flowId);
    if (!f) throw notFound();
    const at = nowIso();
    const event: SecurityCodeEvent =
      p.via === 'stated' && p.event
        ? p.event
        : {
            type: 'capture_result',
            outcome: 'match',
            operatorTransactionId: p.matchTransactionId ?? '',
            radicado: request?.radicado ?? p.contact?.reference ?? '',
            now: request?.createdAt ?? at,
          };
    const next = transition(parseState(f), event);
    const mode = p.request?.mode ?? null;
    inTransaction(deps.db, () => {
      let verification = '';
      if (request && mode) {
        deps.flows.insertRequest({
          radicado: request.radicado,
          flowId,
          mode,
          ...doc,
          tellerId: user.id,
          state: request.state,
          maskedCellphone: request.maskedCellphone,
          createdAt: request.createdAt,
          deadline: request.deadline,
          sentAt: request.sentAt,
          deliveredAt: request.deliveredAt,
          refreshedAt: at,
        });
        // Central superseded it in the same transaction that created this one.
        if (p.request?.replaces) deps.flows.markSuperseded(p.request.replaces, request.radicado);
        verification = deps.journal.record('security_code_request', user.id, {
          flowId,
          purpose: f.purpose,
          outcome: mode === 'send_now' ? 'sent' : 'radicated',
          mode,
          ...doc,
          radicado: request.radicado,
          // The constancia printed below carries the radicado as its number.
          document: request.radicado,
          state: request.state,
          deadline: request.deadline,
          maskedCellphone: request.maskedCellphone,
          codePurpose,
          ...(p.request?.replaces ? { replaces: p.request.replaces } : {}),
          ...(p.matchTransactionId ? { operatorTransactionId: p.matchTransactionId } : {}),
        }).hash;
      }
      const reference = request?.radicado ?? p.contact?.reference ?? null;
      const constancia = reference
        ? buildConstancia({
            kind: mode ?? 'contact_update',
            reference,
            document: customer.document,
            maskedCellphone:
              request?.maskedCellphone ?? (p.contact ? maskContactValue(fieldOf(p.contact), valueOf(p.contact) as ContactValue) : ''),
            field: p.contact ? fieldOf(p.contact) : 'cellphone',
            at: request?.createdAt ?? at,
            deadline: mode === 'radicate' ? (request?.deadline ?? null) : null,
            branch: { code: deps.workstation.branchCode, name: deps.workstation.branchName },
            till: deps.workstation.tillCode,
            teller: deps.users.findById(user.id)?.displayName ?? user.displayName,
            // Never the reference itself: "Verificación C0000012" read as a placeholder and checked nothing.
            verificationCode: (verification || contactHash).slice(0, 8).toUpperCase(),
          })
        : null;
      // Owed in this transaction: a crash before the printer gets it still shows it at Dispositivos (Reintentar).
      if (constancia) deps.printer?.owe(constancia);
      deps.flows.updateFlow(
        f.id,
        f.version,
        { step: next.step, state: JSON.stringify(next), pending: null, ...(constancia ? { constancia: JSON.stringify(constancia) } : {}) },
        at,
      );
      deps.flows.appendEvent(f.id, at, user.id, JSON.stringify(event));
    });
    await printConstancia(flowId);
    return view(flowId);
  };

  const printConstancia = async (flowId: string): Promise<void> => {
    const f = deps.flows.getFlow(flowId);
    if (!f?.constancia || !deps.printer) return;
    try {
      const job = await deps.printer.printReceipt(JSON.parse(f.constancia));
      save(flowId, { printJob: JSON.stringify({ jobId: job.jobId, state: job.state }) });
    } catch (err) {
      // The constancia stays on screen and can be printed again; the request itself is done.
      const message = err instanceof Error ? err.message : String(err);
      save(flowId, { printJob: JSON.stringify({ jobId: '', state: `failed: ${message}` }) });
    }
  };

  /** Runs a new plan (`complete` persists it before the first request). */
  const plan = (user: User, flowId: string, p: Pending): Promise<FlowView> => complete(user, flowId, { ...p, attempts: 0, maybeAtCentral: false });

  /** The phone steps: the event is decided locally; a terminal `send_now` needs central first. */
  const phoneStep = async (user: User, flowId: string, event: SecurityCodeEvent): Promise<FlowView> =>
    exclusive(flowId, async () => {
      const f = load(user, flowId);
      if (f.pending) throw new AppError('FLOW_BUSY', 'Hay una confirmación pendiente con central: pulse Reintentar.');
      const state = parseState(f);
      const next = transition(state, event);
      if (next.step !== 'send_now') {
        commit(user, f, event, next);
        return view(flowId);
      }
      const doc = next.customer.document;
      const docType = doc.type as DocType;
      const previous = next.contactUpdate?.previous ?? null;
      const contact = next.contactUpdate && previous !== null
        ? {
            key: deps.ids.uuid(),
            occurredAt: nowIso(),
            field: verifiedField(next.customer).field,
            value: next.contactUpdate.next,
            payload: {
              documentType: docType,
              documentNumber: doc.number,
              ...contactFields(next.customer, next.contactUpdate.next, { previous }),
            },
            basis: 'previous_number_confirmed' as const,
            previous: next.contactUpdate.previous,
            reference: null,
          }
        : null;
      const wantsCode = (f.purpose as FlowPurpose) === 'security_code';
      // Central refuses it as well; said here first so nothing is sent (not even the contact update) to be refused.
      const allowedFrom = next.customer.sendNowAllowedFrom;
      if (wantsCode && allowedFrom && Date.parse(allowedFrom) > deps.clock.now().getTime()) {
        throw new AppError('SEND_NOW_TOO_SOON', sendNowTooSoonMessage(allowedFrom), { allowedFrom });
      }
      if (!contact && !wantsCode) {
        // Contact update to the number already registered: nothing to send anywhere.
        commit(user, f, event, next);
        return view(flowId);
      }
      return plan(user, flowId, {
        via: 'stated',
        event,
        matchTransactionId: null,
        statedPhone: next.target,
        contact,
        request: wantsCode ? { key: deps.ids.uuid(), mode: 'send_now', ...replacedRadicado(next.customer) } : null,
        anyConfirmed: false,
      });
    });

  const capture = async (user: User, flowId: string, finger: Finger): Promise<FlowView> =>
    exclusive(flowId, async () => {
      const f = load(user, flowId);
      if (f.pending) return complete(user, flowId, JSON.parse(f.pending) as Pending);
      const state = parseState(f);
      if (state.step === 'awaiting_consent') {
        throw new AppError(
          'CONSENT_REQUIRED',
          'Antes de capturar la huella registre la autorización del cliente para el tratamiento de sus datos biométricos (Ley 1581 de 2012).',
        );
      }
      if (state.step !== 'awaiting_capture') {
        transition(state, { type: 'capture_result', outcome: 'no_match', operatorTransactionId: null });
        throw new AppError('EVENT_NOT_ALLOWED', 'Esta acción no corresponde al paso actual de la solicitud.');
      }
      if (!deps.reader) throw new AppError('FINGERPRINT_READER', 'No hay lector de huella configurado en esta estación. Llame a soporte.');
      const doc = state.customer.document;
      // The limit is the customer's for the day: a new request must not bring three fresh attempts.
      const today = bogotaDayStart(deps.clock.now());
      if (deps.flows.failedCapturesSince(today, doc) >= MAX_FAILED_CAPTURES) {
        throw new AppError(
          'CAPTURES_EXHAUSTED_TODAY',
          `El cliente ya agotó hoy los ${MAX_FAILED_CAPTURES} intentos de validación de huella. No se puede intentar de nuevo: indíquele que vuelva otro día o que se comunique con la línea de servicio al cliente. Cancele esta solicitud (Supr).`,
        );
      }
      const attempt = state.failedCaptures.length + 1;
      const recordCheck = (payload: Record<string, string | number | null>) =>
        deps.journal.record('biometric_check', user.id, {
          flowId,
          phase: 'capture',
          ...docFields(doc),
          finger,
          attempt,
          consentVersion: state.consent.textVersion,
          ...payload,
        });
      const failed = (outcome: 'no_match' | 'poor_quality', txId: string | null, extra: Record<string, string | number | null>) => {
        const event: SecurityCodeEvent = { type: 'capture_result', outcome, operatorTransactionId: txId };
        const next = transition(state, event);
        commit(user, f, event, next, () => {
          recordCheck({ result: outcome, operatorTransactionId: txId, ...extra, stopped: next.step === 'stopped' ? 1 : 0 });
          journalRefusal(user, f, next);
        });
        return view(flowId);
      };

      const m = await captureAndMatch(deps, doc, finger);
      if (m.kind === 'reader_unavailable') throw new AppError('FINGERPRINT_READER', m.message, m.readerCode ? { readerCode: m.readerCode } : undefined);
      if (m.kind === 'rejected') throw new AppError('CENTRAL_REJECTED', `La central no aceptó la validación de huella: ${m.message}`, { centralCode: m.code });
      if (m.kind === 'central_unavailable') {
        // Matching cannot happen without central (or the registry): the biometric path closes, nothing was changed.
        inTransaction(deps.db, () => recordCheck({ result: 'central_unavailable', operatorTransactionId: null }));
        return closeUnreachable(user, flowId);
      }
      // A poor image is a failed capture and counts, whether the reader or the registry refused it.
      if (m.kind === 'poor_image') return failed('poor_quality', null, { source: 'reader' });
      const { result, score, transactionId, quality } = m;
      if (result !== 'match') return failed(result, transactionId, { score, quality, source: 'registry' });

      inTransaction(deps.db, () => recordCheck({ result: 'match', score, operatorTransactionId: transactionId, quality }));
      const isCode = (f.purpose as FlowPurpose) === 'security_code';
      return plan(user, flowId, {
        via: 'match',
        event: null,
        matchTransactionId: transactionId,
        statedPhone: state.statedPhone,
        contact: {
          key: deps.ids.uuid(),
          occurredAt: nowIso(),
          field: verifiedField(state.customer).field,
          value: state.statedPhone,
          payload: {
            documentType: doc.type as DocType,
            documentNumber: doc.number,
            ...contactFields(state.customer, state.statedPhone, { fingerprintTransactionId: transactionId }),
          },
          basis: 'biometric_match',
          previous: verifiedField(state.customer).registered,
          reference: null,
        },
        request: isCode ? { key: deps.ids.uuid(), mode: 'radicate', ...replacedRadicado(state.customer) } : null,
        anyConfirmed: false,
      });
    });

  return {
    /** `field`: which datum a contact update changes (the security code always verifies the cellphone). */
    start: (user: User, purpose: FlowPurpose, field: ContactField = 'cellphone'): FlowView => {
      const id = deps.ids.uuid();
      const state = initialSecurityCodeState(purpose === 'contact_update' ? field : 'cellphone');
      deps.flows.createFlow({ id, purpose, tellerId: user.id, step: state.step, state: JSON.stringify(state), at: nowIso() });
      return view(id);
    },

    get: (user: User, flowId: string): FlowView => {
      load(user, flowId);
      return view(flowId);
    },

    identify: (user: User, flowId: string, input: { type: string; number: string }, source: 'typed' | 'scanned'): Promise<FlowView> =>
      exclusive(flowId, async () => {
        const f = load(user, flowId);
        const doc = validateDocument(input.type, input.number);
        if (!doc.ok) throw new AppError(doc.error.code, doc.error.message, { field: 'number' });
        const found = deps.directory.lookup(doc.value);
        if (found.status === 'not_synced') {
          throw new AppError(
            'REFERENCE_NOT_SYNCED',
            'Esta estación aún no tiene los datos de clientes de central. Espere la sincronización (barra de estado) e intente de nuevo.',
          );
        }
        // Only a security code can be requested twice; a contact update is applied at once and leaves nothing open.
        const open =
          found.status === 'found' && found.customer.hasProducts && (f.purpose as FlowPurpose) === 'security_code'
            ? await findExisting({ ...deps, workstationId: deps.workstation.id }, flowId, doc.value)
            : null;
        const event: SecurityCodeEvent =
          found.status === 'found'
            ? {
                type: 'customer_found',
                document: doc.value,
                hasProducts: found.customer.hasProducts,
                registeredCellphone: found.customer.registeredCellphone,
                registeredEmail: found.customer.registeredEmail,
                registeredAddress: found.customer.registeredAddress,
                ...(open ? { existing: open.existing, sendNowAllowedFrom: open.sendNowAllowedFrom } : {}),
              }
            : { type: 'customer_not_found' };
        // The await above let other work run: read the flow again so the version written is the current one.
        const cur = load(user, flowId);
        const next = transition(parseState(cur), event);
        commit(user, cur, { ...event, ...(event.type === 'customer_found' ? { source } : {}) } as SecurityCodeEvent, next, () => {
          if (found.status === 'found') save(flowId, { customerName: found.customer.name });
          if (next.step === 'refused') {
            deps.journal.record('security_code_request', user.id, {
              flowId,
              purpose: f.purpose,
              outcome: 'refused',
              reason: next.reason,
              documentType: doc.value.type,
              document: maskDocument(doc.value),
            });
          }
        });
        return view(flowId);
      }),

    /**
     * The teller replaces the customer's open requests, stating why (e.g. the customer lost the cellphone): this
     * workstation's unfinished flows of the customer are closed now, journaled; an open radicado is superseded at
     * central together with the creation of the new request, so the old code is never sent or stops being valid.
     */
    replaceExisting: (user: User, flowId: string, reason: string): Promise<FlowView> =>
      exclusive(flowId, () => {
        const f = load(user, flowId);
        const state = parseState(f);
        const event: SecurityCodeEvent = { type: 'existing_replaced', reason };
        const next = transition(state, event);
        const existing = state.step === 'awaiting_stated_phone' ? (state.customer.existing ?? []) : [];
        const others = existing.flatMap((e) => {
          if (e.kind !== 'flow') return [];
          const o = deps.flows.getFlow(e.flowId);
          return o && !isTerminal(parseState(o)) ? [o] : [];
        });
        for (const o of others) {
          if (o.tellerId !== user.id && user.role !== 'supervisor') {
            throw new AppError(
              'FLOW_OF_ANOTHER_TELLER',
              'La solicitud abierta del cliente la inició otro cajero: pídale que la cancele, o a un supervisor, y luego reemplácela aquí.',
            );
          }
          const p = parsePending(o.pending);
          if (p && !pendingDroppable(p)) {
            throw new AppError('FLOW_BUSY', 'La solicitud abierta del cliente tiene una confirmación pendiente con central: reanúdela y pulse Reintentar; no se puede reemplazar.');
          }
        }
        const at = nowIso();
        const radicados = existing.flatMap((e) => (e.kind === 'radicado' ? [e.radicado] : []));
        commit(user, f, event, next, () => {
          for (const o of others) {
            const os = parseState(o);
            const closed = transition(os, { type: 'cancel' });
            const why = `Reemplazada por una nueva solicitud del cliente: ${reason.trim()}`;
            deps.flows.updateFlow(o.id, o.version, { step: closed.step, state: JSON.stringify(closed), pending: null }, at);
            deps.flows.appendEvent(o.id, at, user.id, JSON.stringify({ type: 'cancel', reason: why, replacedBy: flowId }));
            deps.journal.record('security_code_request', user.id, {
              flowId: o.id,
              purpose: o.purpose,
              outcome: 'cancelled',
              reason: why,
              from: os.step,
              replacedBy: flowId,
              ...(o.tellerId === user.id ? {} : { startedBy: o.tellerId }),
              ...('customer' in os ? docFields(os.customer.document) : {}),
            });
          }
          deps.journal.record('security_code_request', user.id, {
            flowId,
            purpose: f.purpose,
            outcome: 'replace_decided',
            reason: reason.trim(),
            ...(radicados.length > 0 ? { radicado: radicados.join(', '), replaces: radicados.join(', ') } : {}),
            ...(others.length > 0 ? { replacedFlows: others.map((o) => o.id).join(', ') } : {}),
            ...('customer' in state ? docFields(state.customer.document) : {}),
          });
        });
        return Promise.resolve(view(flowId));
      }),

    statePhone: (user: User, flowId: string, phone: string) => phoneStep(user, flowId, { type: 'phone_stated', phone }),

    previousPhone: (user: User, flowId: string, phone: string | null) =>
      phoneStep(user, flowId, phone === null ? { type: 'previous_phone_unknown' } : { type: 'previous_phone_stated', phone }),

    consent: (user: User, flowId: string, given: boolean, textVersion: string): Promise<FlowView> =>
      exclusive(flowId, () => {
        const f = load(user, flowId);
        if (given && textVersion !== biometricConsent(f.purpose).version) {
          throw new AppError('CONSENT_TEXT_OUTDATED', 'El texto de autorización mostrado no es el vigente. Vuelva a abrir la solicitud y léale al cliente el texto actual.');
        }
        const event: SecurityCodeEvent = given
          ? { type: 'consent_given', at: nowIso(), teller: user.id, textVersion }
          : { type: 'consent_refused' };
        const state = parseState(f);
        const next = transition(state, event);
        const customer = 'customer' in state ? state.customer : null;
        commit(user, f, event, next, () => {
          recordBiometricConsent({ consents, journal: deps.journal }, user.id, {
            purpose: f.purpose,
            ref: flowId,
            person: customer ? customer.document : null,
            textVersion,
            at: event.type === 'consent_given' ? event.at : nowIso(),
            given,
          });
          journalRefusal(user, f, next);
        });
        return Promise.resolve(view(flowId));
      }),

    capture,

    /**
     * Closes an open flow with the teller's reason (journaled; the flow stays, as `cancelled`). The teller who
     * started it, or a supervisor. A pending plan is dropped only when none of it can have reached central.
     */
    cancel: (user: User, flowId: string, reason: string): Promise<FlowView> =>
      exclusive(flowId, () => {
        const f = deps.flows.getFlow(flowId);
        if (!f) throw notFound();
        const own = f.tellerId === user.id;
        if (!own && user.role !== 'supervisor') throw anotherTeller('cancelarla');
        const state = parseState(f);
        const pending = parsePending(f.pending);
        if (pending && !isTerminal(state) && !pendingDroppable(pending)) {
          throw new AppError('FLOW_BUSY', 'Central pudo haber aplicado parte de la solicitud. Pulse Reintentar para confirmarla antes de cancelar.');
        }
        const event: SecurityCodeEvent = { type: 'cancel' };
        const next = transition(state, event);
        const customer = 'customer' in state ? state.customer : null;
        const at = nowIso();
        // F7 opens a flow as soon as it shows, unjournaled: one closed before anyone was identified (the screen's
        // change of trámite) was never a customer's request, and journaling it read in F5 as a request cancelled.
        const untouched = state.step === 'identifying' && customer === null && pending === null;
        inTransaction(deps.db, () => {
          deps.flows.updateFlow(f.id, f.version, { step: next.step, state: JSON.stringify(next), pending: null }, at);
          deps.flows.appendEvent(f.id, at, user.id, JSON.stringify({ ...event, reason }));
          if (untouched) return;
          deps.journal.record('security_code_request', user.id, {
            flowId,
            purpose: f.purpose,
            outcome: 'cancelled',
            reason,
            from: state.step,
            // A supervisor closing another teller's flow: whose it was stays on the record.
            ...(own ? {} : { startedBy: f.tellerId }),
            ...(pending ? { discardedPending: pending.request?.mode ?? 'contact_update' } : {}),
            ...(customer ? docFields(customer.document) : {}),
          });
        });
        return Promise.resolve(view(flowId));
      }),

    /** The flow as it stands, so the screen continues at its step; only for the teller who started it. */
    resume: (user: User, flowId: string): FlowView => {
      const f = ownOpen(user, flowId, 'reanudarla');
      return view(f.id);
    },

    /** Resends a pending plan with its original keys: central answers the same radicado, nothing is done twice. */
    retry: (user: User, flowId: string): Promise<FlowView> =>
      exclusive(flowId, () => {
        const f = ownOpen(user, flowId, 'reintentarla');
        const p = parsePending(f.pending);
        if (!p) throw new AppError('NOTHING_PENDING', 'Esta solicitud no tiene nada pendiente con la central. Continúe en el paso indicado en pantalla.');
        return complete(user, flowId, p);
      }),

    /** This workstation's open flows of the business day, and any older one still pending with central. */
    openFlows: (user: User): { flows: OpenFlowRow[]; businessDate: string } => {
      const now = deps.clock.now();
      const businessDate = bogotaDate(now);
      const flows = deps.flows
        .listOpenFlows(startOfBogotaDay(businessDate))
        .map((f) => openFlowRow(f, parseState(f), parsePending(f.pending), user, deps.users.findById(f.tellerId)?.displayName ?? f.tellerId));
      return { flows, businessDate };
    },

    printConstancia: async (user: User, flowId: string): Promise<FlowView> => {
      const f = load(user, flowId);
      if (!f.constancia) throw new AppError('NO_CONSTANCIA', 'Esta solicitud no tiene constancia para imprimir.');
      // A copy once the original came out: sending the original again would print nothing (the device service
      // prints each paper once) or a second original.
      if (deps.printer) save(flowId, { printJob: JSON.stringify(deps.printer.printAgain(JSON.parse(f.constancia) as ReceiptDocument, user.id)) });
      return view(flowId);
    },

    /** For tests and the radicaciones screen: whether a flow is finished. */
    isFinished: (flowId: string): boolean => {
      const f = deps.flows.getFlow(flowId);
      return f ? isTerminal(parseState(f)) : false;
    },
  };
};
export type SecurityCodeService = ReturnType<typeof createSecurityCodeService>;
