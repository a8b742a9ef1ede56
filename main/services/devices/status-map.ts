import type { DeviceStatus } from '../../../domain/contract/status';
import type { DeviceConfig } from '../../../domain/devices/config';
import type { DeviceKind, DeviceStatus as LiveStatus } from '../../../domain/devices/status';
import { plural } from '../../../domain/language/plural';

const LABEL: Record<DeviceKind, string> = { printer: 'Impresora', fingerprint: 'Lector de huella', scanner: 'Lector de cédula' };
const READY: Record<DeviceKind, string> = {
  printer: 'Impresora lista.',
  fingerprint: 'Lector de huella listo.',
  scanner: 'Lector de cédula listo.',
};
const BUSY: Record<DeviceKind, string> = {
  printer: 'Imprimiendo…',
  fingerprint: 'Capturando huella…',
  scanner: 'Leyendo cédula…',
};

const contractKind = (kind: DeviceKind, config: DeviceConfig): DeviceStatus['kind'] => {
  if (kind === 'printer') return config.printer.slip ? 'slip_printer' : 'receipt_printer';
  return kind;
};

/** What the status bar shows for one device: the driver's Spanish message, or a plain "ready". */
export const toContractStatus = (s: LiveStatus, config: DeviceConfig): DeviceStatus => {
  const base = { id: s.id, kind: contractKind(s.kind, config), label: LABEL[s.kind], problem: s.problem ?? null, emulated: s.emulated };
  switch (s.state) {
    case 'ready':
      return s.message ? { ...base, state: 'warning', message: s.message } : { ...base, state: 'ok', message: READY[s.kind] };
    case 'busy':
      return { ...base, state: 'ok', message: s.message ?? BUSY[s.kind] };
    case 'attention':
      return { ...base, state: 'error', message: s.message ?? `${LABEL[s.kind]}: revise el equipo y pulse Reintentar.` };
    case 'disconnected':
      return { ...base, state: 'offline', message: s.message ?? `${LABEL[s.kind]} desconectado: revise el cable; se reconectará solo.` };
    case 'connecting':
      return { ...base, state: 'unknown', message: 'Conectando…' };
  }
};

/** Placeholder rows while the devices start or restart with new settings. */
export const startingStatuses = (config: DeviceConfig, message: string): DeviceStatus[] => {
  const rows: { id: string; kind: DeviceKind; emulated: boolean }[] = [
    { id: config.printer.id, kind: 'printer', emulated: config.printer.link.kind === 'emulated' },
    {
      id: config.fingerprint.id,
      kind: 'fingerprint',
      emulated: config.fingerprint.driver === 'grow' && config.fingerprint.link.kind === 'emulated',
    },
    { id: config.scanner.id, kind: 'scanner', emulated: config.scanner.link.kind === 'emulated' },
  ];
  return rows.map((r) => ({
    id: r.id, kind: contractKind(r.kind, config), label: LABEL[r.kind], problem: null, emulated: r.emulated, state: 'unknown', message,
  }));
};

/** Papers left unprinted turn a ready printer into a warning, so the teller does not forget them. */
export const withPendingJobs = (s: DeviceStatus, failed: number): DeviceStatus => {
  if (failed === 0 || s.state !== 'ok') return s;
  // Receipts, constancias and reports alike: Dispositivos lists them all as documents.
  const what = `Hay ${plural(failed, 'documento', 'documentos')} sin imprimir`;
  return { ...s, state: 'warning', message: `${what}: pulse Reintentar en Dispositivos (F9).` };
};
