import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../domain/central-api';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, until } from '../../testing/stations';
import { data } from '../../testing/wire-data';

/**
 * A withdrawal paid by cheque de gerencia reaches central with the paper cheque's number, through the outbox: the
 * bank ties the cheque to the debit by it (reconciliation, orden de no pago). A retry of the message, or of the
 * teller's posting, never records the cheque twice.
 */
const central = centralProcessForFile();

const JUAN = '240000000029';
const CC = (number: string) => ({ type: 'CC' as const, number });

describe('cheque de gerencia number at central', () => {
  it('arrives with the withdrawal, exactly once', async () => {
    const s = await startStation(central, '001-03');
    try {
      data(await s.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
      data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
      await until(async () => (await s.call('accounts.lookup', { accountNumber: JUAN })).ok);
      const post = {
        idempotencyKey: randomUUID(),
        request: { accountNumber: JUAN, amount: 1_000_000, presenters: [CC('900000002')], payout: { kind: 'cheque-gerencia', number: '0007001234' } },
      };
      expect(data(await s.call('withdrawal.post', post))).toMatchObject({ status: 'posted' });
      // The teller retries the same comprobante: answered from the store, no second message.
      expect(data(await s.call('withdrawal.post', post))).toMatchObject({ status: 'posted' });
      const outbox = () => s.core.db.prepare("SELECT key, state, body FROM outbox WHERE type = 'withdrawal'").all() as { key: string; state: string; body: string }[];
      await until(() => Promise.resolve(outbox()[0]?.state === 'applied'), 30_000);
      const [sent, ...more] = outbox();
      expect(more).toEqual([]);
      if (!sent) throw new Error('no withdrawal in the outbox');

      // The message again, as after an acknowledgement lost on the way back: central answers it as a duplicate.
      const op = JSON.parse(sent.body) as Operation;
      const again = await createCentralClient({ url: central.url, token: central.token }).call('postOperations', { operations: [op] });
      expect(again.ok && again.data.results.map((r) => r.status)).toEqual(['duplicate']);

      const audit = await central.audit(sent.key);
      expect(audit.operations).toMatchObject([{ key: sent.key, status: 'applied' }]);
      expect(audit.chequesGerencia).toEqual([{ key: sent.key, number: '0007001234' }]);
    } finally {
      s.close();
    }
  }, 60_000);

  it('a number another withdrawal used is refused by central at the authorization: the teller is told not to hand the cheque over, and nothing is posted here or at central', async () => {
    const s = await startStation(central, '001-03');
    try {
      data(await s.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
      data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
      await until(async () => (await s.call('accounts.lookup', { accountNumber: JUAN })).ok);
      const byCheque = (number: string) => ({
        idempotencyKey: randomUUID(),
        request: { accountNumber: JUAN, amount: 300_000, presenters: [CC('900000002')], payout: { kind: 'cheque-gerencia', number } },
      });
      expect(data(await s.call('withdrawal.post', byCheque('7009001')))).toMatchObject({ status: 'posted' });
      const withdrawals = () => s.core.db.prepare("SELECT state FROM outbox WHERE type = 'withdrawal'").pluck().all() as string[];
      await until(() => Promise.resolve(withdrawals()[0] === 'applied'), 30_000);
      const comprobantes = () => s.core.db.prepare('SELECT COUNT(*) FROM comprobantes').pluck().get();
      const [postedHere, atCentral] = [comprobantes(), await central.audit()];

      // The same form typed again (its leading zeros too) for the customer's next withdrawal.
      const again = byCheque('0007009001');
      const refused = await s.call('withdrawal.post', again);
      expect(refused).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED' } });
      const message = refused.ok ? '' : refused.error.message;
      expect(message).toContain('El número del cheque de gerencia ya está registrado en otro retiro del banco');
      expect(message).toContain('No entregue el cheque de gerencia.');

      // Nothing posted at the branch, nothing left to confirm or to send; central held and debited nothing.
      expect(comprobantes()).toBe(postedHere);
      expect(withdrawals()).toEqual(['applied']);
      expect(data<{ debits: unknown[] }>(await s.call('withdrawal.unconfirmed', {})).debits).toEqual([]);
      const after = await central.audit();
      expect(after.accounts).toEqual(atCentral.accounts);
      expect(after.operations).toEqual(atCentral.operations);
      expect(after.chequesGerencia.filter((c) => c.number.endsWith('7009001'))).toHaveLength(1);
    } finally {
      s.close();
    }
  }, 60_000);
});
