import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, NearThresholdResponseSchema, StructuringAlertsResponseSchema, type Operation, type StructuringAlertPayload } from '../../domain/central-api';
import { seedDemo } from '../demo/seed';
import { applyBatch } from '../operations/apply';
import { openCentralDb, type Sql } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { newKey } from '../testing/ops';
import { branchStructuringAlerts, standingRejections } from './structuring-alerts';

/**
 * Every workstation's structuring alerts (UIAF) reach central once per event, through the outbox, and the branch's
 * month is read from there: the Oficial de Cumplimiento sees all of them in one list.
 */
const NOW = Date.parse('2025-03-20T15:00:00Z');
const rosa = { type: 'CC' as const, number: '900000005' };

const payload = (over: Partial<StructuringAlertPayload> = {}): StructuringAlertPayload => ({
  approvalId: newKey(),
  event: 'decided',
  alertOn: '2025-03-12',
  account: '240000000086',
  depositor: rosa,
  depositorName: 'ROSA MARTÍNEZ',
  by: 'both',
  deposits: [
    { on: '2025-03-10', amount: 9_500_000, account: '240000000086', depositor: rosa },
    { on: '2025-03-12', amount: 9_600_000, account: '240000000086', depositor: rosa },
  ],
  total: 19_100_000,
  windowFrom: '2025-03-06',
  windowTo: '2025-03-12',
  requestedAt: '2025-03-12T15:00:00.000Z',
  makerName: 'Cajero Uno',
  status: 'rechazada',
  checkerName: 'Supervisora Ana',
  decidedAt: '2025-03-12T15:02:00.000Z',
  note: 'Fraccionamiento evidente',
  reconsidered: null,
  usedBy: null,
  ...over,
});
const alertOp = (p: StructuringAlertPayload, branch = '001', workstation = `${branch}-01`): Operation => ({
  key: newKey(),
  branch,
  workstation,
  occurredAt: '2025-03-12T10:02:00-05:00',
  type: 'structuring_alert',
  payload: p,
});

describe('structuring alerts at central (unit)', () => {
  let sql: Sql;
  beforeEach(() => {
    sql = openCentralDb(':memory:');
    seedDemo(sql, NOW);
  });

  it('applies each event once by key; a reconsideration replaces the decision and an older event never undoes it', () => {
    const decided = alertOp(payload());
    const [first] = applyBatch(sql, [decided], NOW, '001-01');
    expect(first?.status).toBe('applied');
    expect(applyBatch(sql, [decided], NOW, '001-01')[0]?.status).toBe('duplicate');
    expect(branchStructuringAlerts(sql, '001', '2025-03').alerts).toHaveLength(1);

    const p = decided.type === 'structuring_alert' ? decided.payload : payload();
    const lifted = alertOp({ ...p, event: 'reconsidered', reconsidered: { byName: 'Supervisor Beto', at: '2025-03-13T14:00:00.000Z', note: 'Cliente con soporte' } });
    expect(applyBatch(sql, [lifted], NOW, '001-01')[0]?.status).toBe('applied');
    // The decision's snapshot again under a new key (not the outbox's order, but possible by hand): ignored.
    applyBatch(sql, [alertOp(p)], NOW, '001-01');
    const [alert] = branchStructuringAlerts(sql, '001', '2025-03').alerts;
    expect(alert).toMatchObject({ workstation: '001-01', status: 'rechazada', reconsidered: { byName: 'Supervisor Beto' } });
    expect(standingRejections(sql, { account: p.account, depositorType: 'CC', depositorNumber: 'X', since: '2025-03-06' }, '001-02')).toEqual([]);
  });

  it('an approved alert names the comprobante it became once posted, and an event without it never takes it back', () => {
    const decided = alertOp(payload({ status: 'aprobada', note: null }));
    const p = decided.type === 'structuring_alert' ? decided.payload : payload();
    applyBatch(sql, [decided], NOW, '001-01');
    expect(branchStructuringAlerts(sql, '001', '2025-03').alerts[0]?.usedBy).toBeNull();
    applyBatch(sql, [alertOp({ ...p, event: 'used', usedBy: '001-01-000007' })], NOW, '001-01');
    expect(branchStructuringAlerts(sql, '001', '2025-03').alerts[0]).toMatchObject({ status: 'aprobada', usedBy: '001-01-000007' });
    // The decision's snapshot again under a new key (not the outbox's order): the comprobante stays.
    applyBatch(sql, [alertOp(p)], NOW, '001-01');
    expect(branchStructuringAlerts(sql, '001', '2025-03').alerts[0]?.usedBy).toBe('001-01-000007');
  });

  it('lists one branch and one month by the alert date, with the workstation each came from', () => {
    applyBatch(sql, [alertOp(payload(), '001', '001-01'), alertOp(payload({ status: 'aprobada', note: null }), '001', '001-02')], NOW, '001-01');
    applyBatch(sql, [alertOp(payload(), '002')], NOW, '002-01');
    applyBatch(sql, [alertOp(payload({ alertOn: '2025-02-27', windowFrom: '2025-02-21', windowTo: '2025-02-27' }))], NOW, '001-01');
    const march = branchStructuringAlerts(sql, '001', '2025-03').alerts;
    expect(march.map((a) => [a.workstation, a.status])).toEqual([
      ['001-01', 'rechazada'],
      ['001-02', 'aprobada'],
    ]);
    expect(branchStructuringAlerts(sql, '001', '2025-02').alerts).toHaveLength(1);
  });

  it('a standing rejection is seen at the other workstations for the account or the depositor, within the window', () => {
    applyBatch(sql, [alertOp(payload(), '001', '001-01')], NOW, '001-01');
    const byAccount = { account: '240000000086', depositorType: 'CC', depositorNumber: '111', since: '2025-03-06' };
    const byDepositor = { account: '240000000011', depositorType: 'CC', depositorNumber: rosa.number, since: '2025-03-06' };
    expect(standingRejections(sql, byAccount, '002-01')).toHaveLength(1);
    expect(standingRejections(sql, byDepositor, '001-02')).toHaveLength(1);
    // Its own workstation has it; past the window it no longer stands.
    expect(standingRejections(sql, byAccount, '001-01')).toEqual([]);
    expect(standingRejections(sql, { ...byAccount, since: '2025-03-13' }, '001-02')).toEqual([]);
  });
});

describe('structuring alerts over HTTP', () => {
  let t: TestCentral;
  beforeEach(async () => {
    t = await startTestCentral();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('posted by one workstation, listed for the branch at another; another branch is refused', async () => {
    const op = alertOp(payload(), '001', '001-01');
    const posted = BatchResponseSchema.parse((await t.call('postOperations', { operations: [op] }, '001-01')).body);
    expect(posted.results[0]?.status).toBe('applied');
    const list = StructuringAlertsResponseSchema.parse((await t.call('structuringAlerts', { branch: '001', month: '2025-03' }, '001-03')).body);
    expect(list.alerts.map((a) => [a.workstation, a.account, a.checkerName])).toEqual([['001-01', '240000000086', 'Supervisora Ana']]);
    const other = await t.call('structuringAlerts', { branch: '002', month: '2025-03' }, '001-03');
    expect(other.status).toBe(403);
    // The deposit check at another workstation hears of the rejection with the window's deposits; 001-01 has its own.
    const q = { account: '240000000086', depositorType: 'CC' as const, depositorNumber: '900000009', from: '2025-03-06', to: '2025-03-12', min: 9_000_000, max: 10_000_000 };
    const near = NearThresholdResponseSchema.parse((await t.call('nearThresholdDeposits', q, '001-03')).body);
    expect(near.rejections).toMatchObject([{ workstation: '001-01', account: '240000000086', checkerName: 'Supervisora Ana', note: 'Fraccionamiento evidente' }]);
    expect(NearThresholdResponseSchema.parse((await t.call('nearThresholdDeposits', q, '001-01')).body).rejections).toEqual([]);
  });
});
