/**
 * The SMS gateway central hands codes to. The real one is an operator's HTTP API; the demo one keeps the
 * messages in memory (never on disk, they carry the code) and "delivers" them after a delay unless the number
 * is marked unreachable. Status is asked with the current time so an injected clock drives delivery.
 */
export interface SmsMessage {
  to: string;
  text: string;
  /** When central handed it over (epoch ms). */
  atMs: number;
}
export type SmsStatus = { state: 'pending' } | { state: 'delivered'; atMs: number } | { state: 'failed'; atMs: number };

export interface SmsGateway {
  send(msg: SmsMessage): string;
  status(gatewayId: string, nowMs: number): SmsStatus;
}

export interface DemoSmsGateway extends SmsGateway {
  /** For tests and the demo console only. */
  readonly outbox: ReadonlyMap<string, SmsMessage>;
}

/** `lastSerial`: the highest serial already handed out (from central's `sms_log`), so ids never repeat across restarts. */
export const DEMO_SMS_PREFIX = 'SMS';

export const demoSmsGateway = (opts: { deliveryDelayMs?: number; unreachable?: readonly string[]; lastSerial?: number } = {}): DemoSmsGateway => {
  const delay = opts.deliveryDelayMs ?? 10_000;
  const unreachable = new Set(opts.unreachable ?? []);
  const outbox = new Map<string, SmsMessage>();
  let n = opts.lastSerial ?? 0;
  return {
    outbox,
    send: (msg) => {
      const id = `${DEMO_SMS_PREFIX}${String(++n).padStart(8, '0')}`;
      outbox.set(id, msg);
      return id;
    },
    status: (id, nowMs) => {
      const msg = outbox.get(id);
      // Unknown after a restart (memory only): a real gateway would still answer; report pending, the
      // deadline then decides.
      if (!msg || unreachable.has(msg.to)) return { state: 'pending' };
      const at = msg.atMs + delay;
      return nowMs >= at ? { state: 'delivered', atMs: at } : { state: 'pending' };
    },
  };
};
