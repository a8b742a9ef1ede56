import { z } from 'zod';

/**
 * Device configuration of one workstation, validated when the core loads it. Every device defaults to its
 * emulator so a fresh install (and every developer machine) runs without hardware.
 */
export const SerialLinkSchema = z.object({
  kind: z.literal('serial'),
  /** `/dev/ttyUSB0`, `/dev/serial/by-id/...` (stable across replugs) or `COM3`. */
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  /** rtscts is what Epson recommends with the 4 KB buffer (hardware.md §1.2). */
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});
export type SerialLink = z.infer<typeof SerialLinkSchema>;

export const TcpLinkSchema = z.object({
  kind: z.literal('tcp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(9100),
});
export type TcpLink = z.infer<typeof TcpLinkSchema>;

export const FileLinkSchema = z.object({
  kind: z.literal('file'),
  /** e.g. `/dev/usb/lp0` (Linux usblp). */
  path: z.string().min(1),
});
export type FileLink = z.infer<typeof FileLinkSchema>;

export const HidLinkSchema = z.object({
  kind: z.literal('hid'),
  /** Either a hidraw path or vendor/product ids (first match is opened). */
  path: z.string().min(1).optional(),
  vendorId: z.number().int().min(0).max(0xffff).optional(),
  productId: z.number().int().min(0).max(0xffff).optional(),
}).refine((l) => l.path !== undefined || (l.vendorId !== undefined && l.productId !== undefined), {
  message: 'Indique la ruta del dispositivo HID o su vendorId y productId',
});
export type HidLink = z.infer<typeof HidLinkSchema>;

/** Starts the device's emulator inside the device process and talks to it over 127.0.0.1. */
export const EmulatedLinkSchema = z.object({
  kind: z.literal('emulated'),
  /** Wire speed the emulator imitates (bytes × 10 / baud); omit for no throttling. */
  baudRate: z.number().int().positive().optional(),
  /** Printer emulator only: folder where each printed receipt is written as a text file. */
  outDir: z.string().min(1).optional(),
  /**
   * Printer emulator with a slip station only: the emulated teller puts the slip in this long after the station is
   * selected and takes it out this long after release (default 500 ms); null leaves the slip to the emulator controls.
   */
  autoSlipMs: z.number().int().min(0).max(60_000).nullable().optional(),
});
export type EmulatedLink = z.infer<typeof EmulatedLinkSchema>;

export const LinkSchema = z.union([SerialLinkSchema, TcpLinkSchema, FileLinkSchema, HidLinkSchema, EmulatedLinkSchema]);
export type Link = z.infer<typeof LinkSchema>;

/** Printer models with a known ESC/POS code-page table; `generic-escpos` follows Epson. */
export const PrinterModelSchema = z.enum([
  'epson-tm-t88v', 'epson-tm-t88vi', 'epson-tm-t20iii', 'epson-tm-h6000', 'bixolon-srp350iii', 'citizen-ct-s310ii',
  'hp-a779', 'generic-escpos',
]);
export type PrinterModel = z.infer<typeof PrinterModelSchema>;

export const PrinterConfigSchema = z.object({
  id: z.string().min(1).default('printer'),
  model: PrinterModelSchema.default('epson-tm-t88v'),
  paperWidth: z.enum(['80mm', '58mm']).default('80mm'),
  /** Overrides the model's `ESC t n` number for CP858 when a clone disagrees with its family. */
  cp858Number: z.number().int().min(0).max(255).optional(),
  /** Slip/validation station present (TM-H6000 class). */
  slip: z.boolean().default(false),
  heartbeatMs: z.number().int().min(250).max(10_000).default(1500),
  link: LinkSchema.default({ kind: 'emulated' }),
});
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;

export const FingerprintConfigSchema = z.discriminatedUnion('driver', [
  z.object({
    driver: z.literal('grow'),
    id: z.string().min(1).default('fingerprint'),
    link: LinkSchema.default({ kind: 'emulated' }),
    /** Module address and password (defaults of GROW modules). */
    address: z.number().int().min(0).max(0xffffffff).default(0xffffffff),
    password: z.number().int().min(0).max(0xffffffff).default(0),
    captureTimeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
  }),
  z.object({
    driver: z.literal('agent'),
    id: z.string().min(1).default('fingerprint'),
    /** The operator's local capture agent; only loopback is accepted because it carries biometrics. */
    url: z.url().refine((u) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), {
      message: 'El agente biométrico debe estar en este equipo (127.0.0.1)',
    }),
    captureTimeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
  }),
]);
export type FingerprintConfig = z.infer<typeof FingerprintConfigSchema>;

export const ScannerConfigSchema = z.object({
  id: z.string().min(1).default('scanner'),
  driver: z.literal('hid-pos').default('hid-pos'),
  link: z.union([HidLinkSchema, EmulatedLinkSchema]).default({ kind: 'emulated' }),
});
export type ScannerConfig = z.infer<typeof ScannerConfigSchema>;

export const DeviceConfigSchema = z.object({
  printer: PrinterConfigSchema.default(PrinterConfigSchema.parse({})),
  fingerprint: FingerprintConfigSchema.default({ driver: 'grow', id: 'fingerprint', link: { kind: 'emulated' }, address: 0xffffffff, password: 0, captureTimeoutMs: 10_000 }),
  scanner: ScannerConfigSchema.default(ScannerConfigSchema.parse({})),
  /** Reconnect backoff after an unplug: first wait, doubled up to the max. */
  reconnect: z.object({
    initialMs: z.number().int().min(50).default(500),
    maxMs: z.number().int().min(100).default(10_000),
  }).default({ initialMs: 500, maxMs: 10_000 }),
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof DeviceConfigSchema>;
