import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AccountSchema, type Account } from '../../domain/central-api';
import { DEFAULT_CONTINGENCY_CAPS } from '../../domain/contingency';
import { manualClock } from '../core/runtime';
import { createJournal } from '../services/journal/writer';
import { inTransaction, openDatabase, type Db } from '../store/db';
import { journalRepo } from '../store/journal/repo';
import { contingencyRepo } from '../store/outbox/contingency-repo';
import { outboxRepo } from '../store/outbox/repo';
import { referenceRepo } from '../store/reference/repo';
import { tempDir } from '../testing/temp-core';
import { createContingency } from './contingency';
import { keyFor, withdrawal } from './testing/ops';

let dir: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  dir = tempDir('caja-contingency-');
  db = openDatabase(join(dir.dir, 'caja.sqlite'));
});
afterEach(() => {
  db.close();
  dir.remove();
});

const account: Account = AccountSchema.parse({
  number: '240000000029', product: 'ahorros', kind: 'individual', owner: 'natural',
  holders: [{ documentType: 'CC', documentNumber: '900000002', name: 'JUAN' }], authorized: [], state: 'activa', gmfExempt: false,
  balances: { available: 2_500_000, inCanje: 0, onHold: 0 }, embargoAmount: 0, openedOn: '2019-06-14',
  registeredCellphone: null, city: 'Bogotá D.C.', branch: '001',
});
const juan = { documentType: 'CC' as const, documentNumber: '900000002' };

type Link = { state: 'online' | 'offline' | 'unknown'; onlineSince: string | null };

const setup = (opts: { autoEndAfterMs?: number } = {}) => {
  // 10:00 in Bogotá.
  const clock = manualClock(new Date('2026-03-02T15:00:00Z'));
  let link: Link = { state: 'offline', onlineSince: null };
  const outbox = outboxRepo(db);
  const reference = referenceRepo(db);
  reference.applyChanges([{ entity: 'account', version: 1, account }], 1, clock.now().toISOString());
  const journal = createJournal({ repo: journalRepo(db), clock, workstation: '001-03' });
  let changes = 0;
  const contingency = createContingency({
    db, repo: contingencyRepo(db), outbox, reference, journal, clock, caps: DEFAULT_CONTINGENCY_CAPS, tillCode: '03',
    link: () => link, autoEndAfterMs: opts.autoEndAfterMs ?? 120_000, onChange: () => changes++,
  });
  const linkUp = () => (link = { state: 'online', onlineSince: clock.now().toISOString() });
  const linkDown = () => (link = { state: 'offline', onlineSince: null });
  /** A contingency withdrawal as the posting service commits it: outbox row and cap counter together. */
  const pay = (n: number, amount: number) =>
    inTransaction(db, () => {
      const key = keyFor(0xc0, n);
      outbox.enqueue(withdrawal(key, account.number, amount), { contingency: true });
      contingency.recordWithdrawal(key, { accountNumber: account.number, customer: juan, amount, gmf: 0 });
    });
  return { clock, outbox, journal, contingency, pay, linkUp, linkDown, changes: () => changes };
};

describe('contingency', () => {
  it('starts normal; a supervisor switch is journaled and pushed once, the same switch again is a no-op', () => {
    const s = setup();
    expect(s.contingency.mode()).toBe('normal');
    expect(s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'Caída del enlace').mode).toBe('contingencia');
    expect(s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'otra vez').changedBy).toBe('sup1');
    expect(s.changes()).toBe(1);
    expect(s.journal.verify()).toMatchObject({ ok: true });
    expect(s.contingency.record()).toMatchObject({ mode: 'contingencia', changedBy: 'sup1', reason: 'Caída del enlace' });
  });

  it('refuses offline withdrawals until the branch is in contingency', () => {
    const s = setup();
    const r = s.contingency.check({ accountNumber: account.number, customer: juan, amount: 100_000, gmf: 400 });
    expect(r.ok || r.error.code).toBe('CONTINGENCY_NOT_ACTIVE');
  });

  it('counts paid contingency withdrawals against the per-customer daily cap and the known balance', () => {
    const s = setup();
    s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'Caída del enlace');
    const ask = (amount: number) => s.contingency.check({ accountNumber: account.number, customer: juan, amount, gmf: 0 });
    expect(ask(2_000_000)).toMatchObject({ ok: true, value: { availableBefore: 2_500_000, availableAfter: 500_000 } });
    s.pay(1, 2_000_000);
    // 2.500.000 known − 2.000.000 still owed to central.
    expect(ask(600_000)).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS_OFFLINE' } });
    expect(ask(500_000)).toMatchObject({ ok: true });
    s.pay(2, 500_000);
    // Customer cap 3.000.000 a day: 2.500.000 paid.
    expect(ask(500_001)).toMatchObject({ ok: false, error: { code: 'OVER_CUSTOMER_DAY_CAP' } });
    // Next business day in Bogotá: the daily caps start again (the balance still counts the owed debits).
    s.clock.advance(24 * 3_600_000);
    expect(ask(1)).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS_OFFLINE' } });
    expect(s.outbox.pendingEffects(account.number).debits).toBe(2_500_000);
  });
});

describe('contingency when central answers again', () => {
  it('posts without central only while the link is down', () => {
    const s = setup();
    expect(s.contingency.withoutCentral()).toBe(false);
    s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'Caída del enlace');
    expect(s.contingency.withoutCentral()).toBe(true);
    s.linkUp();
    expect(s.contingency.withoutCentral()).toBe(false);
  });

  it('ends by itself once central has answered for the whole period without a cut, journaled as the system', () => {
    const s = setup({ autoEndAfterMs: 120_000 });
    s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'Caída del enlace');
    s.clock.advance(600_000);
    expect(s.contingency.endIfCentralBack()).toBe(false);
    s.linkUp();
    expect(s.contingency.centralBack()).toEqual({ since: '2026-03-02T15:10:00.000Z', returned: true, endsAt: '2026-03-02T15:12:00.000Z' });
    s.clock.advance(119_000);
    expect(s.contingency.endIfCentralBack()).toBe(false);
    // A cut starts the period again.
    s.linkDown();
    s.clock.advance(5_000);
    expect(s.contingency.endIfCentralBack()).toBe(false);
    s.linkUp();
    s.clock.advance(119_999);
    expect(s.contingency.endIfCentralBack()).toBe(false);
    s.clock.advance(1);
    expect(s.contingency.endIfCentralBack()).toBe(true);
    expect(s.contingency.record()).toMatchObject({ mode: 'normal', changedBy: 'system', reason: expect.stringContaining('2 min') });
    expect(s.contingency.centralBack()).toBeNull();
    expect(s.journal.verify()).toMatchObject({ ok: true });
  });

  it('counts the period from the switch when a supervisor turns contingency on with central up', () => {
    const s = setup({ autoEndAfterMs: 120_000 });
    s.linkUp();
    s.clock.advance(3_600_000);
    s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'Mantenimiento anunciado de central');
    expect(s.contingency.centralBack()).toMatchObject({ returned: false, since: s.contingency.record().changedAt });
    expect(s.contingency.endIfCentralBack()).toBe(false);
    s.clock.advance(120_000);
    expect(s.contingency.endIfCentralBack()).toBe(true);
  });

  it('never ends by itself when the period is 0: only a supervisor ends it', () => {
    const s = setup({ autoEndAfterMs: 0 });
    s.contingency.setMode({ id: 'sup1' }, 'contingencia', 'Caída del enlace');
    s.linkUp();
    s.clock.advance(86_400_000);
    expect(s.contingency.centralBack()).toMatchObject({ endsAt: null });
    expect(s.contingency.endIfCentralBack()).toBe(false);
    expect(s.contingency.mode()).toBe('contingencia');
  });
});
