import type { Account } from '../../../../domain/central-api';
import { outboxRepo } from '../../../store/outbox/repo';
import { createPump } from '../../../sync/pump';
import type { World } from './world';

/** Sends the world's outbox to its central until nothing is left, as the sync pump does in the app. */
export const drainer = (w: World) => {
  const pump = createPump({ db: w.core.db, outbox: outboxRepo(w.core.db), client: w.client, clock: w.clock });
  return async () => {
    for (let i = 0; i < 20; i++) if ((await pump.step()).idle) return;
    throw new Error('outbox did not drain');
  };
};

/** An account's balances as central has them now (its reference feed). */
export const centralBalances = async (w: World, accountNumber: string) => {
  const r = await w.client.call('reference', { cursor: 0, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  const found = r.data.changes.find((c): c is { entity: 'account'; version: number; account: Account } => c.entity === 'account' && c.account.number === accountNumber);
  if (!found) throw new Error('account not at central');
  return found.account.balances;
};

/**
 * The teller's own steps up to a cargo pendiente: a Bogotá cheque deposited in canje and cleared at central, the
 * balance withdrawn at central down to `keep`, then the cheque returned with its $ 15.000 fee. Answers what
 * `canje.return` answered, for the test to say what stays owed.
 */
export const leaveReturnedChequeCharge = async (
  w: World,
  c: { account: string; depositor: { id: { type: string; number: string }; name: string }; number: string; drawerAccount: string; amount: number; keep?: number },
) => {
  const slip = { accountNumber: c.account, depositor: c.depositor, cheques: [{ bank: '07', number: c.number, drawerAccount: c.drawerAccount, amount: c.amount, city: 'Bogotá D.C.' }], declaredTotal: c.amount };
  const dep = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip });
  if (!dep.ok) throw new Error(dep.error.message);
  await drainer(w)();
  const list = await w.call('canje.list', {});
  const cheque = (list.ok ? (list.data as { cheques: { id: string; chequeNumber: string }[] }).cheques : []).find((x) => x.chequeNumber === c.number);
  if (!cheque) throw new Error('no canje cheque');
  w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(cheque.id);
  const { available } = await centralBalances(w, c.account);
  const spent = { key: crypto.randomUUID(), branch: '001', workstation: '001-03', occurredAt: '2025-03-03T09:30:00-05:00', account: c.account, type: 'withdrawal' as const, payload: { amount: available - (c.keep ?? 0), gmf: 0 } };
  const withdrawn = await w.client.call('postOperations', { operations: [spent] });
  if (!withdrawn.ok || withdrawn.data.results[0]?.status !== 'applied') throw new Error('withdrawal not applied');
  return w.call('canje.return', { idempotencyKey: crypto.randomUUID(), chequeId: cheque.id, causalId: 'fondos-insuficientes', chargeFee: true } as never);
};
