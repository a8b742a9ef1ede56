import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { type Finger, fingerPosition } from '../../../domain/devices/demo-citizens';
import {
  type CaptureOptions, type CaptureResult, FingerprintError, type FingerprintErrorCode, type FingerprintLiveStatus, type FingerprintPort,
  PLACE_FINGER_PROMPT,
} from '../port';

/**
 * Adapter for the biometric operator's local capture agent (HTTP on 127.0.0.1). Operator APIs are not public
 * (hardware.md §3.4), so this is Caja's assumed contract, kept small so each operator needs only a mapping:
 *   GET  /v1/status  → { ready: boolean, device?: string }
 *   POST /v1/capture { finger, position, timeoutMs } → 200 { template, format, quality }
 *                                          | 4xx/5xx { error: NO_FINGER | POOR_QUALITY | TIMEOUT | DEVICE_NOT_READY }
 */
export const AgentStatusSchema = z.object({ ready: z.boolean(), device: z.string().optional() });
export const AgentCaptureSchema = z.object({
  template: z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'template must be base64'),
  format: z.string().min(1),
  quality: z.number().min(0).max(100).nullable(),
});
export const AgentErrorSchema = z.object({ error: z.enum(['NO_FINGER', 'POOR_QUALITY', 'TIMEOUT', 'DEVICE_NOT_READY']), message: z.string().optional() });

const ERROR_MAP: Record<z.infer<typeof AgentErrorSchema>['error'], FingerprintErrorCode> = {
  NO_FINGER: 'FINGER_NO_FINGER',
  POOR_QUALITY: 'FINGER_POOR_IMAGE',
  TIMEOUT: 'FINGER_NO_FINGER',
  DEVICE_NOT_READY: 'FINGER_DISCONNECTED',
};

export interface AgentReaderOptions {
  url: string;
  captureTimeoutMs?: number;
  /** Status poll period; 0 disables. */
  heartbeatMs?: number;
}

export class AgentReader extends EventEmitter implements FingerprintPort {
  private live: FingerprintLiveStatus = { connected: false, busy: false, problem: 'FINGER_AGENT_UNAVAILABLE' };
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly base: string;

  constructor(private readonly options: AgentReaderOptions) {
    super();
    this.base = options.url.replace(/\/+$/, '');
  }

  get status(): FingerprintLiveStatus {
    return this.live;
  }

  private update(next: Partial<FingerprintLiveStatus>): void {
    const merged = { ...this.live, ...next };
    if (JSON.stringify(merged) === JSON.stringify(this.live)) return;
    const wasConnected = this.live.connected;
    this.live = merged;
    this.emit('status', merged);
    if (wasConnected && !merged.connected) this.emit('disconnected');
  }

  private async request(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if (init.signal?.aborted) throw new FingerprintError('FINGER_CANCELLED');
      const name = (err as { name?: string }).name;
      throw new FingerprintError(name === 'TimeoutError' ? 'FINGER_TIMEOUT' : 'FINGER_AGENT_UNAVAILABLE', String(err));
    }
  }

  private async checkStatus(): Promise<void> {
    const res = await this.request('/v1/status', {}, 2000);
    const body = AgentStatusSchema.safeParse(await res.json().catch(() => null));
    if (!res.ok || !body.success) throw new FingerprintError('FINGER_AGENT_UNAVAILABLE', `status ${res.status}`);
    if (!body.data.ready) throw new FingerprintError('FINGER_DISCONNECTED');
  }

  async start(): Promise<void> {
    await this.checkStatus();
    this.update({ connected: true, problem: null });
    const every = this.options.heartbeatMs ?? 2000;
    if (every > 0) {
      this.heartbeat = setInterval(() => {
        if (this.live.busy) return;
        this.checkStatus().then(
          () => this.update({ connected: true, problem: null }),
          (err: unknown) => this.update({ connected: false, problem: err instanceof FingerprintError ? err.code : 'FINGER_AGENT_UNAVAILABLE' }),
        );
      }, every);
    }
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.update({ connected: false, busy: false, problem: 'FINGER_AGENT_UNAVAILABLE' });
  }

  async capture(finger: Finger, o: CaptureOptions = {}): Promise<CaptureResult> {
    if (this.live.busy) throw new FingerprintError('FINGER_BUSY');
    this.update({ busy: true });
    o.onPrompt?.(PLACE_FINGER_PROMPT);
    const timeoutMs = this.options.captureTimeoutMs ?? 15_000;
    try {
      const signal = o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(timeoutMs + 2000)]) : AbortSignal.timeout(timeoutMs + 2000);
      const res = await this.request('/v1/capture', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ finger, position: fingerPosition(finger), timeoutMs }),
        signal,
      }, timeoutMs + 2000).catch((err: unknown) => {
        if (err instanceof FingerprintError && err.code === 'FINGER_CANCELLED' && !o.signal?.aborted) throw new FingerprintError('FINGER_TIMEOUT');
        throw err;
      });
      const json: unknown = await res.json().catch(() => null);
      if (res.ok) {
        const ok = AgentCaptureSchema.safeParse(json);
        if (!ok.success) throw new FingerprintError('FINGER_DEVICE_ERROR', 'respuesta del agente inválida');
        this.update({ busy: false, connected: true, problem: null });
        return ok.data;
      }
      const bad = AgentErrorSchema.safeParse(json);
      throw new FingerprintError(bad.success ? ERROR_MAP[bad.data.error] : 'FINGER_DEVICE_ERROR', `HTTP ${res.status}`);
    } finally {
      this.update({ busy: false });
    }
  }
}
