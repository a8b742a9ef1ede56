import http from 'node:http';
import { z } from 'zod';
import { DEMO_TEMPLATE_FORMAT, FingerSchema, demoTemplateBase64 } from '../../../domain/devices/demo-citizens';

export type FakeAgentMode = 'ok' | 'no-finger' | 'poor-image' | 'not-ready' | 'slow';

export interface FakeAgent {
  readonly port: number;
  mode: FakeAgentMode;
  /** The citizen whose finger the fake "reads". */
  documentNumber: string;
  stop(): Promise<void>;
}

const CaptureBody = z.object({ finger: FingerSchema, position: z.number().int().optional(), timeoutMs: z.number().int().positive() });

/** A stand-in for the operator's local agent, speaking the contract documented in agent-reader.ts. */
export const startFakeAgent = async (o: { port?: number; mode?: FakeAgentMode; documentNumber?: string } = {}): Promise<FakeAgent> => {
  const state = { mode: o.mode ?? 'ok', documentNumber: o.documentNumber ?? '900000001' };
  const json = (res: http.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/status') {
      json(res, 200, { ready: state.mode !== 'not-ready', device: 'Lector simulado' });
      return;
    }
    if (req.method === 'POST' && req.url === '/v1/capture') {
      let raw = '';
      req.on('data', (c: Buffer) => { raw += c.toString(); });
      req.on('end', () => {
        const body = CaptureBody.safeParse(JSON.parse(raw || 'null'));
        if (!body.success) { json(res, 400, { error: 'bad request' }); return; }
        switch (state.mode) {
          case 'no-finger': json(res, 422, { error: 'NO_FINGER' }); return;
          case 'poor-image': json(res, 422, { error: 'POOR_QUALITY' }); return;
          case 'not-ready': json(res, 503, { error: 'DEVICE_NOT_READY' }); return;
          case 'slow': return; // never answers: the adapter's timeout must fire
          case 'ok':
            json(res, 200, { template: demoTemplateBase64(state.documentNumber, body.data.finger), format: DEMO_TEMPLATE_FORMAT, quality: 82 });
        }
      });
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', () => resolve()));
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return {
    port,
    get mode() { return state.mode; },
    set mode(m: FakeAgentMode) { state.mode = m; },
    get documentNumber() { return state.documentNumber; },
    set documentNumber(d: string) { state.documentNumber = d; },
    stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
};
