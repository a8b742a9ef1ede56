import type { BranchCheque, Operation } from '../../domain/central-api';
import { getAccount } from '../accounts/ledger';
import type { Sql } from '../store/db';

/**
 * How many of a branch's settled cheques (paid, cleared or returned) one list carries, newest first: enough for the
 * screens' recent history. Every pending cheque (in canje, a remesa received or sent) is listed besides, whatever its
 * age: a teller must be able to return or move it from any workstation of the branch.
 */
export const BRANCH_CHEQUES_SETTLED_LIMIT = 500;

interface Row {
  deposit_key: string;
  workstation: string;
  account: string;
  body: string;
  release_on: string | null;
  state: 'pending' | 'cleared' | 'returned';
  sent_body: string | null;
  sent_ws: string | null;
  paid_body: string | null;
  paid_ws: string | null;
  rev_key: string | null;
  rev_body: string | null;
  rev_ws: string | null;
}

/** Business date at the branch (Colombia, UTC−5 all year) of an instant with offset. */
const bogotaDate = (at: string): string => new Date(Date.parse(at) - 5 * 3_600_000).toISOString().slice(0, 10);
const occurredOn = (body: string): string => bogotaDate((JSON.parse(body) as { occurredAt: string }).occurredAt);

/**
 * The branch's applied deposits of one cheque (what the branch sends per canje cheque or remesa), with what
 * happened to each since at any of its workstations: sent, paid (the `cheque_paid` that cleared it), reversed.
 * A deposit of several cheques at once is not a cheque in collection the branch follows one by one: left out.
 */
export const branchCheques = (sql: Sql, branch: string): BranchCheque[] => {
  const rows = sql.all<Row>(
    `SELECT o.key AS deposit_key, o.workstation, o.account, o.body, c.release_on, c.state,
       s.body AS sent_body, s.workstation AS sent_ws,
       p.body AS paid_body, p.workstation AS paid_ws,
       r.reversal_key AS rev_key, ro.body AS rev_body, ro.workstation AS rev_ws
     FROM operations o JOIN cheque_clearings c ON c.deposit_key = o.key
     LEFT JOIN operations s ON s.key = c.sent_by
     LEFT JOIN operations p ON p.key = c.settled_by AND p.type = 'cheque_paid'
     LEFT JOIN reversals r ON r.reversed_key = o.key
     LEFT JOIN operations ro ON ro.key = r.reversal_key
     WHERE o.branch = ? AND o.type = 'cheque_deposit' AND o.status = 'applied'
       AND (c.state = 'pending' OR o.key IN (
         SELECT so.key FROM operations so JOIN cheque_clearings sc ON sc.deposit_key = so.key
         WHERE so.branch = ? AND so.type = 'cheque_deposit' AND so.status = 'applied' AND sc.state <> 'pending'
         ORDER BY so.received_ms DESC, so.key LIMIT ?))
     ORDER BY o.received_ms DESC, o.key`,
    branch,
    branch,
    BRANCH_CHEQUES_SETTLED_LIMIT,
  );
  const holders = new Map<string, string>();
  const holderOf = (account: string): string => {
    let name = holders.get(account);
    if (name === undefined) {
      name = getAccount(sql, account)?.holders.map((h) => h.name).join(' / ') ?? '';
      holders.set(account, name);
    }
    return name;
  };
  return rows.flatMap((r): BranchCheque[] => {
    const op = JSON.parse(r.body) as Omit<Operation & { type: 'cheque_deposit' }, 'key'>;
    const [c, ...more] = op.payload.cheques;
    if (!c || more.length > 0) return [];
    const rev = r.rev_body === null ? null : (JSON.parse(r.rev_body) as Omit<Operation & { type: 'reversal' }, 'key'>);
    return [
      {
        depositKey: r.deposit_key,
        route: r.release_on === null ? 'remesa' : 'canje',
        workstation: r.workstation,
        account: r.account,
        holderName: holderOf(r.account),
        ...(op.payload.sequence ? { sequence: op.payload.sequence } : {}),
        bankCode: c.bankCode,
        number: c.number,
        ...(c.drawerAccount ? { drawerAccount: c.drawerAccount } : {}),
        ...(c.city ? { city: c.city } : {}),
        amount: c.amount,
        receivedAt: op.occurredAt,
        ...(r.release_on !== null ? { releaseOn: r.release_on } : {}),
        ...(op.payload.expectedOn ? { expectedOn: op.payload.expectedOn } : {}),
        clearing: r.state,
        ...(r.sent_body !== null && r.sent_ws !== null ? { sent: { on: occurredOn(r.sent_body), workstation: r.sent_ws } } : {}),
        ...(r.paid_body !== null && r.paid_ws !== null ? { paid: { on: occurredOn(r.paid_body), workstation: r.paid_ws } } : {}),
        ...(rev && r.rev_key !== null && r.rev_ws !== null
          ? { reversal: { key: r.rev_key, reasonCode: rev.payload.reasonCode, fee: rev.payload.fee ?? 0, on: bogotaDate(rev.occurredAt), workstation: r.rev_ws } }
          : {}),
      },
    ];
  });
};
