/**
 * One byte-stream interface for every link a device can sit on (serial, TCP 9100, device file, HID). Drivers
 * only see this, so they run unchanged against hardware, emulators and scripted fakes.
 */
export interface Transport {
  /** Human-readable endpoint for logs (never includes payloads). */
  readonly describe: string;
  /** Bytes per second on the wire when known (serial: baud / 10 for 8N1), so drivers can budget timeouts. */
  readonly wireBytesPerSecond?: number;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the bytes were handed to the OS. */
  write(data: Uint8Array): Promise<void>;
  /** Returns an unsubscribe function. */
  onData(listener: (data: Uint8Array) => void): () => void;
  /** Fired once per open session, when the link closes for any reason (`error` set when it was not asked). */
  onClose(listener: (error?: TransportError) => void): () => void;
  readonly isOpen: boolean;
}

export type TransportErrorCode =
  | 'TRANSPORT_NOT_FOUND'
  | 'TRANSPORT_PERMISSION'
  | 'TRANSPORT_BUSY'
  | 'TRANSPORT_REFUSED'
  | 'TRANSPORT_DISCONNECTED'
  | 'TRANSPORT_NOT_OPEN'
  | 'TRANSPORT_WRITE_FAILED'
  | 'TRANSPORT_TIMEOUT'
  | 'TRANSPORT_UNAVAILABLE';

const MESSAGES: Record<TransportErrorCode, string> = {
  TRANSPORT_NOT_FOUND: 'No se encontró el dispositivo: revise que esté conectado y encendido.',
  TRANSPORT_PERMISSION: 'Sin permiso para usar el dispositivo: pida a soporte que agregue el usuario a los grupos dialout/plugdev.',
  TRANSPORT_BUSY: 'El dispositivo está en uso por otro programa: ciérrelo y pulse Reintentar.',
  TRANSPORT_REFUSED: 'El dispositivo de red no responde: revise el cable de red y que esté encendido.',
  TRANSPORT_DISCONNECTED: 'Se perdió la conexión con el dispositivo: revise el cable; se reconectará solo.',
  TRANSPORT_NOT_OPEN: 'El dispositivo no está conectado: espere a que se reconecte y pulse Reintentar.',
  TRANSPORT_WRITE_FAILED: 'No se pudo enviar datos al dispositivo: revise el cable y pulse Reintentar.',
  TRANSPORT_TIMEOUT: 'El dispositivo no respondió a tiempo: revise que esté encendido y pulse Reintentar.',
  TRANSPORT_UNAVAILABLE: 'El controlador del dispositivo no está instalado en este equipo: llame a soporte.',
};

/** Typed transport failure; `message` is for the teller, `detail` (system text) for support logs. */
export class TransportError extends Error {
  readonly code: TransportErrorCode;
  readonly detail: string | undefined;
  constructor(code: TransportErrorCode, detail?: string) {
    super(MESSAGES[code]);
    this.name = 'TransportError';
    this.code = code;
    this.detail = detail;
  }
}

/** Maps Node/system error codes to transport codes. */
export const toTransportError = (err: unknown, fallback: TransportErrorCode): TransportError => {
  if (err instanceof TransportError) return err;
  const e = err as { code?: string; message?: string } | undefined;
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  if (/ENOENT|No such file|cannot open|not found/i.test(text)) return new TransportError('TRANSPORT_NOT_FOUND', text);
  if (/EACCES|EPERM|Permission denied/i.test(text)) return new TransportError('TRANSPORT_PERMISSION', text);
  if (/EBUSY|Resource busy|Cannot lock/i.test(text)) return new TransportError('TRANSPORT_BUSY', text);
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/i.test(text)) return new TransportError('TRANSPORT_REFUSED', text);
  if (/ETIMEDOUT/i.test(text)) return new TransportError('TRANSPORT_TIMEOUT', text);
  if (/EIO|EPIPE|ECONNRESET|bad file descriptor|disconnected/i.test(text)) return new TransportError('TRANSPORT_DISCONNECTED', text);
  return new TransportError(fallback, text);
};

/** Listener bookkeeping shared by the transports. */
export class TransportListeners {
  private readonly data = new Set<(d: Uint8Array) => void>();
  private readonly close = new Set<(e?: TransportError) => void>();

  onData(listener: (d: Uint8Array) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onClose(listener: (e?: TransportError) => void): () => void {
    this.close.add(listener);
    return () => this.close.delete(listener);
  }

  emitData(d: Uint8Array): void {
    for (const l of [...this.data]) l(d);
  }

  emitClose(e?: TransportError): void {
    for (const l of [...this.close]) l(e);
  }
}
