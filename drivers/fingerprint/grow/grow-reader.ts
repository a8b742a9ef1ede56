import { EventEmitter } from 'node:events';
import type { Finger } from '../../../domain/devices/demo-citizens';
import type { Transport } from '../../transport/transport';
import {
  type CaptureOptions, type CaptureResult, FingerprintError, type FingerprintLiveStatus, type FingerprintPort, PLACE_FINGER_PROMPT,
} from '../port';
import { CMD, CONFIRM, DEFAULT_ADDRESS, type GrowPacket, PID, PacketParser, command, u32 } from './packet';

export interface GrowReaderOptions {
  address?: number;
  password?: number;
  /** How long the customer has to put the finger on the sensor. */
  captureTimeoutMs?: number;
  /** One command's answer (GenImg < 0.5 s on R30x, hardware.md §6). */
  commandTimeoutMs?: number;
  /** Resends of a command that got no answer before giving up with FINGER_TIMEOUT. */
  commandRetries?: number;
  /** Extra captures after a poor image before giving up with FINGER_POOR_IMAGE. */
  poorImageRetries?: number;
  /** GenImg poll period while waiting for the finger (100–200 ms, §3.2). */
  pollMs?: number;
  /** Idle liveness check period (ReadSysPara); 0 disables. */
  heartbeatMs?: number;
  /** Format tag reported with the template (`grow-r30x` for hardware, `caja-demo-v1` for the emulator). */
  templateFormat?: string;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal?.aborted) { reject(new FingerprintError('FINGER_CANCELLED')); return; }
  const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
  const onAbort = (): void => { clearTimeout(t); reject(new FingerprintError('FINGER_CANCELLED')); };
  signal?.addEventListener('abort', onAbort, { once: true });
});

/**
 * GROW R30x/R50x module over a serial transport: VfyPwd handshake, then capture = GenImg (poll until a finger is
 * there) → Img2Tz(1) → UpChar(1). Matching is not done here: the template goes to the caller. Events: `status`.
 */
export class GrowReader extends EventEmitter implements FingerprintPort {
  private readonly parser = new PacketParser();
  private inbox: GrowPacket[] = [];
  private waiter: { resolve(p: GrowPacket): void; reject(e: Error): void } | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private live: FingerprintLiveStatus = { connected: false, busy: false, problem: 'FINGER_DISCONNECTED' };
  private unsubscribe: (() => void)[] = [];
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly o: Required<GrowReaderOptions>;

  constructor(private readonly transport: Transport, options: GrowReaderOptions = {}) {
    super();
    this.o = {
      address: options.address ?? DEFAULT_ADDRESS,
      password: options.password ?? 0,
      captureTimeoutMs: options.captureTimeoutMs ?? 10_000,
      commandTimeoutMs: options.commandTimeoutMs ?? 1000,
      commandRetries: options.commandRetries ?? 2,
      poorImageRetries: options.poorImageRetries ?? 2,
      pollMs: options.pollMs ?? 150,
      heartbeatMs: options.heartbeatMs ?? 2000,
      templateFormat: options.templateFormat ?? 'grow-r30x',
    };
  }

  get status(): FingerprintLiveStatus {
    return this.live;
  }

  /** Garbage bytes skipped while resynchronising on packet headers. */
  get droppedBytes(): number {
    return this.parser.dropped;
  }

  private update(next: Partial<FingerprintLiveStatus>): void {
    const merged = { ...this.live, ...next };
    if (JSON.stringify(merged) === JSON.stringify(this.live)) return;
    this.live = merged;
    this.emit('status', merged);
  }

  async start(): Promise<void> {
    await this.transport.open();
    this.inbox = [];
    this.unsubscribe = [
      this.transport.onData((d) => this.onBytes(d)),
      this.transport.onClose(() => this.onClosed()),
    ];
    try {
      await this.handshake();
    } catch (err) {
      await this.stop();
      throw err;
    }
    this.update({ connected: true, problem: null });
    if (this.o.heartbeatMs > 0) this.heartbeat = setInterval(() => void this.beat(), this.o.heartbeatMs);
  }

  async stop(): Promise<void> {
    this.detach();
    await this.transport.close();
    this.update({ connected: false, busy: false, problem: 'FINGER_DISCONNECTED' });
  }

  private detach(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.waiter?.reject(new FingerprintError('FINGER_DISCONNECTED'));
    this.waiter = null;
  }

  private onClosed(): void {
    this.detach();
    this.update({ connected: false, busy: false, problem: 'FINGER_DISCONNECTED' });
    this.emit('disconnected');
  }

  private onBytes(d: Uint8Array): void {
    for (const p of this.parser.push(d)) {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w.resolve(p);
      } else {
        this.inbox.push(p);
      }
    }
  }

  private nextPacket(timeoutMs: number): Promise<GrowPacket> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiter = null; reject(new FingerprintError('FINGER_TIMEOUT')); }, timeoutMs);
      this.waiter = {
        resolve: (p) => { clearTimeout(timer); resolve(p); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
    });
  }

  /** One command → its acknowledge, resent on silence; commands never overlap. */
  private exchange(code: number, params: readonly number[] = []): Promise<{ code: number; data: Uint8Array }> {
    const run = async (): Promise<{ code: number; data: Uint8Array }> => {
      for (let attempt = 0; ; attempt++) {
        if (!this.transport.isOpen) throw new FingerprintError('FINGER_DISCONNECTED');
        this.inbox = []; // anything unread belongs to an abandoned exchange
        try {
          await this.transport.write(command(code, params, this.o.address));
        } catch {
          throw new FingerprintError('FINGER_DISCONNECTED');
        }
        try {
          for (;;) {
            const p = await this.nextPacket(this.o.commandTimeoutMs);
            if (p.pid !== PID.ack) continue; // stray data packets from an abandoned upload
            return { code: p.payload[0] ?? 0xff, data: p.payload.subarray(1) };
          }
        } catch (err) {
          if (!(err instanceof FingerprintError) || err.code !== 'FINGER_TIMEOUT' || attempt >= this.o.commandRetries) throw err;
        }
      }
    };
    const next = this.lock.then(run, run);
    this.lock = next.catch(() => undefined);
    return next;
  }

  private async handshake(): Promise<void> {
    const r = await this.exchange(CMD.vfyPwd, u32(this.o.password));
    if (r.code === CONFIRM.wrongPassword) throw new FingerprintError('FINGER_WRONG_PASSWORD');
    if (r.code !== CONFIRM.ok) throw new FingerprintError('FINGER_DEVICE_ERROR', `VfyPwd 0x${r.code.toString(16)}`);
  }

  private async beat(): Promise<void> {
    if (this.live.busy || !this.transport.isOpen) return;
    try {
      await this.exchange(CMD.readSysPara);
      this.update({ problem: null });
    } catch (err) {
      if (err instanceof FingerprintError && this.transport.isOpen) this.update({ problem: err.code });
    }
  }

  async capture(_finger: Finger, options: CaptureOptions = {}): Promise<CaptureResult> {
    if (this.live.busy) throw new FingerprintError('FINGER_BUSY');
    if (!this.transport.isOpen) throw new FingerprintError('FINGER_DISCONNECTED');
    this.update({ busy: true });
    try {
      const result = await this.captureLoop(options);
      this.update({ busy: false, problem: null });
      return result;
    } catch (err) {
      this.update({ busy: false });
      throw err;
    }
  }

  private async captureLoop(o: CaptureOptions): Promise<CaptureResult> {
    const deadline = performance.now() + this.o.captureTimeoutMs;
    let poor = 0;
    o.onPrompt?.(PLACE_FINGER_PROMPT);
    for (;;) {
      if (o.signal?.aborted) throw new FingerprintError('FINGER_CANCELLED');
      const img = await this.exchange(CMD.genImg);
      if (img.code === CONFIRM.noFinger) {
        if (performance.now() > deadline) throw new FingerprintError('FINGER_NO_FINGER');
        await sleep(this.o.pollMs, o.signal);
        continue;
      }
      let bad = img.code === CONFIRM.imagingFail;
      if (!bad && img.code !== CONFIRM.ok) throw new FingerprintError('FINGER_DEVICE_ERROR', `GenImg 0x${img.code.toString(16)}`);
      if (!bad) {
        const tz = await this.exchange(CMD.img2Tz, [1]);
        bad = tz.code === CONFIRM.disorderly || tz.code === CONFIRM.tooFewFeatures || tz.code === CONFIRM.noPrimaryImage;
        if (!bad && tz.code !== CONFIRM.ok) throw new FingerprintError('FINGER_DEVICE_ERROR', `Img2Tz 0x${tz.code.toString(16)}`);
        if (!bad) return { template: Buffer.from(await this.upload()).toString('base64'), format: this.o.templateFormat, quality: null };
      }
      if (++poor > this.o.poorImageRetries) throw new FingerprintError('FINGER_POOR_IMAGE');
      o.onPrompt?.('Pida al cliente que levante el dedo y lo apoye de nuevo, sin presionar de más.');
      await sleep(this.o.pollMs, o.signal);
    }
  }

  /** UpChar(1): ack, then data packets (PID 02) until the end packet (PID 08). */
  private upload(): Promise<Uint8Array> {
    const run = async (): Promise<Uint8Array> => {
      this.inbox = [];
      await this.transport.write(command(CMD.upChar, [1], this.o.address)).catch(() => {
        throw new FingerprintError('FINGER_DISCONNECTED');
      });
      const ack = await this.nextPacket(this.o.commandTimeoutMs);
      if (ack.pid !== PID.ack || ack.payload[0] !== CONFIRM.ok) throw new FingerprintError('FINGER_DEVICE_ERROR', 'UpChar');
      const parts: Uint8Array[] = [];
      for (;;) {
        const p = await this.nextPacket(this.o.commandTimeoutMs);
        if (p.pid !== PID.data && p.pid !== PID.end) throw new FingerprintError('FINGER_DEVICE_ERROR', 'UpChar data');
        parts.push(p.payload);
        if (p.pid === PID.end) break;
      }
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) { out.set(p, at); at += p.length; }
      return out;
    };
    const next = this.lock.then(run, run);
    this.lock = next.catch(() => undefined);
    return next;
  }
}
