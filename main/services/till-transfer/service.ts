import { approvalReason } from '../../../domain/approval/reasons';
import { isVaultWorkstation, VAULT_TILL_CODE, type BranchStatusResponse, type Operation, type TillTransfer } from '../../../domain/central-api';
import { DASHBOARD_STALE_AFTER_SECONDS } from '../../../domain/contract/supervisor';
import type { BranchTransferView, TillDestination } from '../../../domain/contract/till-transfer';
import type { User } from '../../../domain/contract/session';
import { applyCount, countOf, DENOMINATIONS, totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { AppError } from '../../core/errors';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate, bogotaDayStart } from '../../../domain/calendar/bogota-time';
import { requireTodaysTill } from '../comprobante/till';
import { inTransaction, type Db } from '../../store/db';
import { OPEN_STATES, type OutboxRepo } from '../../store/outbox/repo';
import type { TillTransferRecord, TillTransferRepo } from '../../store/till-transfer/repo';
import type { TillRepo } from '../../store/till/repo';
import type { CentralClient } from '../../sync/central-client';
import { snapshotAgeMs } from '../branch-status/snapshot';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import type { SupervisedRequests } from '../supervisor/requests';
import type { TillSessionRecord } from '../../store/till/repo';
import { COUNT_DIFFERS_MESSAGE, sameCount } from '../../../domain/till/blind-count';
import { sendOverLimit, wouldCrossLimit } from '../../../domain/till/holding';
import type { TillPolicy } from '../../../domain/till/policy';

/** A workstation holds one till and is named by it (`001-02` → Caja 02): the config refuses anything else. */
const tillOf = (workstation: string) => workstation.slice(workstation.indexOf('-') + 1);
/** The branch vault, kept at central, is the pseudo-workstation `<branch>-00` (domain/central-api/vault.ts). */
export const transferLabel = (workstation: string) => (isVaultWorkstation(workstation) ? 'Bóveda' : `Caja ${tillOf(workstation)}`);
const label = transferLabel;
/** A transfer with the branch vault at one end: listed on the vault's side of the screen (vault/service.ts). */
export const involvesVault = (t: { fromWorkstation: string; toWorkstation: string }) => isVaultWorkstation(t.fromWorkstation) || isVaultWorkstation(t.toWorkstation);
const LIST_WAIT_MS = 1_500;
/** Sends refused for want of pieces, in one till session, after which the till's sends wait for a visa or an arqueo. */
export const REFUSALS_BEFORE_BLOCK = 2;
const blockSubject = (tillSessionId: string) => `till_transfer_block:${tillSessionId}`;
/** The pieces asked for beyond what the till holds: kept for the audit, never sent to a screen (it tells the count). */
const shortOf = (position: DenominationCount, count: DenominationCount): DenominationCount => {
  const short: DenominationCount = {};
  for (const d of DENOMINATIONS) if (countOf(count, d) > countOf(position, d)) short[`${d}`] = countOf(count, d) - countOf(position, d);
  return short;
};
const piecesText = (c: DenominationCount) =>
  DENOMINATIONS.filter((d) => countOf(c, d) > 0)
    .map((d) => `${countOf(c, d)} × ${formatPesos(d)}`)
    .join(', ');

/** What the receiving side decided of a transfer this till sent. */
export interface OutgoingSettlement {
  state: 'aceptado' | 'rechazado';
  receivedBy: string;
  receivedByName: string;
  receivedAt: string;
  note: string | null;
}

export interface TillTransferDeps {
  db: Db;
  repo: TillTransferRepo;
  tills: TillRepo;
  outbox: Pick<OutboxRepo, 'enqueue' | 'byKey'>;
  /** null: no central; sends queue in the outbox and nothing arrives until it is configured. */
  central: Pick<CentralClient, 'call'> | null;
  journal: Journal;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  workstation: { id: string; branchCode: string; tillCode: string };
  /** Something changed (sent, arrived, settled): status push, which also kicks the sync loop. */
  onChange: () => void;
  /** The branch's workstation snapshots at central (bounded wait), to offer only open tills as destinations. */
  branchStatus?: () => Promise<BranchStatusResponse | null>;
  /** A snapshot older than this marks its till as possibly closed (config `branchStatus`). */
  staleAfterSeconds?: number;
  /** The supervisor's visa that frees a till's sends blocked after refused sends (none: only an arqueo frees them). */
  requests?: Pick<SupervisedRequests, 'open' | 'announce' | 'live' | 'consume' | 'withdraw' | 'announceWithdrawn' | 'reconcile'>;
  /** When the open till session's arqueo last registered a count, if it did: an arqueo after the refusals frees the sends. */
  lastCountAt?: (tillSessionId: string) => string | null;
  /** A supervisor at this workstation is settling it at the vault: that step settles and journals it, not the pull. */
  receivingHere?: (transferId: string) => boolean;
  /** This till's holding limit: the receiver is told before counting that accepting will take the till over it. */
  policy?: Pick<TillPolicy, 'maxHolding'>;
}

/** The other workstations of the branch whose latest snapshot shows an open till, by till code. */
export const destinationsOf = (res: BranchStatusResponse, self: string, staleAfterSeconds = DASHBOARD_STALE_AFTER_SECONDS): TillDestination[] =>
  res.workstations
    .filter((w) => w.workstation !== self && w.till.open)
    .map((w) => ({
      tillCode: w.till.tillCode,
      workstation: w.workstation,
      tellerName: w.till.open ? w.till.tellerName : '',
      stale: snapshotAgeMs(res, w) > staleAfterSeconds * 1000,
    }))
    .sort((a, b) => a.tillCode.localeCompare(b.tillCode));

/**
 * Till-to-till transfers with the other workstations of the branch, through central. Each local step is one
 * SQLite transaction holding the till movement, the transfer row, the journal entry and the outbox operation
 * (exactly once to central by its key, `main/sync`). What the other side did is learned by pulling
 * `tillTransfers`: an incoming transfer appears `en_transito`; an outgoing one settles when central says the
 * receiver accepted it, or comes back to this till when the receiver rejected it.
 */
export const createTillTransferService = (deps: TillTransferDeps) => {
  const ws = deps.workstation;
  const now = () => deps.clock.now().toISOString();
  const isOpen = (key: string | null) => key !== null && (OPEN_STATES as readonly string[]).includes(deps.outbox.byKey(key)?.state ?? '');

  /** Whether `amount` more in this workstation's open till takes it over its limit (false without a till or a policy). */
  const leavesOverLimit = (amount: number) => {
    const till = deps.tills.findOpen(ws.tillCode);
    return till !== undefined && deps.policy !== undefined && wouldCrossLimit(till.positionTotal, amount, deps.policy);
  };

  /**
   * What is on its way to `toWorkstation`'s till: every transfer central lists travelling to it (provisions and other
   * tills' sends, from any workstation), plus what only this workstation knows: its sends to it still queued in the
   * outbox, and, for its own till, what arrived here and is not yet settled (central lists a till only once it has
   * reported). By id, so one known both ways is counted once; one this till settled and central has not heard of yet
   * is in its position already, or back where it came from.
   */
  const travellingTo = (status: BranchStatusResponse | null, toWorkstation: string): number => {
    const settledHere = (id: string) => {
      const t = deps.repo.get(id);
      return t?.direction === 'entrante' && t.state !== 'en_transito';
    };
    const atCentral = (status?.workstations.find((w) => w.workstation === toWorkstation)?.inTransit ?? []).filter((t) => !settledHere(t.id));
    const known = new Set(atCentral.map((t) => t.id));
    const local = deps.repo
      .inTransit()
      .filter((t) => t.toWorkstation === toWorkstation && !known.has(t.id) && (t.direction === 'entrante' || isOpen(t.sendKey)));
    return [...atCentral, ...local].reduce((sum, t) => sum + t.amount, 0);
  };

  const view = (t: TillTransferRecord): BranchTransferView => ({
    id: t.id,
    direction: t.direction,
    fromLabel: label(t.fromWorkstation),
    toLabel: label(t.toWorkstation),
    // Blind count: the receiver learns the amount only once its own count matched (accepted). A rejection records
    // no count, so showing the amount then would tell it to a teller who may be asked to count the same cash again.
    amount: t.direction === 'entrante' && t.state !== 'aceptado' ? null : t.amount,
    state: t.state,
    sentBy: t.sentByName,
    sentAt: t.sentAt,
    receivedBy: t.receivedByName,
    receivedAt: t.receivedAt,
    note: t.note,
    toReceive: t.direction === 'entrante' && t.state === 'en_transito',
    leavesOverLimit: t.direction === 'entrante' && t.state === 'en_transito' && leavesOverLimit(t.amount),
    queued: isOpen(t.direction === 'saliente' && t.state === 'en_transito' ? t.sendKey : t.settleKey),
  });

  /**
   * The caller's open till. Cash moves only into or out of a till of today (`movesCash`): one left open since an
   * earlier day is closed first, though it may still reject what was sent to it (no cash moves then).
   */
  const ownTill = (user: User, movesCash = true) => {
    const till = deps.tills.findOpen(ws.tillCode);
    if (!till) throw new AppError('TILL_NOT_OPEN', `La caja ${ws.tillCode} no está abierta. Ábrala (F2) antes de trasladar o recibir efectivo.`);
    if (till.tellerId !== user.id) throw new AppError(user.role === 'cajero' ? 'TILL_NOT_YOURS' : 'NOT_THE_RECEIVER', 'Solo quien abrió la caja traslada o recibe su efectivo.');
    if (movesCash) requireTodaysTill(till, bogotaDate(deps.clock.now()));
    return till;
  };

  /** Moves pieces in or out of this workstation's open till, inside the caller's transaction. */
  const move = (count: DenominationCount, sign: 1 | -1, kind: string, reference: string, at: string) => {
    const till = deps.tills.findOpen(ws.tillCode);
    if (!till) throw new AppError('TILL_NOT_OPEN', `La caja ${ws.tillCode} no está abierta.`);
    let next: DenominationCount;
    try {
      next = applyCount(till.position, count, sign);
    } catch {
      throw new AppError('CASH_SHORT', `La caja ${ws.tillCode} no tiene esas piezas. Revise la mezcla de denominaciones.`);
    }
    deps.tills.addMovement({ id: deps.ids.uuid(), tillSessionId: till.id, kind, reference, delta: count, amount: sign * totalOfCount(count), at }, next, totalOfCount(next));
  };

  const blockedError = (approvalId: string | null) =>
    new AppError(
      'TRANSFERS_BLOCKED',
      `Los envíos de efectivo de la caja ${ws.tillCode} quedaron bloqueados: se rehusaron envíos con piezas que la caja no tiene. Se desbloquean con el visto bueno de un supervisor (Escritorio del supervisor, F1) o con un arqueo (Cierre de caja, F6).`,
      approvalId ? { approvalId } : undefined,
    );

  /**
   * The supervisor's request for the blocked till, with each refused send as the teller asked it. What was short
   * stays in the refusals table: the queue is read at the teller's screen too, and it would tell the till's count.
   */
  const askVisa = (user: User, till: TillSessionRecord, refusals: ReturnType<TillTransferRepo['unclearedRefusals']>) => {
    if (!deps.requests) return null;
    const live = deps.requests.live(blockSubject(till.id), user.id);
    if (live) return live;
    const context: Record<string, string> = { Caja: ws.tillCode, Cajero: user.displayName, 'Envíos rehusados': `${refusals.length}` };
    refusals.forEach((r, i) => {
      context[`Envío ${i + 1}`] = `${formatPesos(r.amount)} a ${label(r.toWorkstation)}: ${piecesText(r.count)}`;
    });
    const rec = deps.requests.open(user, {
      kind: 'till_transfer_block',
      reason: approvalReason('TILL_TRANSFER_BLOCK', `${refusals.length} envíos rehusados en esta apertura de caja.`),
      subject: blockSubject(till.id),
      summary: `Envíos bloqueados en la caja ${ws.tillCode}: ${refusals.length} rehusados por piezas que la caja no tiene`,
      amount: null,
      context,
    });
    return rec;
  };

  /**
   * Under blind close a refused send tells the teller the till lacks those pieces; tried with other mixes it would
   * tell the till's count. From the REFUSALS_BEFORE_BLOCK-th refusal of the session on, sends wait for a
   * supervisor's visa (another person: maker ≠ checker) or an arqueo registered after the last refusal.
   */
  const guardSends = (user: User, till: TillSessionRecord) => {
    const refusals = deps.repo.unclearedRefusals(till.id);
    if (refusals.length < REFUSALS_BEFORE_BLOCK) return;
    const last = refusals[refusals.length - 1] as (typeof refusals)[number];
    const counted = deps.lastCountAt?.(till.id) ?? null;
    const visa = deps.requests?.live(blockSubject(till.id), user.id);
    if (counted !== null && counted > last.refusedAt) {
      // The visa asked for is moot now: it leaves the desk.
      const withdrawn = inTransaction(deps.db, () => {
        deps.repo.clearRefusals(till.id, now(), 'arqueo');
        deps.journal.record('vault_transfer', user.id, { action: 'envios_desbloqueados', tillSessionId: till.id, tillCode: ws.tillCode, via: 'arqueo', state: 'desbloqueado' });
        return visa?.request.status === 'pendiente' && deps.requests?.withdraw(user, visa.request.id, 'Retirada: el cajero hizo un arqueo') ? visa.request.id : null;
      });
      if (withdrawn) deps.requests?.announceWithdrawn(withdrawn);
      return;
    }
    if (visa?.request.status === 'aprobada' && deps.requests) {
      const requests = deps.requests;
      inTransaction(deps.db, () => {
        const used = requests.consume(visa.request.id, { kind: 'till_transfer_block', subject: blockSubject(till.id), makerId: user.id });
        deps.repo.clearRefusals(till.id, now(), used.request.checkerId ?? 'supervisor');
        deps.journal.record('vault_transfer', user.id, { action: 'envios_desbloqueados', tillSessionId: till.id, tillCode: ws.tillCode, via: 'supervisor', approvalId: visa.request.id, state: 'desbloqueado' });
      });
      return;
    }
    // A visa lapsed or refused is asked again: the block stands until someone decides or the teller counts.
    const asked = visa ?? inTransaction(deps.db, () => askVisa(user, till, refusals));
    if (asked && !visa) deps.requests?.announce(asked, user.displayName);
    throw blockedError(asked?.request.id ?? null);
  };

  /** A visa given at another desk of the branch reaches this workstation through central: taken in before the guard. */
  const takeInVisa = async (user: User, till: TillSessionRecord) => {
    if (!deps.requests || deps.repo.unclearedRefusals(till.id).length < REFUSALS_BEFORE_BLOCK) return;
    const visa = deps.requests.live(blockSubject(till.id), user.id);
    if (visa?.request.status === 'pendiente') await deps.requests.reconcile(visa.request.id);
  };

  /**
   * A send refused for want of pieces: journaled (what the teller asked, never what was short) and kept for the
   * supervisor with what was short. The same mix asked again tells nothing new and is not counted twice. The
   * teller hears neither which denomination nor how many pieces are missing.
   */
  const refuse = (user: User, till: TillSessionRecord, toWorkstation: string, count: DenominationCount): AppError => {
    const before = deps.repo.unclearedRefusals(till.id);
    const last = before[before.length - 1];
    const again = last !== undefined && last.toWorkstation === toWorkstation && JSON.stringify(last.count) === JSON.stringify(count);
    let asked: ReturnType<typeof askVisa> = null;
    const n = again ? before.length : before.length + 1;
    if (!again) {
      inTransaction(deps.db, () => {
        const at = now();
        const amount = totalOfCount(count);
        deps.repo.insertRefusal({ id: deps.ids.uuid(), tillSessionId: till.id, toWorkstation, count, amount, short: shortOf(till.position, count), refusedAt: at });
        deps.journal.record('vault_transfer', user.id, {
          action: 'envio_rehusado', from: `Caja ${ws.tillCode}`, to: label(toWorkstation), count, total: amount, state: 'rehusado', tillSessionId: till.id, refusals: n,
        });
        if (n >= REFUSALS_BEFORE_BLOCK) asked = askVisa(user, till, deps.repo.unclearedRefusals(till.id));
      });
      deps.onChange();
    }
    if (asked) deps.requests?.announce(asked, user.displayName);
    if (n >= REFUSALS_BEFORE_BLOCK) return blockedError(deps.requests?.live(blockSubject(till.id), user.id)?.request.id ?? null);
    return new AppError(
      'CASH_SHORT',
      `La caja ${ws.tillCode} no puede enviar ese traslado con esa mezcla. Cuente el efectivo antes de enviar: cada envío rehusado queda en el diario para el supervisor y, al segundo, los envíos de la caja se bloquean hasta su visto bueno o un arqueo.`,
    );
  };

  const sendOnce = (user: User, req: { idempotencyKey: string; toTill: string; count: DenominationCount; declaredTotal: number }, toWorkstation: string, amount: number) =>
    deps.idempotent('vault.sendToTill', req.idempotencyKey, req, () => {
      const at = now();
      const transferId = deps.ids.uuid();
      const op = { ...envelope(at), type: 'till_transfer_send' as const, payload: { transferId, toWorkstation, count: req.count, amount, sentBy: user.username, sentByName: user.displayName.slice(0, 80) } };
      move(req.count, -1, 'traslado_enviado', transferId, at);
      deps.repo.insert({ id: transferId, direction: 'saliente', fromWorkstation: ws.id, toWorkstation, count: req.count, amount, sentBy: user.username, sentByName: op.payload.sentByName, sentAt: at, sendKey: op.key, arrivedAt: at });
      deps.journal.record('vault_transfer', user.id, { action: 'enviado', transferId, from: `Caja ${ws.tillCode}`, to: label(toWorkstation), count: req.count, total: amount, state: 'en_transito', via: 'central' });
      enqueue(op);
      return transferId;
    });

  /** Maker ≠ checker: whoever sent a transfer never receives it (by user name, shared by every workstation). */
  const notTheSender = (user: User, t: TillTransferRecord) => {
    if (t.sentBy === user.username || t.sentBy === user.id) throw new AppError('NOT_THE_RECEIVER', 'Quien envió el traslado no puede recibirlo: lo cuenta y recibe otra persona.');
  };

  const enqueue = (op: Operation) => deps.outbox.enqueue(op);
  const envelope = (at: string) => ({ key: deps.ids.uuid(), branch: ws.branchCode, workstation: ws.id, occurredAt: at });

  const find = (id: string) => {
    const t = deps.repo.get(id);
    if (!t || t.direction !== 'entrante') throw new AppError('TRANSFER_NOT_FOUND', 'No existe ese traslado entrante. Actualice la lista.');
    if (t.state !== 'en_transito') throw new AppError('TRANSFER_SETTLED', `Ese traslado ya fue ${t.state}.`);
    return t;
  };

  /** Applies what central says about this workstation's transfers; each change in its own transaction. */
  const apply = (list: TillTransfer[]): number => {
    let changes = 0;
    for (const c of list) {
      if (c.toWorkstation === ws.id) {
        // One already settled and unknown here (a reinstalled workstation) has nothing left to do.
        if (c.state !== 'en_transito' || deps.repo.get(c.id)) continue;
        inTransaction(deps.db, () => {
          const at = now();
          // Not journaled: its arrival moves no cash and nobody acts; the sender journaled the send where it was made,
          // and the receiver's acceptance or rejection, naming the sender, is this workstation's entry for it.
          if (!deps.repo.insert({ id: c.id, direction: 'entrante', fromWorkstation: c.fromWorkstation, toWorkstation: c.toWorkstation, count: c.count, amount: c.amount, sentBy: c.sentBy, sentByName: c.sentByName, sentAt: c.sentAt, sendKey: null, arrivedAt: at })) return;
          changes++;
        });
        continue;
      }
      if (c.fromWorkstation !== ws.id || c.state === 'en_transito') continue;
      const local = deps.repo.get(c.id);
      if (!local || local.direction !== 'saliente' || local.state !== 'en_transito' || deps.receivingHere?.(c.id)) continue;
      settleOutgoing(local, { state: c.state, receivedBy: c.receivedBy ?? '?', receivedByName: c.receivedByName ?? '?', receivedAt: c.receivedAt ?? now(), note: c.note });
      changes++;
    }
    return changes;
  };

  /**
   * An outgoing transfer settled in this workstation's books (rejected: its cash back in the till), without a journal
   * entry: whoever journals the act does. False when it is not this workstation's or was settled already.
   */
  const settleSent = (id: string, s: OutgoingSettlement): boolean =>
    inTransaction(deps.db, () => {
      const t = deps.repo.get(id);
      if (!t || t.direction !== 'saliente' || !deps.repo.settle(t.id, { ...s, settleKey: null })) return false;
      if (s.state === 'rechazado') move(t.count, 1, 'traslado_devuelto', t.id, now());
      return true;
    });

  /** The receiver (or central) settled an outgoing transfer elsewhere: accepted is recorded; rejected brings the cash back. */
  const settleOutgoing = (t: TillTransferRecord, s: OutgoingSettlement) =>
    inTransaction(deps.db, () => {
      if (!settleSent(t.id, s)) return;
      deps.journal.record('vault_transfer', 'system', {
        action: s.state,
        transferId: t.id,
        from: label(t.fromWorkstation),
        to: label(t.toWorkstation),
        total: t.amount,
        state: s.state,
        receivedBy: s.receivedByName,
        ...(s.note !== null ? { note: s.note } : {}),
        ...(s.state === 'rechazado' ? { returnedTo: `Caja ${ws.tillCode}` } : {}),
      });
    });

  /** An outgoing transfer central refused (never reached the other till): its cash comes back at once. */
  const returnRefused = (): number => {
    let n = 0;
    for (const t of deps.repo.inTransit()) {
      if (t.direction !== 'saliente' || t.sendKey === null) continue;
      const entry = deps.outbox.byKey(t.sendKey);
      if (entry?.state !== 'rejected' && entry?.state !== 'conflict') continue;
      const why = entry.result?.status === 'rejected' ? entry.result.outcome : null;
      const message = why && why.outcome === 'rejected' ? why.message : 'Central no aplicó el traslado.';
      settleOutgoing(t, { state: 'rechazado', receivedBy: 'central', receivedByName: 'Central', receivedAt: now(), note: message });
      n++;
    }
    return n;
  };

  let pulling: Promise<boolean> | null = null;
  let lastReachable = false;
  /** Asks central for this workstation's transfers and applies them; false when central did not answer. */
  const refresh = (): Promise<boolean> => {
    if (pulling) return pulling;
    pulling = (async () => {
      try {
        let changes = returnRefused();
        let reachable = false;
        if (deps.central) {
          const r = await deps.central.call('tillTransfers', { workstation: ws.id }).catch(() => null);
          if (r?.ok && deps.db.open) {
            reachable = true;
            changes += apply(r.data.transfers);
          }
        }
        if (changes > 0) deps.onChange();
        lastReachable = reachable;
        return reachable;
      } finally {
        pulling = null;
      }
    })();
    return pulling;
  };

  /** A slow central must not hold the screen: after `ms` what is known stands and the pull goes on. */
  const refreshWithin = (ms: number): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      refresh(),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(lastReachable), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  };

  return {
    refresh,
    refreshWithin,
    settleSent,
    leavesOverLimit,
    travellingTo,

    list: async () => {
      const branch = deps.branchStatus ? deps.branchStatus().catch(() => null) : Promise.resolve(null);
      const centralReachable = await refreshWithin(LIST_WAIT_MS);
      const today = bogotaDayStart(deps.clock.now());
      const transfers = deps.repo.since(today).filter((t) => !involvesVault(t)).map(view);
      const status = await branch;
      return { transfers, incoming: transfers.filter((t) => t.toReceive).length, centralReachable, destinations: status ? destinationsOf(status, ws.id, deps.staleAfterSeconds) : null };
    },

    send: async (user: User, req: { idempotencyKey: string; toTill: string; count: DenominationCount; declaredTotal: number }) => {
      const amount = totalOfCount(req.count);
      if (amount !== req.declaredTotal || amount === 0) {
        throw new AppError('COUNT_MISMATCH', `El conteo suma ${formatPesos(amount)} y el total declarado es ${formatPesos(req.declaredTotal)}. Revise el conteo.`);
      }
      if (req.toTill === ws.tillCode) throw new AppError('INVALID_DESTINATION', 'El origen y el destino del traslado deben ser distintos.');
      const till = ownTill(user);
      await takeInVisa(user, till);
      guardSends(user, till);
      // The receiving till's holding limit, as its last report to central has it (reports follow every change), with
      // everything on its way to it, which its position counts only once accepted (QA s37: two sends that each fit
      // crossed it together). Without central's answer, there is nothing to check against.
      const toWorkstation = `${ws.branchCode}-${req.toTill}`;
      const status = deps.branchStatus && req.toTill !== VAULT_TILL_CODE ? await deps.branchStatus().catch(() => null) : null;
      const dest = req.toTill === VAULT_TILL_CODE ? undefined : status?.workstations.find((w) => w.workstation === toWorkstation)?.till;
      const over = dest?.open
        ? sendOverLimit({ tillCode: req.toTill, position: dest.positionTotal, inTransit: travellingTo(status, toWorkstation), amount, limit: dest.limit })
        : null;
      if (over) throw new AppError('HOLDING_LIMIT', over);
      let id: string;
      try {
        id = sendOnce(user, req, toWorkstation, amount);
      } catch (e) {
        if (e instanceof AppError && e.code === 'CASH_SHORT') throw refuse(user, till, toWorkstation, req.count);
        throw e;
      }
      deps.onChange();
      return view(deps.repo.get(id) as TillTransferRecord);
    },

    accept: (user: User, req: { transferId: string; count: DenominationCount }) => {
      const id = inTransaction(deps.db, () => {
        const t = find(req.transferId);
        ownTill(user);
        notTheSender(user, t);
        if (!sameCount(t.count, req.count)) {
          throw new AppError('COUNT_DIFFERS', COUNT_DIFFERS_MESSAGE);
        }
        const at = now();
        const op = { ...envelope(at), type: 'till_transfer_settle' as const, payload: { transferId: t.id, decision: 'accept' as const, receivedBy: user.username, receivedByName: user.displayName.slice(0, 80), count: req.count, note: null } };
        move(t.count, 1, isVaultWorkstation(t.fromWorkstation) ? 'provision' : 'traslado_recibido', t.id, at);
        deps.repo.settle(t.id, { state: 'aceptado', receivedBy: user.id, receivedByName: op.payload.receivedByName, receivedAt: at, note: null, settleKey: op.key });
        deps.journal.record('vault_transfer', user.id, { action: 'aceptado', transferId: t.id, from: label(t.fromWorkstation), to: label(t.toWorkstation), total: t.amount, state: 'aceptado', sentBy: t.sentByName, via: 'central' });
        enqueue(op);
        return t.id;
      });
      deps.onChange();
      return view(deps.repo.get(id) as TillTransferRecord);
    },

    reject: (user: User, req: { transferId: string; note: string }) => {
      const id = inTransaction(deps.db, () => {
        const t = find(req.transferId);
        ownTill(user, false);
        notTheSender(user, t);
        const at = now();
        const op = { ...envelope(at), type: 'till_transfer_settle' as const, payload: { transferId: t.id, decision: 'reject' as const, receivedBy: user.username, receivedByName: user.displayName.slice(0, 80), count: {}, note: req.note } };
        deps.repo.settle(t.id, { state: 'rechazado', receivedBy: user.id, receivedByName: op.payload.receivedByName, receivedAt: at, note: req.note, settleKey: op.key });
        // No total nor pieces: the receiver rejected without a count of record, and reads this entry in F5. The amount
        // stays in the sender's journal (enviado, and rechazado when it learns of it) and at central, by transferId.
        deps.journal.record('vault_transfer', user.id, { action: 'rechazado', transferId: t.id, from: label(t.fromWorkstation), to: label(t.toWorkstation), state: 'rechazado', note: req.note, sentBy: t.sentByName, via: 'central' });
        enqueue(op);
        return t.id;
      });
      deps.onChange();
      return view(deps.repo.get(id) as TillTransferRecord);
    },

    /** Pulls every `ms` while the database is open (stops on its own after the core closes it). */
    poll: (ms: number): (() => void) => {
      if (!deps.central) return () => undefined;
      const timer = setInterval(() => {
        if (!deps.db.open) {
          clearInterval(timer);
          return;
        }
        void refresh().catch(() => undefined);
      }, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
};
export type TillTransferService = ReturnType<typeof createTillTransferService>;
