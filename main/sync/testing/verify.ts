import type { OutboxEntry, OutboxRepo } from '../../store/outbox/repo';
import type { CentralAudit } from './central-proc';

/**
 * Both sides of the sync compared: the branch's outbox against central's operations table. Returns the
 * discrepancies (empty = exactly once, nothing lost, same outcome, per-account order kept).
 */
export const compareSides = (outbox: OutboxRepo, audit: CentralAudit): string[] => {
  const problems: string[] = [];
  const all: OutboxEntry[] = (['pending', 'sent', 'unknown', 'applied', 'rejected', 'conflict'] as const)
    .flatMap((s) => outbox.inState(s, 1_000_000))
    .sort((a, b) => a.seq - b.seq);
  const central = new Map(audit.operations.map((o) => [o.key, o]));
  if (central.size !== audit.operations.length) problems.push('central lists a key twice');
  for (const e of all) {
    if (e.state !== 'applied' && e.state !== 'rejected') problems.push(`${e.key}: branch state ${e.state}`);
    const c = central.get(e.key);
    if (!c) {
      problems.push(`${e.key}: lost (not at central)`);
      continue;
    }
    if (c.status !== e.state) problems.push(`${e.key}: central ${c.status}, branch ${e.state}`);
    if (c.hash !== e.payloadHash) problems.push(`${e.key}: hash differs`);
    const expected = c.status === 'applied' ? (e.type === 'transfer' ? 2 : e.account ? 1 : 0) : 0;
    if (c.postings !== expected) problems.push(`${e.key}: ${c.postings} postings at central, expected ${expected}`);
  }
  const branchKeys = new Set(all.map((e) => e.key));
  for (const o of audit.operations) if (!branchKeys.has(o.key)) problems.push(`${o.key}: at central but not in the branch outbox`);
  // Per-account order: central's application order, restricted to one account, is the branch's posting order.
  const accounts = new Set(all.flatMap((e) => (e.account ? [e.account] : [])));
  for (const a of accounts) {
    const branchOrder = all.filter((e) => e.account === a).map((e) => e.key);
    const centralOrder = audit.operations.filter((o) => o.account === a).map((o) => o.key);
    if (branchOrder.join() !== centralOrder.join()) problems.push(`account ${a}: central applied in another order`);
  }
  if (audit.conflicts > 0) problems.push(`${audit.conflicts} key conflicts at central`);
  return problems;
};
