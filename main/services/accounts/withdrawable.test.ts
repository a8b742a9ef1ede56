import { afterEach, expect, it } from 'vitest';
import { world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

type View = { withdrawable: number | null; maxWithdrawal: number | null; withdrawalNote: string | null };
const lookup = async (accountNumber: string): Promise<View> => {
  const r = await w.call('accounts.lookup', { accountNumber });
  if (!r.ok) throw new Error(r.error.message);
  return r.data as View;
};

it('a blocked account has nothing withdrawable today, and says why instead of a figure (cl. 7.2)', async () => {
  w = await world(shared.central);
  expect(await lookup('240000000094')).toMatchObject({ withdrawable: 0, maxWithdrawal: 0, withdrawalNote: expect.stringContaining('bloqueada') });
});

it('an inactive account shows what a withdrawal could take, only with the supervisor’s reactivation (cl. 7.1); an active one has no note', async () => {
  w = await world(shared.central);
  const inactive = await lookup('240000000052');
  expect(inactive.maxWithdrawal).toBeGreaterThan(0);
  expect(inactive.withdrawalNote).toContain('reactivación aprobada por el supervisor');
  expect((await lookup('240000000029')).withdrawalNote).toBeNull();
});
