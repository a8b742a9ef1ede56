import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsTransport } from './ws-transport';

/** Just enough of the browser's WebSocket: the test decides when it opens, answers or drops. */
class FakeSocket {
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: { id: number; channel: string }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as { id: number; channel: string });
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const last = () => FakeSocket.made[FakeSocket.made.length - 1] as FakeSocket;

describe('browser-host transport: losing the core before or after a call left', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.made = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: '127.0.0.1:4780' });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a call sent whose answer never comes is CORE_NO_ANSWER: the core may have posted it', async () => {
    const transport = createWsTransport('ab'.repeat(16), () => {});
    last().open();
    const call = transport.invoke('withdrawal.post', { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(last().sent).toHaveLength(1));
    expect(last().sent[0]).toMatchObject({ channel: 'withdrawal.post' });
    last().drop();
    await expect(call).resolves.toEqual({
      ok: false,
      error: {
        code: 'CORE_NO_ANSWER',
        message:
          'No se sabe si la operación quedó registrada: NO la repita ni entregue/reciba efectivo por ella hasta verificar. Al restablecerse, revise Inicio (comprobantes registrados / pendientes).',
      },
    });
  });

  it('a call that could not be sent is CORE_UNREACHABLE: nothing reached the core, trying again is safe', async () => {
    const transport = createWsTransport('ab'.repeat(16), () => {});
    last().drop(); // the host is down: the socket closes without opening
    await expect(transport.invoke('withdrawal.post', { idempotencyKey: 'k' })).resolves.toEqual({
      ok: false,
      error: { code: 'CORE_UNREACHABLE', message: 'Sin conexión con el núcleo de Caja. Espere unos segundos y vuelva a intentar.' },
    });
    expect(FakeSocket.made.flatMap((s) => s.sent)).toEqual([]);
  });

  it('after a drop, a later call is not sent while the link is down, and is answered once it is back', async () => {
    const transport = createWsTransport('ab'.repeat(16), () => {});
    const first = last();
    first.open();
    first.drop();
    await vi.advanceTimersByTimeAsync(250);
    const second = last();
    expect(second).not.toBe(first);
    second.drop(); // the restart is not up yet
    await expect(transport.invoke('status.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'CORE_UNREACHABLE' } });
    await vi.advanceTimersByTimeAsync(500);
    const third = last();
    third.open();
    const call = transport.invoke('status.get', {});
    await vi.waitFor(() => expect(third.sent).toHaveLength(1));
    third.onmessage?.({ data: JSON.stringify({ t: 'result', id: third.sent[0]?.id, result: { ok: true, data: { fine: true } } }) });
    await expect(call).resolves.toEqual({ ok: true, data: { fine: true } });
  });

  it('told another window took over: answers what was in flight, sends nothing, does not reconnect until reclaimed', async () => {
    let told = 0;
    const transport = createWsTransport('ab'.repeat(16), () => {}, () => (told += 1));
    const first = last();
    first.open();
    const inFlight = transport.invoke('till.open', { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(first.sent).toHaveLength(1));
    first.onmessage?.({ data: JSON.stringify({ t: 'superseded' }) });
    expect(told).toBe(1);
    await expect(transport.invoke('status.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'CORE_UNREACHABLE' } });
    expect(first.sent).toHaveLength(1);
    first.onmessage?.({ data: JSON.stringify({ t: 'result', id: first.sent[0]?.id, result: { ok: true, data: { opened: true } } }) });
    await expect(inFlight).resolves.toEqual({ ok: true, data: { opened: true } });
    first.drop(4001);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.made).toHaveLength(1);

    transport.reclaim();
    const again = last();
    expect(again).not.toBe(first);
    again.open();
    const call = transport.invoke('status.get', {});
    await vi.waitFor(() => expect(again.sent).toHaveLength(1));
    again.onmessage?.({ data: JSON.stringify({ t: 'result', id: again.sent[0]?.id, result: { ok: true, data: {} } }) });
    await expect(call).resolves.toEqual({ ok: true, data: {} });
  });

  it('the replaced socket closing after "Usar aquí" does not fail the calls of the new one nor start another', async () => {
    const transport = createWsTransport('ab'.repeat(16), () => {});
    const first = last();
    first.open();
    const inFlight = transport.invoke('till.open', { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(first.sent).toHaveLength(1));
    first.onmessage?.({ data: JSON.stringify({ t: 'superseded' }) });
    transport.reclaim(); // while the old socket still owes its answer
    const again = last();
    again.open();
    const call = transport.invoke('status.get', {});
    await vi.waitFor(() => expect(again.sent).toHaveLength(1));
    first.onmessage?.({ data: JSON.stringify({ t: 'result', id: first.sent[0]?.id, result: { ok: true, data: { opened: true } } }) });
    first.drop(4001);
    await expect(inFlight).resolves.toEqual({ ok: true, data: { opened: true } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.made).toHaveLength(2);
    again.onmessage?.({ data: JSON.stringify({ t: 'result', id: again.sent[0]?.id, result: { ok: true, data: {} } }) });
    await expect(call).resolves.toEqual({ ok: true, data: {} });
  });
});
