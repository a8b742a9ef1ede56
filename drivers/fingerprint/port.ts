import type { Finger } from '../../domain/devices/demo-citizens';

/**
 * The fingerprint port the core uses, whatever sits behind it (GROW UART module, the biometric operator's local
 * agent, an emulator). The template is biometric data (Ley 1581 de 2012): it lives only in memory, is handed to the
 * caller and is never logged or written to disk by a driver.
 */
export interface CaptureResult {
  /** Base64 of the template bytes. */
  template: string;
  /** Template format tag, e.g. `caja-demo-v1`, `grow-r30x`, `iso-19794-2`. */
  format: string;
  /** NFIQ 2 style 0–100 (higher is better) when the device measures it; null when it does not. */
  quality: number | null;
}

export interface FingerprintLiveStatus {
  connected: boolean;
  /** Capture in progress. */
  busy: boolean;
  problem: FingerprintErrorCode | null;
}

export interface CaptureOptions {
  signal?: AbortSignal;
  /** Called while waiting, with a Spanish prompt for the teller/customer. */
  onPrompt?: (prompt: string) => void;
}

export interface FingerprintPort {
  readonly status: FingerprintLiveStatus;
  start(): Promise<void>;
  stop(): Promise<void>;
  capture(finger: Finger, options?: CaptureOptions): Promise<CaptureResult>;
  on(event: 'status', listener: (s: FingerprintLiveStatus) => void): this;
  on(event: 'disconnected', listener: () => void): this;
}

export type FingerprintErrorCode =
  | 'FINGER_NO_FINGER'
  | 'FINGER_POOR_IMAGE'
  | 'FINGER_TIMEOUT'
  | 'FINGER_DISCONNECTED'
  | 'FINGER_DEVICE_ERROR'
  | 'FINGER_WRONG_PASSWORD'
  | 'FINGER_AGENT_UNAVAILABLE'
  | 'FINGER_CANCELLED'
  | 'FINGER_BUSY';

// Every capture screen's button is "Capturar huella": the messages name it, not a "Reintentar" that is not there.
export const FINGERPRINT_MESSAGES: Record<FingerprintErrorCode, string> = {
  FINGER_NO_FINGER: 'No se detectó el dedo: pida al cliente que apoye el dedo indicado en el lector y pulse Capturar huella de nuevo.',
  FINGER_POOR_IMAGE: 'La huella no se leyó bien: limpie el lector y el dedo del cliente, apóyelo sin presionar de más y pulse Capturar huella de nuevo.',
  FINGER_TIMEOUT: 'El lector de huella no respondió a tiempo: revise el cable y pulse Capturar huella de nuevo.',
  FINGER_DISCONNECTED: 'Lector de huella desconectado: revise el cable; se reconectará solo.',
  FINGER_DEVICE_ERROR: 'El lector de huella reportó un error: desconéctelo, conéctelo de nuevo y pulse Capturar huella.',
  FINGER_WRONG_PASSWORD: 'El lector de huella no aceptó la clave configurada: llame a soporte.',
  FINGER_AGENT_UNAVAILABLE: 'El servicio biométrico del operador no está disponible en este equipo: ábralo o llame a soporte.',
  FINGER_CANCELLED: 'Captura de huella cancelada.',
  FINGER_BUSY: 'Ya hay una captura de huella en curso: espere a que termine.',
};

export class FingerprintError extends Error {
  readonly code: FingerprintErrorCode;
  constructor(code: FingerprintErrorCode, readonly detail?: string) {
    super(FINGERPRINT_MESSAGES[code]);
    this.name = 'FingerprintError';
    this.code = code;
  }
}

export const PLACE_FINGER_PROMPT = 'Pida al cliente que apoye el dedo en el lector.';
