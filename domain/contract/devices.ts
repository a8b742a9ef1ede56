import { z } from 'zod';
import { FingerprintConfigSchema, PrinterConfigSchema, ScannerConfigSchema } from '../devices/config';
import { FingerSchema } from '../devices/demo-citizens';
import { PRINT_JOB_KINDS } from '../receipt/paper';
import { channel } from './channel';
import { DeviceStatusSchema } from './status';

/** A receipt sent to the printer, as recorded by the core before the first byte left. */
export const DevicePrintJobSchema = z.object({
  jobId: z.string(),
  /** What the paper proves: comprobante sequence, or `PRUEBA-…` for a test print. */
  reference: z.string(),
  sequence: z.string(),
  /** Which paper it is, as recorded where it was made (domain/receipt/paper.ts); copies keep their original's. */
  kind: z.enum(PRINT_JOB_KINDS),
  /** 0 = original; n = "COPIA No. n". */
  copyNumber: z.number().int().nonnegative(),
  state: z.enum(['queued', 'printing', 'printed', 'failed']),
  attempts: z.number().int().nonnegative(),
  /** Why it failed, in Spanish with what to do (e.g. "Impresora sin papel: cambie el rollo y pulse Reintentar."). */
  reason: z.object({ code: z.string(), message: z.string() }).nullable(),
  /**
   * An attempt failed after its bytes began to leave: the paper may be out, whole or in part. Reintentar then
   * prints it marked "REIMPRESIÓN", so that a customer never holds two unmarked originals.
   */
  mayHavePrinted: z.boolean(),
  /**
   * A validation at the slip station in progress: what the teller does now ("Inserte el comprobante…", "Retire el
   * comprobante validado."), as the driver's stage says it. Absent for a receipt and for a validation not running.
   */
  prompt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DevicePrintJob = z.infer<typeof DevicePrintJobSchema>;

export const DeviceSettingsSchema = z.object({
  printer: PrinterConfigSchema,
  fingerprint: FingerprintConfigSchema,
  scanner: ScannerConfigSchema,
});
export type DeviceSettings = z.infer<typeof DeviceSettingsSchema>;

export const SerialPortInfoSchema = z.object({
  path: z.string(),
  manufacturer: z.string().optional(),
  serialNumber: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
});
export const HidDeviceInfoSchema = z.object({
  path: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  product: z.string().optional(),
  manufacturer: z.string().optional(),
  usagePage: z.number().int().optional(),
});
export const DiscoverySchema = z.object({
  serial: z.array(SerialPortInfoSchema),
  hid: z.array(HidDeviceInfoSchema),
});
export type Discovery = z.infer<typeof DiscoverySchema>;

/** One saved device section; validated with the same schemas the device manager uses. */
export const DeviceConfigureSchema = z.discriminatedUnion('device', [
  z.object({ device: z.literal('printer'), config: PrinterConfigSchema }),
  z.object({ device: z.literal('fingerprint'), config: FingerprintConfigSchema }),
  z.object({ device: z.literal('scanner'), config: ScannerConfigSchema }),
]);
export type DeviceConfigure = z.infer<typeof DeviceConfigureSchema>;

const EmulatorConditionSchema = z.enum(['ok', 'near-end', 'paper-out', 'cover-open', 'offline']);
const ReaderModeSchema = z.enum(['ok', 'no-finger', 'poor-image', 'timeout']);
const DocumentNumber = z.string().regex(/^\d{5,10}$/, { message: 'Número de cédula de 5 a 10 dígitos' });

/** Demo and training controls; refused unless that device runs on its emulator. */
export const EmulatorCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('printer.condition'), value: EmulatorConditionSchema }),
  z.object({ action: z.literal('printer.unplug') }),
  /** The roll runs out a few lines into the next paper: a print cut while its bytes were leaving. */
  z.object({ action: z.literal('printer.paperOutMidJob') }),
  z.object({ action: z.literal('printer.replug') }),
  /** The teller's hand at the slip station: the customer's slip in the validation slot, and out again. */
  z.object({ action: z.literal('printer.insertSlip') }),
  z.object({ action: z.literal('printer.removeSlip') }),
  z.object({ action: z.literal('fingerprint.place'), documentNumber: DocumentNumber, finger: FingerSchema }),
  z.object({ action: z.literal('fingerprint.lift') }),
  z.object({ action: z.literal('fingerprint.mode'), value: ReaderModeSchema }),
  z.object({ action: z.literal('fingerprint.unplug') }),
  z.object({ action: z.literal('fingerprint.replug') }),
  z.object({ action: z.literal('scanner.scan'), documentNumber: DocumentNumber }),
  z.object({ action: z.literal('scanner.unplug') }),
  z.object({ action: z.literal('scanner.replug') }),
]);
export type EmulatorCommand = z.infer<typeof EmulatorCommandSchema>;

/** The last paper the printer emulator produced, so a workstation without a printer can see what was printed. */
export const EmulatedPaperSchema = z.object({
  kind: z.enum(['receipt', 'slip']),
  lines: z.array(z.string()),
  complete: z.boolean(),
});

const JobOut = z.object({ job: DevicePrintJobSchema });
const FINGER_ERRORS = [
  'FINGER_NO_FINGER', 'FINGER_POOR_IMAGE', 'FINGER_TIMEOUT', 'FINGER_DISCONNECTED', 'FINGER_DEVICE_ERROR',
  'FINGER_WRONG_PASSWORD', 'FINGER_AGENT_UNAVAILABLE', 'FINGER_CANCELLED', 'FINGER_BUSY', 'DEVICES_RESTARTING',
] as const;

export const devicesChannels = {
  /** Every device's state and settings, the recent print jobs and (emulator) the last printed paper. */
  'devices.list': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({
      devices: z.array(DeviceStatusSchema),
      settings: DeviceSettingsSchema,
      jobs: z.array(DevicePrintJobSchema),
      lastPaper: EmulatedPaperSchema.nullable(),
    }),
  }),
  /** Serial ports (`SerialPort.list`) and HID devices (`HID.devices`) seen by this workstation. */
  'devices.discover': channel({ access: 'user', request: z.object({}), response: DiscoverySchema }),
  /** Saves one device's settings and reconnects the devices with them, without restarting Caja. */
  'devices.configure': channel({
    access: 'supervisor',
    request: DeviceConfigureSchema,
    response: z.object({ settings: DeviceSettingsSchema }),
    errors: ['DEVICE_CONFIG_INVALID'],
  }),
  'devices.testPrint': channel({ access: 'user', request: z.object({}), response: JobOut }),
  /** Captures a finger and reports only its quality: the template never leaves the core. */
  'devices.testCapture': channel({
    access: 'user',
    request: z.object({ finger: FingerSchema.default('right-index') }),
    response: z.object({ format: z.string(), quality: z.number().nullable() }),
    errors: FINGER_ERRORS,
  }),
  'devices.retryJob': channel({
    access: 'user',
    request: z.object({ jobId: z.string().min(1) }),
    response: JobOut,
    errors: ['PRINT_JOB_NOT_FOUND', 'PRINT_JOB_NOT_FAILED'],
  }),
  /**
   * Prints "COPIA No. n" of a receipt (by job id or reference) and journals it as a reprint. `marks`: what the copy
   * says on top, its original's and what is true now (a reversed comprobante's "REVERSADO con R-…").
   */
  'devices.reprint': channel({
    access: 'user',
    request: z.object({ target: z.string().min(1) }),
    response: z.object({ job: DevicePrintJobSchema, marks: z.array(z.string()) }),
    errors: ['PRINT_JOB_NOT_FOUND', 'PRINT_NOT_PRINTED_YET', 'PRINT_TEST_NO_COPY'],
  }),
  /** One job as it is now: the receipt screens follow their own job until it printed or failed. */
  /**
   * "Omitir validación": stops a validation waiting for the customer's slip; the job stays failed in Dispositivos (F9)
   * with Reintentar. A slip already imprinted is not undone: the job then reads printed.
   */
  'devices.skipValidation': channel({
    access: 'user',
    request: z.object({ jobId: z.string().min(1) }),
    response: JobOut,
    errors: ['PRINT_JOB_NOT_FOUND', 'PRINT_JOB_NOT_FAILED'],
  }),
  'devices.job': channel({
    access: 'user',
    request: z.object({ jobId: z.string().min(1) }),
    response: JobOut,
    errors: ['PRINT_JOB_NOT_FOUND'],
  }),
  'devices.jobs': channel({
    access: 'user',
    request: z.object({ reference: z.string().min(1).optional() }),
    response: z.object({ jobs: z.array(DevicePrintJobSchema) }),
  }),
  'devices.emulator': channel({
    access: 'user',
    request: EmulatorCommandSchema,
    response: z.object({ devices: z.array(DeviceStatusSchema) }),
    errors: ['DEVICE_NOT_EMULATED', 'DEVICES_RESTARTING', 'DEVICE_EMULATOR_FAILED'],
  }),
} as const;
