import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WorkstationStatus } from '../../domain/contract/status';
import { startStation } from '../testing/stations';
import { data } from '../testing/wire-data';
import { centralProcessForFile } from './testing/central-proc';

const central = centralProcessForFile();

const linkOf = async (s: { call(c: string, p?: unknown): Promise<unknown> }) =>
  data<WorkstationStatus>((await s.call('status.get')) as Parameters<typeof data>[0]).central.state;

describe('the status bar link as the core composes it', () => {
  it('a withdrawal whose authorization finds central down has the bar "sin conexión" by the time its answer is back, not at the next round; its retry with central back turns it "en línea"', async () => {
    const s = await startStation(central, '001-03');
    const pushed: string[] = [];
    s.core.bus.subscribe((event, payload) => {
      if (event === 'status.changed') pushed.push((payload as WorkstationStatus).central.state);
    });
    try {
      data(await s.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
      data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '100000': 20 }, declaredTotal: 2_000_000 }));
      const end = Date.now() + 15_000;
      while ((await linkOf(s)) !== 'online' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(await linkOf(s)).toBe('online');

      await central.kill();
      const key = randomUUID();
      const withdrawal = { idempotencyKey: key, request: { accountNumber: '240000000029', amount: 100_000, presenters: [{ type: 'CC', number: '900000002' }], payout: { kind: 'efectivo' } } };
      expect(data(await s.call('withdrawal.post', withdrawal))).toMatchObject({ status: 'pendiente' });
      expect(await linkOf(s)).toBe('offline');
      // Pushed to the UI, not left for its next poll.
      expect(pushed).toContain('offline');

      await central.restart();
      expect(data(await s.call('withdrawal.post', withdrawal))).toMatchObject({ status: 'posted' });
      expect(await linkOf(s)).toBe('online');
      expect(pushed.at(-1)).toBe('online');
    } finally {
      s.close();
    }
  }, 60_000);
});

describe('a supervisor switching contingency on', () => {
  it('has the link checked before the answer: central down since the last round reads "sin conexión", not "central responde"', async () => {
    const s = await startStation(central, '001-03');
    try {
      data(await s.call('session.login', { username: 'supervisor1', password: 'Super.2026' }));
      const end = Date.now() + 15_000;
      while ((await linkOf(s)) !== 'online' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(await linkOf(s)).toBe('online');

      // Nothing asks central between the kill and the switch: only the switch can learn of the cut.
      await central.kill();
      expect(data(await s.call('sync.setContingency', { active: true, reason: 'Caída del enlace con central' }))).toEqual({ mode: 'contingencia' });
      const status = data<{ state: string; centralBack: unknown; message: string }>((await s.call('sync.status')) as Parameters<typeof data>[0]);
      expect(status).toMatchObject({ state: 'offline', centralBack: null });
      expect(status.message).toContain('Estación en CONTINGENCIA');
    } finally {
      await central.restart();
      s.close();
    }
  }, 60_000);
});
