import { isVaultWorkstation, vaultWorkstation, VAULT_TILL_CODE, type BranchStatusResponse, type BranchVault, type OperationResult, type TillTransfer } from '../../../domain/central-api';
import type { TransferView } from '../../../domain/contract/vault';
import type { User } from '../../../domain/contract/session';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { COUNT_DIFFERS_MESSAGE } from '../../../domain/till/blind-count';
import { sendOverLimit } from '../../../domain/till/holding';
import type { TillPolicy } from '../../../domain/till/policy';
import { AppError } from '../../core/errors';
import { derivedKey } from '../../core/hash';
import type { Clock } from '../../core/runtime';
import type { TillRepo } from '../../store/till/repo';
import type { TillTransferRecord, TillTransferRepo } from '../../store/till-transfer/repo';
import type { UnjournaledVaultOp, VaultUnjournaledRepo } from '../../store/vault/unjournaled-repo';
import type { CentralClient } from '../../sync/central-client';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import { involvesVault, transferLabel, type TillTransferService } from '../till-transfer/service';
import { within } from '../../core/within';

/** The vault is kept at central: without it, nothing is taken from or put into the vault. */
export const VAULT_OFFLINE_MESSAGE =
  'La bóveda se lleva en central y no hay conexión con central: no se movió efectivo de la bóveda. Intente de nuevo cuando vuelva la conexión.';
const OVERVIEW_WAIT_MS = 1_500;
/** Longer than any call to central takes: an older unjournaled operation's answer was lost, not pending. */
const IN_FLIGHT_MS = 120_000;

const countKey = (c: DenominationCount) =>
  JSON.stringify(
    Object.entries(c)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/**
 * The branch vault (bóveda), kept at central (central/vault/): one for the branch, whatever workstation a
 * supervisor uses. A provision is a synchronous call to central, which takes the pieces at once (or refuses it
 * whole); the till that receives it learns of it like a till-to-till transfer (till-transfer/service.ts) and
 * accepts or rejects it through the outbox. A till's surplus leaves the till at once and travels to the vault
 * through the outbox (a till-to-till transfer to `<branch>-00`); a supervisor at any workstation of the branch
 * accepts it with a blind count (central credits the vault) or rejects it (the sender's till gets it back when
 * its workstation learns of it). Whoever sent a transfer never receives it. Each step is journaled here.
 */
export const createVaultService = (deps: {
  tills: TillRepo;
  transfers: TillTransferRepo;
  tillTransfers: TillTransferService;
  journal: Journal;
  /** Vault operations sent to central and not yet journaled: a crash in between is journaled at the next start. */
  unjournaled: VaultUnjournaledRepo;
  idempotent: IdempotentRunner;
  clock: Clock;
  central: Pick<CentralClient, 'call'> | null;
  workstation: { id: string; branchCode: string; tillCode: string };
  /** The receiving till's holding limit: a provision never takes it over (O-BP cash holding limits). */
  policy: Pick<TillPolicy, 'maxHolding'>;
  /** The branch's workstation snapshots at central: another till's position and limit. */
  branchStatus?: () => Promise<BranchStatusResponse | null>;
  onChange: () => void;
}) => {
  const ws = deps.workstation;
  const vaultWs = vaultWorkstation(ws.branchCode);
  const now = () => deps.clock.now().toISOString();
  // Recovery leaves alone what may still be in flight: asked after this service started and within the last minutes.
  const startedAt = now();
  const settledBy = () => new Date(deps.clock.now().getTime() - IN_FLIGHT_MS).toISOString();
  let last: { vault: BranchVault; transfers: TillTransfer[] } | null = null;

  const party = (w: string) => (isVaultWorkstation(w) ? { kind: 'vault' as const, ref: 'BOVEDA' } : { kind: 'till' as const, ref: w.slice(w.indexOf('-') + 1) });
  const isReceiver = (user: User, t: Pick<TillTransfer, 'toWorkstation'>) =>
    isVaultWorkstation(t.toWorkstation) ? user.role === 'supervisor' : t.toWorkstation === ws.id && deps.tills.findOpen(ws.tillCode)?.tellerId === user.id;
  /** The side that counts it blind: any supervisor for the vault, this workstation's teller for its till. */
  const receivingSide = (user: User, t: Pick<TillTransfer, 'toWorkstation'>) =>
    isVaultWorkstation(t.toWorkstation) ? user.role === 'supervisor' : t.toWorkstation === ws.id && user.role !== 'supervisor';
  const view = (t: TillTransfer, user: User): TransferView => {
    const sender = t.sentBy === user.username;
    const mine = t.state === 'en_transito' && !sender && isReceiver(user, t);
    // Blind count: while it travels, only the one who sent it sees the amount; rejected (no count of record), the
    // receiving side still does not, or it would know what to count should the same cash be sent again.
    const shown = sender || t.state === 'aceptado' || (t.state === 'rechazado' && !receivingSide(user, t));
    return {
      id: t.id,
      from: party(t.fromWorkstation),
      to: party(t.toWorkstation),
      fromLabel: transferLabel(t.fromWorkstation),
      toLabel: transferLabel(t.toWorkstation),
      amount: shown ? t.amount : null,
      state: t.state,
      sentBy: t.sentByName,
      sentAt: t.sentAt,
      receivedBy: t.receivedByName,
      receivedAt: t.receivedAt,
      note: t.note,
      mine,
      // Only a provision this till's teller must count; the vault has no limit here.
      leavesOverLimit: mine && !isVaultWorkstation(t.toWorkstation) && deps.tillTransfers.leavesOverLimit(t.amount),
    };
  };
  const fromLocal = (t: TillTransferRecord): TillTransfer => ({
    id: t.id,
    branch: ws.branchCode,
    fromWorkstation: t.fromWorkstation,
    toWorkstation: t.toWorkstation,
    count: t.count,
    amount: t.amount,
    state: t.state,
    sentBy: t.sentBy,
    sentByName: t.sentByName,
    sentAt: t.sentAt,
    receivedBy: t.receivedBy,
    receivedByName: t.receivedByName,
    receivedAt: t.receivedAt,
    note: t.note,
  });

  /** Central's vault and its transfers, within a short wait (else the last answer); null: no answer yet. */
  const fetchVault = async (wait = true): Promise<{ reachable: boolean; data: typeof last }> => {
    if (!deps.central) return { reachable: false, data: null };
    const call = deps.central
      .call('branchVault', { branch: ws.branchCode })
      .then((r) => (r.ok ? r.data : null))
      .catch(() => null);
    const r = wait ? await call : await within(call, OVERVIEW_WAIT_MS);
    if (r) last = r;
    return { reachable: r !== null, data: r ?? last };
  };

  const offline = () => new AppError('CENTRAL_UNAVAILABLE', VAULT_OFFLINE_MESSAGE);
  /** Central answered and did not apply it: nothing to journal, ever (a lost answer stays traced). */
  const refused = (r: Awaited<ReturnType<CentralClient['call']>> | null): boolean => {
    if (!r || (!r.ok && r.kind !== 'rejected')) return false;
    if (!r.ok) return true;
    const res = r.data as OperationResult;
    return res.status === 'conflict' || res.first.outcome !== 'applied';
  };
  /** Reads central's answer to a synchronous vault operation; throws the refusal in the teller's terms. */
  const outcome = (r: Awaited<ReturnType<CentralClient['call']>> | null): void => {
    if (!r || (!r.ok && r.kind !== 'rejected')) throw offline();
    if (!r.ok) throw new AppError('CENTRAL_REFUSED', r.error.message);
    const res = r.data as OperationResult;
    if (res.status === 'conflict') throw new AppError('IDEMPOTENCY_CONFLICT', res.message);
    if (res.first.outcome === 'applied') return;
    const why = res.first;
    switch (why.reason) {
      case 'VAULT_SHORT':
        throw new AppError('CASH_SHORT', 'La bóveda de la oficina no tiene esas piezas. Revise la mezcla de denominaciones.');
      case 'MAKER_IS_CHECKER':
        throw new AppError('NOT_THE_RECEIVER', 'Quien envió el traslado no puede recibirlo: lo cuenta y recibe otro supervisor.');
      case 'COUNT_DIFFERS':
        throw new AppError('COUNT_DIFFERS', COUNT_DIFFERS_MESSAGE);
      case 'TRANSFER_SETTLED':
        throw new AppError('TRANSFER_SETTLED', 'Ese traslado ya fue aceptado o rechazado. Actualice la lista.');
      case 'TRANSFER_NOT_FOUND':
        throw new AppError('TRANSFER_NOT_FOUND', 'No existe ese traslado a la bóveda. Actualice la lista.');
      case 'TRANSFER_INVALID':
        throw new AppError('INVALID_DESTINATION', why.message);
      default:
        throw new AppError('CENTRAL_REFUSED', why.message);
    }
  };

  /** The receiving till's holding limit: this workstation's own till, or another's last report to central. */
  const checkHolding = async (tillCode: string, amount: number) => {
    const toWorkstation = `${ws.branchCode}-${tillCode}`;
    // Central's snapshots also list what travels to each till (provisions and till-to-till sends from every
    // workstation): its position counts them only once accepted (QA s36 F8, s37).
    const status = deps.branchStatus ? await deps.branchStatus().catch(() => null) : null;
    const refuse = (position: number, limit: number) => {
      const why = sendOverLimit({ tillCode, position, inTransit: deps.tillTransfers.travellingTo(status, toWorkstation), amount, limit });
      if (why) throw new AppError('HOLDING_LIMIT', why);
    };
    if (tillCode === ws.tillCode) {
      const own = deps.tills.findOpen(tillCode);
      if (!own) throw new AppError('TILL_NOT_OPEN', `La caja ${tillCode} no está abierta: no puede recibir un traslado.`);
      refuse(own.positionTotal, deps.policy.maxHolding);
      return;
    }
    if (!status) return;
    const dest = status.workstations.find((w) => w.workstation === toWorkstation)?.till;
    if (!dest?.open) throw new AppError('TILL_NOT_OPEN', `La caja ${tillCode} no está abierta: no puede recibir un traslado.`);
    refuse(dest.positionTotal, dest.limit);
  };

  /** Central's (or the local) record of a vault transfer, for a supervisor's decision. */
  const vaultTransfer = async (user: User, id: string): Promise<TillTransfer> => {
    const { reachable, data } = await fetchVault();
    if (!reachable) throw offline();
    const t = data?.transfers.find((x) => x.id === id);
    if (t && t.sentBy === user.username) throw new AppError('NOT_THE_RECEIVER', 'Quien envió el traslado no puede recibirlo: lo cuenta y recibe otra persona.');
    if (!t || t.toWorkstation !== vaultWs) throw new AppError('TRANSFER_NOT_FOUND', 'No existe ese traslado a la bóveda. Actualice la lista.');
    return t;
  };

  /** A supervisor settles cash sent to the vault: synchronous with central (the vault is credited there). */
  const settleAtVault = async (user: User, t: TillTransfer, decision: 'accept' | 'reject', count: DenominationCount, note: string | null) => {
    if (user.role !== 'supervisor') throw new AppError('NOT_THE_RECEIVER', 'Lo que se envía a la bóveda lo cuenta y recibe un supervisor.');
    if (t.sentBy === user.username) throw new AppError('NOT_THE_RECEIVER', 'Quien envió el traslado no puede recibirlo: lo cuenta y recibe otro supervisor.');
    const state = decision === 'accept' ? 'aceptado' : 'rechazado';
    // Settled by this supervisor with this decision: a retry after a lost answer, answered (and journaled) once.
    const retry = t.state === state && t.receivedBy === user.username;
    if (t.state !== 'en_transito' && !retry) throw new AppError('TRANSFER_SETTLED', `Ese traslado ya fue ${t.state}.`);
    // One key per decision: a retry after a lost answer is the same operation at central, applied once.
    const key = derivedKey('vault_receive', t.id, decision, user.username, countKey(count), note ?? '');
    const first = deps.idempotent('vault.receive.prepare', key, { transferId: t.id, decision }, () => {
      const at = now();
      deps.unjournaled.ask({ key, kind: 'receive', transferId: t.id, actor: user.id, username: user.username, decision: state, note, askedAt: at });
      return { at };
    });
    const r = deps.central
      ? await deps.central
          .call('vaultReceive', { key, occurredAt: first.at, transferId: t.id, decision, receivedBy: user.username, receivedByName: user.displayName.slice(0, 80), count, note })
          .catch(() => null)
      : null;
    if (refused(r)) deps.unjournaled.settle(key);
    outcome(r);
    journalReceive({ key, actor: user.id, decision: state, note }, t, { username: user.username, name: user.displayName.slice(0, 80), at: first.at }, false);
    deps.onChange();
    const after = (await fetchVault()).data?.transfers.find((x) => x.id === t.id);
    return view(after ?? { ...t, state, receivedBy: user.username, receivedByName: user.displayName, receivedAt: first.at, note }, user);
  };

  // One journal step per operation key, whether the request's own answer or the next start writes it (recover).
  const journalProvision = (op: Pick<UnjournaledVaultOp, 'key' | 'actor'>, t: Pick<TillTransfer, 'id' | 'toWorkstation' | 'count' | 'amount'>, recovered: boolean) =>
    deps.idempotent('vault.provision.journal', derivedKey('journal', op.key), { transferId: t.id }, () => {
      deps.journal.record('vault_transfer', op.actor, {
        action: 'enviado',
        transferId: t.id,
        from: 'Bóveda',
        to: transferLabel(t.toWorkstation),
        count: t.count,
        total: t.amount,
        state: 'en_transito',
        via: 'central',
        ...(recovered ? { recovered: true } : {}),
      });
      deps.unjournaled.settle(op.key);
      return true;
    });
  const journalReceive = (
    op: Pick<UnjournaledVaultOp, 'key' | 'actor' | 'note'> & { decision: 'aceptado' | 'rechazado' },
    t: Pick<TillTransfer, 'id' | 'fromWorkstation' | 'amount'>,
    by: { username: string; name: string; at: string },
    recovered: boolean,
  ) =>
    deps.idempotent('vault.receive.journal', derivedKey('journal', op.key), { transferId: t.id }, () => {
      // Sent from this workstation's till: its books settle with this entry, so learning the outcome from central
      // later writes no second entry of the same act as "system" (rejected: the cash is back in the till now).
      const settledHere =
        t.fromWorkstation === ws.id &&
        deps.tillTransfers.settleSent(t.id, { state: op.decision, receivedBy: by.username, receivedByName: by.name, receivedAt: by.at, note: op.note });
      deps.journal.record('vault_transfer', op.actor, {
        action: op.decision,
        transferId: t.id,
        from: transferLabel(t.fromWorkstation),
        to: 'Bóveda',
        // A rejection is journaled without the amount, which the rejecting supervisor (who counted blind) reads in F5,
        // unless the till that sent it is this workstation's: its books settle here, with the amount.
        ...(op.decision === 'aceptado' || settledHere ? { total: t.amount } : {}),
        state: op.decision,
        via: 'central',
        ...(op.note !== null ? { note: op.note } : {}),
        ...(settledHere && op.decision === 'rechazado' ? { returnedTo: `Caja ${ws.tillCode}` } : {}),
        ...(recovered ? { recovered: true } : {}),
      });
      deps.unjournaled.settle(op.key);
      return true;
    });

  /** An incoming provision to this workstation's till (learned from central): settled by the till's teller. */
  const incomingProvision = async (id: string): Promise<TillTransferRecord | undefined> => {
    let local = deps.transfers.get(id);
    if (!local) {
      await deps.tillTransfers.refresh();
      local = deps.transfers.get(id);
    }
    return local && local.direction === 'entrante' ? local : undefined;
  };

  return {
    /**
     * After a host died between central's answer and the journal entry, or the answer was lost and nobody
     * retried: journals what central applied, as the one who asked, marked `recovered`; forgets what central
     * never applied. Without central nothing changes and the next call tries again.
     */
    recoverJournal: async (): Promise<{ journaled: number; forgotten: number; waiting: number }> => {
      const ops = deps.unjournaled.list().filter((o) => o.askedAt < startedAt || o.askedAt < settledBy());
      if (ops.length === 0 || !deps.central) return { journaled: 0, forgotten: 0, waiting: ops.length };
      const r = await deps.central
        .call('branchVault', { branch: ws.branchCode, include: ops.slice(0, 50).map((o) => o.transferId).join(',') })
        .catch(() => null);
      if (!r?.ok) return { journaled: 0, forgotten: 0, waiting: ops.length };
      let journaled = 0;
      let forgotten = 0;
      for (const op of ops.slice(0, 50)) {
        const t = r.data.transfers.find((x) => x.id === op.transferId);
        // A receive applied by this supervisor's decision; a provision applied once the transfer exists at all.
        if (t && op.kind === 'provision') journalProvision(op, t, true);
        else if (t && op.decision && t.state === op.decision && t.receivedBy === op.username) journalReceive({ ...op, decision: op.decision }, t, { username: op.username, name: t.receivedByName ?? op.username, at: t.receivedAt ?? now() }, true);
        else {
          deps.unjournaled.settle(op.key);
          forgotten += 1;
          continue;
        }
        journaled += 1;
      }
      if (journaled > 0) deps.onChange();
      return { journaled, forgotten, waiting: ops.length - journaled - forgotten };
    },

    overview: async (user: User) => {
      const { reachable, data } = await fetchVault(false);
      const seen = new Map<string, TillTransfer>();
      // What this workstation sent to the vault and central has not yet recorded (still in the outbox) first.
      for (const t of deps.transfers.inTransit()) if (involvesVault(t)) seen.set(t.id, fromLocal(t));
      for (const t of data?.transfers ?? []) {
        // This till settled a provision and central has not heard yet (outbox): the local decision stands, or the row
        // would offer "Contar y recibir" again.
        const local = t.state === 'en_transito' ? deps.transfers.get(t.id) : undefined;
        seen.set(t.id, local && local.direction === 'entrante' && local.state !== 'en_transito' ? fromLocal(local) : t);
      }
      return {
        // The vault is the supervisors': a teller who saw its total move would learn a blind provision's amount.
        vaultTotal: user.role === 'supervisor' && data ? data.vault.total : null,
        vaultPosition: user.role === 'supervisor' && data ? data.vault.position : null,
        transfers: [...seen.values()].sort((a, b) => b.sentAt.localeCompare(a.sentAt)).map((t) => view(t, user)),
        centralReachable: reachable,
      };
    },

    /** The vault's total and the transfers in transit with it, as central has them (branch dashboard); null: no answer. */
    summary: async (): Promise<{ total: number; inTransit: number } | null> => {
      const { reachable, data } = await fetchVault(false);
      if (!reachable || !data) return null;
      return { total: data.vault.total, inTransit: data.transfers.filter((t) => t.state === 'en_transito').length };
    },

    /**
     * A supervisor's provision checked against the receiving till's limit before it is confirmed, by the rule `send`
     * applies (checkHolding); what else refuses a send (the vault's pieces, the link) is said when it is sent.
     */
    checkSend: async (user: User, req: { to: { kind: 'vault' | 'till'; ref: string }; amount: number }): Promise<{ problem: string | null }> => {
      if (user.role !== 'supervisor' || req.to.kind !== 'till' || req.to.ref === VAULT_TILL_CODE || !/^\d{2}$/.test(req.to.ref)) return { problem: null };
      try {
        await checkHolding(req.to.ref, req.amount);
        return { problem: null };
      } catch (e) {
        if (e instanceof AppError && (e.code === 'HOLDING_LIMIT' || e.code === 'TILL_NOT_OPEN')) return { problem: e.message };
        throw e;
      }
    },

    send: async (user: User, req: { idempotencyKey: string; to: { kind: 'vault' | 'till'; ref: string }; count: DenominationCount; declaredTotal: number }): Promise<TransferView> => {
      const amount = totalOfCount(req.count);
      if (amount !== req.declaredTotal || amount === 0) {
        throw new AppError('COUNT_MISMATCH', `El conteo suma ${formatPesos(amount)} y el total declarado es ${formatPesos(req.declaredTotal)}. Revise el conteo.`);
      }
      if (user.role !== 'supervisor') {
        // A teller's cash leaves the till at once and travels through central (to the vault or another till).
        const toTill = req.to.kind === 'vault' ? VAULT_TILL_CODE : req.to.ref;
        const sent = await deps.tillTransfers.send(user, { idempotencyKey: req.idempotencyKey, toTill, count: req.count, declaredTotal: req.declaredTotal });
        return view(fromLocal(deps.transfers.get(sent.id) as TillTransferRecord), user);
      }
      if (req.to.kind !== 'till' || req.to.ref === VAULT_TILL_CODE || !/^\d{2}$/.test(req.to.ref)) {
        throw new AppError('INVALID_DESTINATION', 'El supervisor provisiona desde la bóveda una caja abierta de la oficina.');
      }
      await checkHolding(req.to.ref, amount);
      // The same request (a double Enter, a retry after a lost answer) is the same operation at central.
      const key = derivedKey('vault_provision', req.idempotencyKey, req.to.ref, countKey(req.count));
      const first = deps.idempotent('vault.provision.prepare', key, { to: req.to, count: req.count }, () => {
        const at = now();
        const transferId = derivedKey('transfer', key);
        deps.unjournaled.ask({ key, kind: 'provision', transferId, actor: user.id, username: user.username, decision: null, note: null, askedAt: at });
        return { at, transferId };
      });
      const toWorkstation = `${ws.branchCode}-${req.to.ref}`;
      const payload = { transferId: first.transferId, toWorkstation, count: req.count, amount, sentBy: user.username, sentByName: user.displayName.slice(0, 80) };
      const r = deps.central ? await deps.central.call('vaultProvision', { key, occurredAt: first.at, ...payload }).catch(() => null) : null;
      if (refused(r)) deps.unjournaled.settle(key);
      outcome(r);
      journalProvision({ key, actor: user.id }, { id: first.transferId, toWorkstation, count: req.count, amount }, false);
      // A provision to this workstation's own till is listed here at once.
      if (toWorkstation === ws.id) await deps.tillTransfers.refresh();
      deps.onChange();
      return view(
        { id: first.transferId, branch: ws.branchCode, fromWorkstation: vaultWs, ...payload, state: 'en_transito', sentAt: first.at, receivedBy: null, receivedByName: null, receivedAt: null, note: null },
        user,
      );
    },

    accept: async (user: User, req: { transferId: string; count: DenominationCount }): Promise<TransferView> => {
      const local = await incomingProvision(req.transferId);
      if (local) {
        await Promise.resolve(deps.tillTransfers.accept(user, req));
        return view(fromLocal(deps.transfers.get(local.id) as TillTransferRecord), user);
      }
      return settleAtVault(user, await vaultTransfer(user, req.transferId), 'accept', req.count, null);
    },

    reject: async (user: User, req: { transferId: string; note: string }): Promise<TransferView> => {
      const local = await incomingProvision(req.transferId);
      if (local) {
        deps.tillTransfers.reject(user, req);
        return view(fromLocal(deps.transfers.get(local.id) as TillTransferRecord), user);
      }
      return settleAtVault(user, await vaultTransfer(user, req.transferId), 'reject', {}, req.note);
    },
  };
};
export type VaultService = ReturnType<typeof createVaultService>;
