import type { Db } from '../db';

export type FlowPurposeRow = 'security_code' | 'contact_update';
export type RequestMode = 'send_now' | 'radicate';
export type RequestState = 'radicado' | 'enviado' | 'entregado' | 'vencido';

export interface FlowRecord {
  id: string;
  purpose: FlowPurposeRow;
  tellerId: string;
  step: string;
  /** JSON of the domain `SecurityCodeState`. */
  state: string;
  customerName: string | null;
  pending: string | null;
  constancia: string | null;
  printJob: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RequestRecord {
  radicado: string;
  flowId: string | null;
  mode: RequestMode;
  documentType: string;
  documentNumber: string;
  tellerId: string;
  state: RequestState;
  maskedCellphone: string;
  createdAt: string;
  deadline: string;
  sentAt: string | null;
  deliveredAt: string | null;
  refreshedAt: string | null;
  /** The radicado that replaced it; absent on insert. */
  supersededBy?: string | null;
}

interface FlowRow {
  id: string;
  purpose: FlowPurposeRow;
  teller_id: string;
  step: string;
  state: string;
  customer_name: string | null;
  pending: string | null;
  constancia: string | null;
  print_job: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

interface RequestRow {
  radicado: string;
  flow_id: string | null;
  mode: RequestMode;
  document_type: string;
  document_number: string;
  teller_id: string;
  state: RequestState;
  masked_cellphone: string;
  created_at: string;
  deadline: string;
  sent_at: string | null;
  delivered_at: string | null;
  refreshed_at: string | null;
  superseded_by: string | null;
}

const flowOf = (r: FlowRow): FlowRecord => ({
  id: r.id,
  purpose: r.purpose,
  tellerId: r.teller_id,
  step: r.step,
  state: r.state,
  customerName: r.customer_name,
  pending: r.pending,
  constancia: r.constancia,
  printJob: r.print_job,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const requestOf = (r: RequestRow): RequestRecord => ({
  radicado: r.radicado,
  flowId: r.flow_id,
  mode: r.mode,
  documentType: r.document_type,
  documentNumber: r.document_number,
  tellerId: r.teller_id,
  state: r.state,
  maskedCellphone: r.masked_cellphone,
  createdAt: r.created_at,
  deadline: r.deadline,
  sentAt: r.sent_at,
  deliveredAt: r.delivered_at,
  refreshedAt: r.refreshed_at,
  supersededBy: r.superseded_by,
});

/** Thrown when a flow changed since it was read (two windows, a double Enter): the caller re-reads. */
export class FlowVersionConflict extends Error {
  override name = 'FlowVersionConflict';
}

export type FlowPatch = Partial<Pick<FlowRecord, 'step' | 'state' | 'customerName' | 'pending' | 'constancia' | 'printJob'>>;

export const securityCodeRepo = (db: Db) => {
  const insertFlow = db.prepare(
    `INSERT INTO sc_flows (id, purpose, teller_id, step, state, customer_name, pending, constancia, print_job, version, created_at, updated_at)
     VALUES (@id, @purpose, @tellerId, @step, @state, NULL, NULL, NULL, NULL, 0, @at, @at)`,
  );
  const getFlow = db.prepare<[string], FlowRow>('SELECT * FROM sc_flows WHERE id = ?');
  const nextSeq = db.prepare<[string], { n: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM sc_flow_events WHERE flow_id = ?');
  const insertEvent = db.prepare('INSERT INTO sc_flow_events (flow_id, seq, at, actor, event) VALUES (?, ?, ?, ?, ?)');
  const events = db.prepare<[string], { seq: number; at: string; actor: string; event: string }>(
    'SELECT seq, at, actor, event FROM sc_flow_events WHERE flow_id = ? ORDER BY seq',
  );
  const insertRequest = db.prepare(
    `INSERT INTO sc_requests (radicado, flow_id, mode, document_type, document_number, teller_id, state, masked_cellphone,
       created_at, deadline, sent_at, delivered_at, refreshed_at)
     VALUES (@radicado, @flowId, @mode, @documentType, @documentNumber, @tellerId, @state, @maskedCellphone,
       @createdAt, @deadline, @sentAt, @deliveredAt, @refreshedAt)
     ON CONFLICT(radicado) DO NOTHING`,
  );
  const updateRequest = db.prepare(
    `UPDATE sc_requests SET state = @state, sent_at = @sentAt, delivered_at = @deliveredAt, refreshed_at = @refreshedAt
     WHERE radicado = @radicado`,
  );
  const supersede = db.prepare('UPDATE sc_requests SET superseded_by = ? WHERE radicado = ? AND superseded_by IS NULL');
  const listRequests = db.prepare<[number], RequestRow>('SELECT * FROM sc_requests ORDER BY created_at DESC, radicado DESC LIMIT ?');
  // Steps a teller can continue: neither finished nor still at identification (nothing done there yet).
  const listOpen = db.prepare<[string], FlowRow>(
    `SELECT * FROM sc_flows
     WHERE step NOT IN ('identifying', 'send_now', 'radicated', 'stopped', 'refused', 'cancelled')
       AND (created_at >= ? OR pending IS NOT NULL)
     ORDER BY created_at DESC, id DESC LIMIT 200`,
  );
  // Failed fingerprint captures of one customer since an instant, across every flow (a new request does not reset them).
  const failedCaptures = db.prepare<[string, string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM sc_flow_events e
     WHERE e.at >= ? AND json_extract(e.event, '$.type') = 'capture_result' AND json_extract(e.event, '$.outcome') IN ('no_match', 'poor_quality')
       AND e.flow_id IN (SELECT flow_id FROM sc_flow_events WHERE json_extract(event, '$.type') = 'customer_found'
                         AND json_extract(event, '$.document.type') = ? AND json_extract(event, '$.document.number') = ?)`,
  );
  const requestByFlow = db.prepare<[string], RequestRow>('SELECT * FROM sc_requests WHERE flow_id = ? ORDER BY created_at DESC LIMIT 1');

  return {
    failedCapturesSince: (since: string, document: { type: string; number: string }): number => failedCaptures.get(since, document.type, document.number)?.n ?? 0,
    createFlow: (f: { id: string; purpose: FlowPurposeRow; tellerId: string; step: string; state: string; at: string }): void => {
      insertFlow.run(f);
    },
    getFlow: (id: string): FlowRecord | undefined => {
      const r = getFlow.get(id);
      return r ? flowOf(r) : undefined;
    },
    /** Optimistic update: applies only if the row is still at `version`, and bumps it. */
    updateFlow(id: string, version: number, patch: FlowPatch, at: string): FlowRecord {
      const cur = getFlow.get(id);
      if (!cur || cur.version !== version) throw new FlowVersionConflict(`flow ${id} changed`);
      const next: FlowRow = {
        ...cur,
        ...(patch.step !== undefined ? { step: patch.step } : {}),
        ...(patch.state !== undefined ? { state: patch.state } : {}),
        ...(patch.customerName !== undefined ? { customer_name: patch.customerName } : {}),
        ...(patch.pending !== undefined ? { pending: patch.pending } : {}),
        ...(patch.constancia !== undefined ? { constancia: patch.constancia } : {}),
        ...(patch.printJob !== undefined ? { print_job: patch.printJob } : {}),
        version: version + 1,
        updated_at: at,
      };
      db.prepare(
        `UPDATE sc_flows SET step = @step, state = @state, customer_name = @customer_name, pending = @pending,
           constancia = @constancia, print_job = @print_job, version = @version, updated_at = @updated_at WHERE id = @id`,
      ).run(next);
      return flowOf(next);
    },
    appendEvent: (flowId: string, at: string, actor: string, event: string): void => {
      const seq = nextSeq.get(flowId)?.n ?? 1;
      insertEvent.run(flowId, seq, at, actor, event);
    },
    events: (flowId: string) => events.all(flowId),
    insertRequest: (r: RequestRecord): void => {
      insertRequest.run(r);
    },
    updateRequest: (r: Pick<RequestRecord, 'radicado' | 'state' | 'sentAt' | 'deliveredAt' | 'refreshedAt'>): void => {
      updateRequest.run(r);
    },
    markSuperseded: (radicado: string, by: string): void => {
      supersede.run(by, radicado);
    },
    /** Open flows started since `since` (ISO), plus older ones with central requests still pending; newest first. */
    listOpenFlows: (since: string): FlowRecord[] => listOpen.all(since).map(flowOf),
    listRequests: (limit = 200): RequestRecord[] => listRequests.all(limit).map(requestOf),
    requestByFlow: (flowId: string): RequestRecord | undefined => {
      const r = requestByFlow.get(flowId);
      return r ? requestOf(r) : undefined;
    },
  };
};
export type SecurityCodeRepo = ReturnType<typeof securityCodeRepo>;
