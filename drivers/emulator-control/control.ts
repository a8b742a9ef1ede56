import net from 'node:net';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Control channel shared by the device emulators: one JSON object per line in, one JSON object per line out.
 * Served on stdin/stdout (when run as a child process) and optionally on a TCP port on 127.0.0.1.
 */
export type ControlHandler = (command: unknown) => Promise<Record<string, unknown>>;

const serveStream = (input: Readable, output: Writable, handler: ControlHandler): readline.Interface => {
  const rl = readline.createInterface({ input });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      output.write(JSON.stringify({ ok: false, error: 'invalid JSON' }) + '\n');
      return;
    }
    handler(parsed)
      .then((r) => output.write(JSON.stringify({ ok: true, ...r }) + '\n'))
      .catch((err: unknown) => output.write(JSON.stringify({ ok: false, error: String(err instanceof Error ? err.message : err) }) + '\n'));
  });
  return rl;
};

export interface ControlServer {
  readonly port: number | undefined;
  close(): Promise<void>;
}

export const serveControl = async (handler: ControlHandler, o: { stdio: boolean; port?: number }): Promise<ControlServer> => {
  const rl = o.stdio ? serveStream(process.stdin, process.stdout, handler) : null;
  let server: net.Server | null = null;
  let port: number | undefined;
  if (o.port !== undefined) {
    const srv = net.createServer((socket) => {
      socket.on('error', () => undefined);
      serveStream(socket, socket, handler);
    });
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(o.port, '127.0.0.1', () => resolve());
    });
    server = srv;
    const a = srv.address();
    port = typeof a === 'object' && a ? a.port : o.port;
  }
  return {
    port,
    close: async () => {
      rl?.close();
      const s = server;
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
  };
};

/** Minimal `--flag value` parser for the emulator CLIs. */
export const parseFlags = (argv: readonly string[]): Map<string, string> => {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined || !a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), 'true');
    else { flags.set(a.slice(2), next); i++; }
  }
  return flags;
};

/** Events for a supervising process, one JSON object per line on stdout. */
export const emitEvent = (event: string, data: Record<string, unknown> = {}): void => {
  process.stdout.write(JSON.stringify({ event, ...data }) + '\n');
};
