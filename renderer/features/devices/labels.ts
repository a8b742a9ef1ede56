import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { DeviceStatus } from '../../../domain/contract/status';

export const STATE_LABEL: Record<DeviceStatus['state'], string> = {
  ok: 'Listo',
  warning: 'Atención',
  error: 'Requiere acción',
  offline: 'Desconectado',
  unknown: 'Conectando',
};

export const JOB_STATE_LABEL: Record<DevicePrintJob['state'], string> = {
  queued: 'En cola',
  printing: 'Imprimiendo',
  printed: 'Impreso',
  failed: 'Falló',
};

export const PRINTER_MODELS: { value: string; label: string }[] = [
  { value: 'epson-tm-t88v', label: 'Epson TM-T88V' },
  { value: 'epson-tm-t88vi', label: 'Epson TM-T88VI' },
  { value: 'epson-tm-t20iii', label: 'Epson TM-T20III' },
  { value: 'epson-tm-h6000', label: 'Epson TM-H6000 (con validación)' },
  { value: 'bixolon-srp350iii', label: 'Bixolon SRP-350III' },
  { value: 'citizen-ct-s310ii', label: 'Citizen CT-S310II' },
  { value: 'hp-a779', label: 'HP A779' },
  { value: 'generic-escpos', label: 'ESC/POS genérica' },
];

export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

export const EMULATOR_CONDITIONS: { value: 'ok' | 'near-end' | 'paper-out' | 'cover-open' | 'offline'; label: string }[] = [
  { value: 'ok', label: 'Normal' },
  { value: 'near-end', label: 'Papel por acabarse' },
  { value: 'paper-out', label: 'Sin papel' },
  { value: 'cover-open', label: 'Tapa abierta' },
  { value: 'offline', label: 'Fuera de línea' },
];
