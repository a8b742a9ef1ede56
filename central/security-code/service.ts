import { randomBytes } from 'node:crypto';
import {
  MAX_SECURITY_CODE_LIST,
  maskCellphone,
  type OtpPolicy,
  type RadicateRequest,
  type SecurityCodePurpose,
  type SecurityCodeListItem,
  type OpenSecurityCodeResponse,
  type SecurityCodeRequest,
  type SendNowRequest,
} from '../../domain/central-api';
import { bogotaDate, formatReceiptDateTime } from '../../domain/calendar/bogota-time';
import { sendNowTooSoonMessage } from '../../domain/security-code/messages';
import { maskDocument, type DocumentType } from '../../domain/identity/document';
import { getCustomer } from '../accounts/ledger';
import { fail, ok, type HandlerResult } from '../http/result';
import { fingerprintVerified } from '../registry/transactions';
import { iso, randomDigits, sha256Hex, type Random } from '../runtime';
import type { Sql } from '../store/db';
import type { SmsGateway } from './sms-gateway';

/**
 * Security-code requests (seed 000, domain-co §11). The code is generated here when the SMS goes out, handed
 * to the gateway, and kept only as a salted SHA-256 in `sms_log`. Short numeric codes are guessable from their
 * hash by brute force, so the log is evidence of what was sent, not a secret store.
 */
interface Row {
  radicado: string;
  document_type: string;
  document_number: string;
  purpose: SecurityCodePurpose;
  cellphone: string;
  state: SecurityCodeRequest['state'];
  created_ms: number;
  deadline_ms: number;
  send_at_ms: number;
  sent_ms: number | null;
  delivered_ms: number | null;
  code_expires_ms: number | null;
  gateway_id: string | null;
  workstation: string;
  mode: 'send_now' | 'radicate' | null;
  superseded_by: string | null;
  superseded_ms: number | null;
}

export interface SecurityCodeDeps {
  sql: Sql;
  sms: SmsGateway;
  random: Random;
  policy: OtpPolicy;
}

const view = (r: Row): SecurityCodeRequest => ({
  radicado: r.radicado,
  purpose: r.purpose,
  state: r.state,
  maskedCellphone: maskCellphone(r.cellphone),
  createdAt: iso(r.created_ms),
  deadline: iso(r.deadline_ms),
  sentAt: r.sent_ms === null ? null : iso(r.sent_ms),
  deliveredAt: r.delivered_ms === null ? null : iso(r.delivered_ms),
  codeExpiresAt: r.code_expires_ms === null ? null : iso(r.code_expires_ms),
  supersededBy: r.superseded_by,
});

export const hashCode = (salt: string, code: string): string => sha256Hex(`${salt}:${code}`);

/** The highest serial of the demo gateway's ids (`SMS00000042` → 42) in the log: its counter goes on from there. */
export const lastDemoSmsSerial = (sql: Sql, prefix: string): number =>
  sql.get<{ n: number | null }>('SELECT MAX(CAST(SUBSTR(gateway_id, ?) AS INTEGER)) AS n FROM sms_log WHERE gateway_id LIKE ?', prefix.length + 1, `${prefix}%`)?.n ?? 0;

/** Generates the code(s), hands them to the gateway at `atMs` and logs the delivery with hashes only. */
const send = (d: SecurityCodeDeps, r: Row, atMs: number): void => {
  const p = d.policy;
  let text: string;
  let codes: [string, string | null];
  let validity: number;
  if (r.purpose === 'verification_code') {
    const code = randomDigits(d.random, p.verificationDigits);
    codes = [code, null];
    validity = p.verificationValidityMs;
    text = `Su codigo de seguridad es ${code}. Vence en ${Math.round(validity / 60_000)} minutos. No lo comparta con nadie, ni con el banco.`;
  } else {
    const login = randomDigits(d.random, p.temporaryKeyDigits);
    let transactional = randomDigits(d.random, p.temporaryKeyDigits);
    // Seed 004: the transactional key must differ from the login key.
    while (transactional === login) transactional = randomDigits(d.random, p.temporaryKeyDigits);
    codes = [login, transactional];
    validity = p.temporaryKeyValidityMs;
    text = `Sus claves temporales: ingreso ${login}, transaccional ${transactional}. Cambielas dentro de ${Math.round(validity / 3_600_000)} horas. No las comparta.`;
  }
  const gatewayId = d.sms.send({ to: r.cellphone, text, atMs });
  const salt = randomBytes(16).toString('hex');
  d.sql.run(
    `INSERT INTO sms_log (radicado, gateway_id, to_masked, purpose, salt, code_hash, code2_hash, status, sent_ms, status_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'enviado', ?, ?)`,
    r.radicado,
    gatewayId,
    maskCellphone(r.cellphone),
    r.purpose,
    salt,
    hashCode(salt, codes[0]),
    codes[1] === null ? null : hashCode(salt, codes[1]),
    atMs,
    atMs,
  );
  d.sql.run(
    "UPDATE security_codes SET state = 'enviado', sent_ms = ?, code_expires_ms = ?, gateway_id = ? WHERE radicado = ?",
    atMs,
    atMs + validity,
    gatewayId,
    r.radicado,
  );
};

/**
 * Moves every open request forward to `nowMs`, as if time had passed event by event: a radicado is sent at
 * its send time, delivered when the gateway says so, and `vencido` if not delivered by its deadline.
 */
export const advanceSecurityCodes = (d: SecurityCodeDeps, nowMs: number): void =>
  d.sql.tx(() => {
    // A superseded request is never sent, and no longer moves: the customer's code is the replacing one's.
    for (const r of d.sql.all<Row>("SELECT * FROM security_codes WHERE state IN ('radicado', 'enviado') AND superseded_by IS NULL")) {
      if (r.state === 'radicado' && r.send_at_ms <= nowMs && r.send_at_ms < r.deadline_ms) send(d, r, r.send_at_ms);
      const cur = d.sql.get<Row>('SELECT * FROM security_codes WHERE radicado = ?', r.radicado);
      if (cur?.state === 'enviado' && cur.gateway_id !== null) {
        const st = d.sms.status(cur.gateway_id, nowMs);
        if (st.state === 'delivered' && st.atMs <= cur.deadline_ms) {
          d.sql.run("UPDATE security_codes SET state = 'entregado', delivered_ms = ? WHERE radicado = ?", st.atMs, cur.radicado);
          d.sql.run("UPDATE sms_log SET status = 'entregado', status_ms = ? WHERE gateway_id = ?", st.atMs, cur.gateway_id);
          continue;
        }
        if (st.state === 'failed') d.sql.run("UPDATE sms_log SET status = 'fallido', status_ms = ? WHERE gateway_id = ?", st.atMs, cur.gateway_id);
      }
      if (nowMs >= r.deadline_ms) d.sql.run("UPDATE security_codes SET state = 'vencido' WHERE radicado = ?", r.radicado);
    }
  });

type Req = (RadicateRequest | SendNowRequest) & { mode: 'radicate' | 'send_now' };

/** Rows before the `mode` column: a radicated request waited for its send time, an immediate one did not. */
const isRadication = (r: Row): boolean => (r.mode ?? (r.send_at_ms > r.created_ms ? 'radicate' : 'send_now')) === 'radicate';

/**
 * The customer's open radicado (states already advanced to `nowMs`): radicated, not delivered, not superseded,
 * within its deadline. An immediate send that was not delivered is not "open": it is bounded by the send interval.
 */
const openRadication = (d: SecurityCodeDeps, documentType: string, documentNumber: string, nowMs: number): Row | undefined =>
  d.sql
    .all<Row>(
      `SELECT * FROM security_codes WHERE document_type = ? AND document_number = ? AND state IN ('radicado', 'enviado')
         AND superseded_by IS NULL AND deadline_ms > ? ORDER BY created_ms DESC`,
      documentType,
      documentNumber,
      nowMs,
    )
    .find(isRadication);

/** When the next immediate send for the customer is allowed; null when it is allowed now. */
const sendNowAllowedFrom = (d: SecurityCodeDeps, documentType: string, documentNumber: string, nowMs: number): number | null => {
  const last = d.sql
    .all<Row>('SELECT * FROM security_codes WHERE document_type = ? AND document_number = ? ORDER BY created_ms DESC LIMIT 20', documentType, documentNumber)
    .find((r) => !isRadication(r));
  if (!last) return null;
  const from = last.created_ms + d.policy.sendNowMinIntervalMs;
  return from > nowMs ? from : null;
};

/** What central knows of the customer before a new request (see `OpenSecurityCodeResponseSchema`). */
export const openSecurityCode = (d: SecurityCodeDeps, documentType: string, documentNumber: string, nowMs: number): OpenSecurityCodeResponse => {
  advanceSecurityCodes(d, nowMs);
  const open = openRadication(d, documentType, documentNumber, nowMs);
  const from = sendNowAllowedFrom(d, documentType, documentNumber, nowMs);
  return { open: open ? { ...view(open), workstation: open.workstation } : null, sendNowAllowedFrom: from === null ? null : iso(from), now: iso(nowMs) };
};

/** Idempotent on `key` (bound to the request hash by the caller) — this function runs once per key. */
export const createSecurityCode = (d: SecurityCodeDeps, req: Req, workstation: string, nowMs: number): HandlerResult<SecurityCodeRequest> => {
  const customer = getCustomer(d.sql, req.documentType, req.documentNumber);
  if (!customer) return fail(404, 'CUSTOMER_NOT_FOUND', 'El cliente no existe en central. Verifique el tipo y número de documento.');
  if (customer.cellphone === null) {
    return fail(409, 'NO_REGISTERED_CELLPHONE', 'El cliente no tiene celular registrado. Haga primero la actualización de datos.');
  }
  if ('statedCellphone' in req && req.statedCellphone !== customer.cellphone) {
    return fail(409, 'CELLPHONE_MISMATCH', 'El celular indicado no coincide con el registrado. Pida el número anterior o valide con documento y huella.');
  }
  if ('fingerprintTransactionId' in req && !fingerprintVerified(d.sql, req.documentType, req.documentNumber, req.fingerprintTransactionId, nowMs)) {
    return fail(409, 'FINGERPRINT_NOT_VERIFIED', 'No hay una validación de huella exitosa reciente para este documento. Valide la huella antes de radicar.');
  }
  if (req.mode === 'send_now') {
    const from = sendNowAllowedFrom(d, req.documentType, req.documentNumber, nowMs);
    if (from !== null) {
      return fail(
        429,
        'SEND_NOW_TOO_SOON',
        sendNowTooSoonMessage(from),
        { allowedFrom: iso(from) },
      );
    }
  }
  advanceSecurityCodes(d, nowMs);
  const open = openRadication(d, req.documentType, req.documentNumber, nowMs);
  if (open && req.replaces !== open.radicado) {
    return fail(
      409,
      'OPEN_REQUEST_EXISTS',
      `El cliente tiene abierta la solicitud ${open.radicado}, radicada el ${formatReceiptDateTime(iso(open.created_ms))} (estado: ${open.state}). Reanúdela, o reemplácela indicándolo: la anterior quedará reemplazada y su código no será válido.`,
      { radicado: open.radicado },
    );
  }
  // The number names the branch's day, and its sequence starts again each Bogotá day: the customer reads both off the constancia.
  const day = bogotaDate(nowMs).replaceAll('-', '');
  const radicado = `RAD-${day}-${String(d.sql.next(`radicado:${day}`)).padStart(6, '0')}`;
  const sendAt = req.mode === 'send_now' ? nowMs : nowMs + d.policy.radicationSendDelayMs;
  d.sql.run(
    `INSERT INTO security_codes (radicado, document_type, document_number, purpose, cellphone, workstation, state,
       created_ms, deadline_ms, send_at_ms, mode) VALUES (?, ?, ?, ?, ?, ?, 'radicado', ?, ?, ?, ?)`,
    radicado,
    req.documentType,
    req.documentNumber,
    req.purpose,
    customer.cellphone,
    workstation,
    nowMs,
    nowMs + d.policy.radicationDeadlineMs,
    sendAt,
    req.mode,
  );
  if (open) {
    // Runs in the request's transaction (`once`): the old code stops being valid exactly when the new request exists.
    d.sql.run(
      'UPDATE security_codes SET superseded_by = ?, superseded_ms = ?, code_expires_ms = MIN(COALESCE(code_expires_ms, ?), ?) WHERE radicado = ?',
      radicado,
      nowMs,
      nowMs,
      nowMs,
      open.radicado,
    );
  }
  if (req.mode === 'send_now') {
    const row = d.sql.get<Row>('SELECT * FROM security_codes WHERE radicado = ?', radicado);
    if (row) send(d, row, nowMs);
  }
  const row = d.sql.get<Row>('SELECT * FROM security_codes WHERE radicado = ?', radicado);
  return row ? ok(view(row)) : fail(500, 'INTERNAL', 'Error interno de central.');
};

/** `branch`: only requests radicated at that branch are visible (null = no restriction, internal use). */
/** The branch's requests, newest first, states brought up to date first (central/README: security codes). */
export const listSecurityCodes = (d: SecurityCodeDeps, branch: string, nowMs: number): SecurityCodeListItem[] => {
  advanceSecurityCodes(d, nowMs);
  const rows = d.sql.all<Row>(
    'SELECT * FROM security_codes WHERE workstation LIKE ? ORDER BY created_ms DESC, radicado DESC LIMIT ?',
    `${branch}-%`,
    MAX_SECURITY_CODE_LIST,
  );
  return rows.map((r) => ({
    ...view(r),
    maskedDocument: maskDocument({ type: r.document_type as DocumentType, number: r.document_number }),
    workstation: r.workstation,
    // A superseded request is not owed to the customer any more: never overdue.
    overdue: r.superseded_by === null && (r.state === 'vencido' || (r.state !== 'entregado' && nowMs > r.deadline_ms)),
  }));
};

export const getSecurityCode = (d: SecurityCodeDeps, radicado: string, nowMs: number, branch: string | null): SecurityCodeRequest | undefined => {
  advanceSecurityCodes(d, nowMs);
  const row = d.sql.get<Row>('SELECT * FROM security_codes WHERE radicado = ?', radicado);
  return row && (branch === null || row.workstation.startsWith(`${branch}-`)) ? view(row) : undefined;
};
