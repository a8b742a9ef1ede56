import { afterEach, expect, it } from 'vitest';
import { referenceRepo } from '../../store/reference/repo';
import { CC, TODAY_UTC, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/** Luz's embargoed demo account (central/demo/seed.ts): $3.000.000 available, $1.800.000 embargo. */
const EMBARGOED = '240000000060';

/**
 * The demo's embargo is a child-support order (no protection), so the branch's copy of central's reference
 * data is given an ordinary one, and a second account of Luz with $51.000.000. The core has no sync link.
 */
const ordinaryEmbargoWithOtherSavings = () => {
  const repo = referenceRepo(w.core.db);
  const a = repo.getCentralAccount(EMBARGOED);
  if (!a) throw new Error(`demo account ${EMBARGOED} missing`);
  // Without the retention central kept for the child-support order: this made-up order retains from the balance.
  const { embargoRetained: _kept, ...balances } = a.balances;
  const ordinary = { ...a, balances, embargo: { alimentos: false, authority: 'Juzgado 12 Civil Municipal de Bogotá', reference: 'OFICIO 1' } };
  const savings = { ...a, number: '240000000999', state: 'activa' as const, embargoAmount: 0, embargo: null, balances: { available: 51_000_000, inCanje: 0, onHold: 0 } };
  repo.applyChanges(
    [
      { entity: 'account', version: 1_000_001, account: ordinary },
      { entity: 'account', version: 1_000_002, account: savings },
    ],
    repo.cursor(),
    TODAY_UTC,
  );
};

it('an embargoed account keeps only what the holder’s other savings leave of the inembargable amount (domain-co §3)', async () => {
  w = await world(shared.central);
  const lookup = async () => {
    const r = await w.call('accounts.lookup', { accountNumber: EMBARGOED });
    if (!r.ok) throw new Error(r.error.message);
    return r.data as { withdrawable: number | null; embargoRetained: number; maxWithdrawal: number | null };
  };
  ordinaryEmbargoWithOtherSavings();
  // 2024-10 → 2025-09: $52.385.725 protected; $51.000.000 of it is in the other account.
  // The panel tells the teller what is retained and the most a withdrawal can reach with its 4x1000.
  expect(await lookup()).toMatchObject({ withdrawable: 1_385_725, embargoRetained: 3_000_000 - 1_385_725, maxWithdrawal: 1_380_204 });
  const request = (amount: number) => ({ accountNumber: EMBARGOED, amount, presenters: [CC('900000003')], payout: { kind: 'efectivo' } });
  const refused = await w.call('withdrawal.evaluate', { request: request(1_385_000) });
  expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS' } });
  expect(await w.call('withdrawal.evaluate', { request: request(1_380_205) })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS' } });
  expect(await w.call('withdrawal.evaluate', { request: request(1_380_200) })).toMatchObject({ ok: true });
});
