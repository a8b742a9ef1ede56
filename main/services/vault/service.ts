import type { TransferView } from '../../../domain/contract/vault';
import type { User } from '../../../domain/contract/session';
import { applyCount, totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { AppError } from '../../core/errors';
import { bogotaDate, type Clock, type Ids } from '../../core/runtime';
import { inTransaction, type Db } from '../../store/db';
import type { TillRepo } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { Party, TransferRecord, VaultRepo } from '../../store/vault/repo';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import { COUNT_DIFFERS_MESSAGE, sameCount } from '../../../domain/till/blind-count';
import type { TillPolicy } from '../../../domain/till/policy';


/** Demo branch vault stock on first start (only into an empty vault). */
export const DEMO_VAULT: DenominationCount = { '100000': 800, '50000': 1200, '20000': 1500, '10000': 1500, '5000': 1000, '2000': 1000, '1000': 2000, '500': 2000, '200': 2000, '100': 2000, '50': 1000 };

/**
 * Vault ↔ till and till ↔ till cash transfers with two-party confirmation: the sender's cash leaves when sent
 * (`en_transito`), the receiver counts blind and accepts (it arrives) or rejects (it goes back). Each step is
 * one transaction with its till movement, the vault position and the journal entry.
 */
export const createVaultService = (deps: {
  db: Db;
  vault: VaultRepo;
  tills: TillRepo;
  users: UsersRepo;
  journal: Journal;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  tillCode: string;
  /** The receiving till's holding limit: a provision never takes it over (O-BP cash holding limits). */
  policy: Pick<TillPolicy, 'maxHolding'>;
  onChange: () => void;
}) => {
  const label = (p: Party) => (p.kind === 'vault' ? 'Bóveda' : `Caja ${p.ref}`);
  const name = (id: string | null) => (id === null ? null : (deps.users.findById(id)?.displayName ?? id));
  const isReceiver = (user: User, t: TransferRecord) =>
    t.to.kind === 'vault' ? user.role === 'supervisor' : deps.tills.findOpen(t.to.ref)?.tellerId === user.id;
  const view = (t: TransferRecord, user: User): TransferView => {
    const mine = t.state === 'en_transito' && t.sentBy !== user.id && isReceiver(user, t);
    return {
      id: t.id,
      from: t.from,
      to: t.to,
      fromLabel: label(t.from),
      toLabel: label(t.to),
      amount: mine ? null : t.amount,
      state: t.state,
      sentBy: name(t.sentBy) ?? t.sentBy,
      sentAt: t.sentAt,
      receivedBy: name(t.receivedBy),
      receivedAt: t.receivedAt,
      note: t.note,
      mine,
    };
  };
  const vaultPosition = () => deps.vault.position() ?? { position: {}, total: 0 };

  /** Moves pieces in or out of a party (vault or an open till) inside the caller's transaction. */
  const move = (p: Party, count: DenominationCount, sign: 1 | -1, kind: string, reference: string, at: string) => {
    if (p.kind === 'vault') {
      const v = vaultPosition();
      let next: DenominationCount;
      try {
        next = applyCount(v.position, count, sign);
      } catch {
        throw new AppError('CASH_SHORT', 'La bóveda no tiene esas piezas. Revise la mezcla de denominaciones.');
      }
      deps.vault.setPosition(next, totalOfCount(next), at);
      return;
    }
    const till = deps.tills.findOpen(p.ref);
    if (!till) throw new AppError('TILL_NOT_OPEN', `La caja ${p.ref} no está abierta.`);
    let next: DenominationCount;
    try {
      next = applyCount(till.position, count, sign);
    } catch {
      throw new AppError('CASH_SHORT', `La caja ${p.ref} no tiene esas piezas. Revise la mezcla de denominaciones.`);
    }
    const amount = totalOfCount(count);
    deps.tills.addMovement({ id: deps.ids.uuid(), tillSessionId: till.id, kind, reference, delta: count, amount: sign * amount, at }, next, totalOfCount(next));
  };

  const find = (id: string) => {
    const t = deps.vault.transfer(id);
    if (!t) throw new AppError('TRANSFER_NOT_FOUND', 'No existe ese traslado. Actualice la lista.');
    if (t.state !== 'en_transito') throw new AppError('TRANSFER_SETTLED', `Ese traslado ya fue ${t.state}.`);
    return t;
  };

  return {
    seedDemo: () => {
      if (deps.vault.position()) return false;
      inTransaction(deps.db, () => {
        const at = deps.clock.now().toISOString();
        deps.vault.setPosition(DEMO_VAULT, totalOfCount(DEMO_VAULT), at);
        deps.journal.record('vault_transfer', 'system', { action: 'saldo_inicial', count: DEMO_VAULT, total: totalOfCount(DEMO_VAULT) });
      });
      return true;
    },

    overview: (user: User) => {
      const v = vaultPosition();
      const today = `${bogotaDate(deps.clock.now())}T05:00:00.000Z`;
      const seen = new Map<string, TransferRecord>();
      for (const t of [...deps.vault.inTransit(), ...deps.vault.since(today)]) seen.set(t.id, t);
      return {
        vaultTotal: v.total,
        vaultPosition: user.role === 'supervisor' ? v.position : null,
        transfers: [...seen.values()].map((t) => view(t, user)),
      };
    },

    send: (user: User, req: { idempotencyKey: string; to: Party; count: DenominationCount; declaredTotal: number }) => {
      const amount = totalOfCount(req.count);
      if (amount !== req.declaredTotal || amount === 0) {
        throw new AppError('COUNT_MISMATCH', `El conteo suma ${formatPesos(amount)} y el total declarado es ${formatPesos(req.declaredTotal)}. Revise el conteo.`);
      }
      const from: Party = user.role === 'supervisor' ? { kind: 'vault', ref: 'BOVEDA' } : { kind: 'till', ref: deps.tillCode };
      if (from.kind === 'till') {
        const own = deps.tills.findOpen(deps.tillCode);
        if (!own) throw new AppError('TILL_NOT_OPEN', `La caja ${deps.tillCode} no está abierta.`);
        if (own.tellerId !== user.id) throw new AppError('TILL_NOT_YOURS', 'Solo quien abrió la caja traslada su efectivo.');
      }
      if ((from.kind === 'vault' && req.to.kind === 'vault') || (req.to.kind === 'till' && req.to.ref === from.ref)) {
        throw new AppError('INVALID_DESTINATION', 'El origen y el destino del traslado deben ser distintos.');
      }
      const receiver = req.to.kind === 'till' ? deps.tills.findOpen(req.to.ref) : null;
      if (req.to.kind === 'till' && !receiver) throw new AppError('TILL_NOT_OPEN', `La caja ${req.to.ref} no está abierta: no puede recibir un traslado.`);
      if (receiver && receiver.positionTotal + amount > deps.policy.maxHolding) {
        const room = Math.max(0, deps.policy.maxHolding - receiver.positionTotal);
        throw new AppError(
          'HOLDING_LIMIT',
          `Con este traslado la caja ${receiver.tillCode} quedaría en ${formatPesos(receiver.positionTotal + amount)}, por encima de su límite de ${formatPesos(deps.policy.maxHolding)}. Envíe como máximo ${formatPesos(room)}.`,
        );
      }
      const t = deps.idempotent('vault.send', req.idempotencyKey, req, () => {
        const at = deps.clock.now().toISOString();
        const id = deps.ids.uuid();
        move(from, req.count, -1, 'traslado_enviado', id, at);
        deps.vault.insertTransfer({ id, idempotencyKey: req.idempotencyKey, from, to: req.to, count: req.count, amount, sentBy: user.id, sentAt: at });
        deps.journal.record('vault_transfer', user.id, { action: 'enviado', transferId: id, from: label(from), to: label(req.to), count: req.count, total: amount, state: 'en_transito' });
        return id;
      });
      deps.onChange();
      return view(deps.vault.transfer(t) as TransferRecord, user);
    },

    accept: (user: User, req: { transferId: string; count: DenominationCount }) => {
      const out = inTransaction(deps.db, () => {
        const t = find(req.transferId);
        if (t.sentBy === user.id || !isReceiver(user, t)) {
          throw new AppError('NOT_THE_RECEIVER', `Este traslado lo recibe ${t.to.kind === 'vault' ? 'un supervisor en la bóveda' : `el cajero de la caja ${t.to.ref}`}, no quien lo envió.`);
        }
        if (!sameCount(t.count, req.count)) {
          throw new AppError('COUNT_DIFFERS', COUNT_DIFFERS_MESSAGE);
        }
        const at = deps.clock.now().toISOString();
        move(t.to, t.count, 1, t.from.kind === 'vault' ? 'provision' : 'traslado_recibido', t.id, at);
        deps.vault.settle(t.id, 'aceptado', user.id, at, null);
        deps.journal.record('vault_transfer', user.id, { action: 'aceptado', transferId: t.id, from: label(t.from), to: label(t.to), total: t.amount, state: 'aceptado' });
        return t.id;
      });
      deps.onChange();
      return view(deps.vault.transfer(out) as TransferRecord, user);
    },

    reject: (user: User, req: { transferId: string; note: string }) => {
      const out = inTransaction(deps.db, () => {
        const t = find(req.transferId);
        if (t.sentBy === user.id || !isReceiver(user, t)) throw new AppError('NOT_THE_RECEIVER', 'Solo quien debe recibir el traslado puede rechazarlo.');
        const at = deps.clock.now().toISOString();
        move(t.from, t.count, 1, 'traslado_devuelto', t.id, at);
        deps.vault.settle(t.id, 'rechazado', user.id, at, req.note);
        deps.journal.record('vault_transfer', user.id, { action: 'rechazado', transferId: t.id, from: label(t.from), to: label(t.to), total: t.amount, state: 'rechazado', note: req.note });
        return t.id;
      });
      deps.onChange();
      return view(deps.vault.transfer(out) as TransferRecord, user);
    },
  };
};
export type VaultService = ReturnType<typeof createVaultService>;
