import type { ReferenceChange, ReferenceResponse } from '../../domain/central-api';
import { getAccount, getCustomer } from '../accounts/ledger';
import { settleDue } from '../cheques/clearing';
import type { Sql } from '../store/db';

/**
 * Delta sync: every entity sits at its latest version; a page is the entities with version > cursor in
 * version order. A change made while a branch pages moves the entity past the branch's cursor, so the
 * branch sees it again later and never misses it.
 */
export const referencePage = (sql: Sql, cursor: number, limit: number, nowMs: number): ReferenceResponse =>
  sql.tx(() => {
    settleDue(sql, nowMs);
    const rows = sql.all<{ entity: 'account' | 'customer'; entity_id: string; version: number }>(
      'SELECT entity, entity_id, version FROM ref_versions WHERE version > ? ORDER BY version LIMIT ?',
      cursor,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const changes: ReferenceChange[] = [];
    for (const r of page) {
      if (r.entity === 'account') {
        const account = getAccount(sql, r.entity_id);
        if (account) changes.push({ entity: 'account', version: r.version, account });
      } else {
        const [type = '', number = ''] = r.entity_id.split(':');
        const customer = getCustomer(sql, type, number);
        if (customer) changes.push({ entity: 'customer', version: r.version, customer });
      }
    }
    return { changes, nextCursor: page.at(-1)?.version ?? cursor, hasMore: rows.length > limit };
  });
