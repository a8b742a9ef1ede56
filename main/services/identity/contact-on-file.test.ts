import { afterEach, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';
import { CC, sharedCentral, world, type World } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World | undefined;
afterEach(() => w?.close());

/**
 * The UIAF declaration starts from the address and phone central has for the person who hands over or receives
 * the cash (domain-co §2: the transactor's address; phone per bank practice). Central's demo customers
 * (central/demo/seed.ts), pulled from a real central process into the workstation's SQLite file.
 */
it('answers the address and cellphone central registered, says which datum central lacks, and who it does not know', async () => {
  w = await world(shared.central, { openTill: false });
  // Juan Pérez: both registered.
  expect(await w.call('identity.contactOnFile', { id: CC('900000002') })).toEqual({ ok: true, data: { status: 'found', address: 'CARRERA 7 72 41', phone: '3101234502' } });
  // Rosa Castro: a cellphone but no postal address at central.
  expect(await w.call('identity.contactOnFile', { id: CC('900000005') })).toEqual({ ok: true, data: { status: 'found', address: null, phone: '3501234505' } });
  // A third party who is not a customer: nothing to offer.
  expect(await w.call('identity.contactOnFile', { id: CC('52123456') })).toEqual({ ok: true, data: { status: 'not_found', address: null, phone: null } });
});

it('a workstation that has not received central’s records yet says so instead of guessing', async () => {
  const t = await tempCore();
  try {
    await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    expect(await t.call('identity.contactOnFile', { id: CC('900000002') })).toEqual({ ok: true, data: { status: 'not_synced', address: null, phone: null } });
  } finally {
    t.close();
  }
});
