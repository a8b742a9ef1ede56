import { afterEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, CentralErrorSchema, OperationStatusResponseSchema, centralApi } from '../domain/central-api';
import { DEMO_TEMPLATE_FORMAT, demoTemplateBase64 } from '../domain/devices/demo-citizens';
import { callRoute, startTestCentral, type TestCentral } from './testing/harness';
import { accountOf, batch, cashDeposit, newKey } from './testing/ops';

let t: TestCentral | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('authentication per workstation', () => {
  it('refuses requests without a token or with an unknown one, and accepts provisioned tokens', async () => {
    t = await startTestCentral({ demo: false, tokens: [{ token: 'provisioned-token-001-05', workstation: '001-05', branch: '001' }] });
    const none = await t.call('reference', { cursor: 0, limit: 1 }, null);
    expect(none.status).toBe(401);
    expect(CentralErrorSchema.parse(none.body).error.code).toBe('UNAUTHENTICATED');
    // Demo tokens are not valid when central is not in demo mode.
    expect((await t.call('reference', { cursor: 0, limit: 1 })).status).toBe(401);
    expect((await callRoute(t.central.url, 'reference', { cursor: 0, limit: 1 }, 'provisioned-token-001-05')).status).toBe(200);
    expect((await callRoute(t.central.url, 'health', {}, null)).status).toBe(200);
  });

  it('hides the clock hook unless started with --demo', async () => {
    t = await startTestCentral({ demo: false, tokens: [{ token: 'provisioned-token-001-05', workstation: '001-05', branch: '001' }] });
    expect((await callRoute(t.central.url, 'advanceClock', { ms: 1000 }, 'provisioned-token-001-05')).status).toBe(404);
  });
});

describe('branch isolation', () => {
  it('another branch’s workstation cannot see this branch’s operations or approvals', async () => {
    t = await startTestCentral({ tokens: [{ token: 'provisioned-token-002-01', workstation: '002-01', branch: '002' }] });
    const op = cashDeposit('240000000011', 1_000);
    await batch(t, [op]);
    const st = await callRoute(t.central.url, 'operationStatus', { key: op.key }, 'provisioned-token-002-01');
    expect(OperationStatusResponseSchema.parse(st.body).status).toBe('unknown');
    expect((await callRoute(t.central.url, 'postOperations', { operations: [op] }, 'provisioned-token-002-01')).status).toBe(403);
    expect((await callRoute(t.central.url, 'pendingApprovals', { branch: '001' }, 'provisioned-token-002-01')).status).toBe(403);
  });
});

describe('request validation and logging', () => {
  it('answers 400 with field paths but not the values sent', async () => {
    t = await startTestCentral();
    const r = await t.call('matchFingerprint', { documentType: 'XX' as 'CC', documentNumber: '900000001', template: '%%%', format: DEMO_TEMPLATE_FORMAT });
    expect(r.status).toBe(400);
    const text = JSON.stringify(r.body);
    expect(text).toContain('documentType');
    expect(text).not.toContain('900000001');
  });

  it('logs every request with method, route, status, duration and workstation, without PII', async () => {
    t = await startTestCentral();
    await t.call('matchFingerprint', { documentType: 'CC', documentNumber: '900000001', template: demoTemplateBase64('900000001', 'right-index'), format: DEMO_TEMPLATE_FORMAT });
    await t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000001', purpose: 'verification_code', statedCellphone: '3001234501' });
    await t.call('reference', { cursor: 0, limit: 50 });
    await t.call('operationStatus', { key: newKey() });
    await t.call('reference', { cursor: 0, limit: 50 }, null);
    expect(t.logs).toHaveLength(5);
    expect(t.logs[0]).toMatchObject({ method: 'POST', route: '/v1/registry/fingerprint:match', status: 200, workstation: '001-01' });
    expect(t.logs[3]?.route).toBe('/v1/operations/:key');
    expect(t.logs[4]).toMatchObject({ status: 401, workstation: null });
    for (const e of t.logs) expect(typeof e.durationMs).toBe('number');
    const text = JSON.stringify(t.logs);
    for (const pii of ['900000001', '3001234501', 'MARÍA', 'GÓMEZ', demoTemplateBase64('900000001', 'right-index').slice(0, 12)]) {
      expect(text).not.toContain(pii);
    }
  });
});

describe('durability', () => {
  it('keeps keys, balances and anchors across a restart on the same database file, without reseeding', async () => {
    t = await startTestCentral();
    expect(t.central.seeded).toBe(true);
    const op = cashDeposit('240000000011', 123_000);
    await batch(t, [op]);
    await t.call('anchorJournal', { workstation: '001-01', installation: 'e'.repeat(32), firstHash: 'f'.repeat(64), sequence: 7, headHash: 'a'.repeat(64) });
    await t.restart();
    expect(t.central.seeded).toBe(false);
    const [again] = BatchResponseSchema.parse((await batch(t, [op])).body).results;
    expect(again?.status).toBe('duplicate');
    expect(OperationStatusResponseSchema.parse((await t.call('operationStatus', { key: op.key })).body).status).toBe('applied');
    expect((await accountOf(t, '240000000011')).balances.available).toBe(2_623_000);
    expect((await t.call('anchorJournal', { workstation: '001-01', installation: 'e'.repeat(32), firstHash: 'f'.repeat(64), sequence: 6, headHash: 'b'.repeat(64) })).status).toBe(409);
  });
});

it('route table: unique method + path, every path versioned', () => {
  const seen = new Set<string>();
  for (const spec of Object.values(centralApi)) {
    const id = `${spec.method} ${spec.path}`;
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    expect(spec.path.startsWith('/v1/')).toBe(true);
  }
});
