import { z } from 'zod';
import { SecurityCodePurposeSchema } from '../../domain/central-api/security-code';
import { DeviceConfigSchema } from '../../domain/devices/config';
import { ContingencyCapsSchema } from '../../domain/contingency';
import { RulesConfigSchema } from '../../domain/rules-config/config';
import { DASHBOARD_STALE_AFTER_SECONDS } from '../../domain/contract/supervisor';
import { SUPERVISOR_REQUEST_DEADLINE_MINUTES as DEADLINE } from '../../domain/approval/request';

/** Everything the core needs to start; every field has an embedded default so a fresh clone just runs. */
export const CoreConfigSchema = z.object({
  /** Where the workstation keeps its SQLite file and device output. */
  dataDir: z.string().min(1).default('.caja-data'),
  /** Defaults to `<dataDir>/caja.sqlite`. */
  dbFile: z.string().min(1).optional(),
  /**
   * A workstation holds one till and is named by its branch and till (`001-03` is Caja 03 of office 001):
   * central routes till-to-till transfers and branch snapshots by that name, so a different `id` is refused
   * rather than left to send cash to the wrong counter. Without `id`, it is derived.
   */
  workstation: z
    .object({
      id: z.string().regex(/^\d{3}-\d{2}$/, 'Estación con formato 001-03').optional(),
      branchCode: z.string().regex(/^\d{3}$/, 'Código de oficina de 3 dígitos').default('001'),
      branchName: z.string().min(1).default('Bogotá Centro'),
      tillCode: z.string().regex(/^\d{2}$/, 'Código de caja de 2 dígitos').default('03'),
    })
    .prefault({})
    .transform((w, ctx) => {
      const id = `${w.branchCode}-${w.tillCode}`;
      if (w.id !== undefined && w.id !== id) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: `La estación de la oficina ${w.branchCode} con la caja ${w.tillCode} se llama ${id}, no ${w.id}: corrija "id" o "tillCode".` });
        return z.NEVER;
      }
      return { ...w, id };
    }),
  session: z
    .object({
      idleLockSeconds: z.number().int().min(10).max(3600).default(300),
      maxFailedAttempts: z.number().int().min(1).max(20).default(5),
      /** Minutes after which a lock-out lapses by itself; 0 = only a supervisor frees the user (F2 at the log-in). */
      lockoutMinutes: z.number().int().min(0).max(1440).default(15),
    })
    .prefault({}),
  /**
   * Minutes a till's request to a supervisor (a till difference, a reopening, a reversal, a reactivation) waits for
   * a decision before it lapses as "vencida"; central lapses the copy it relays to the other desks at the same time.
   */
  supervisor: z
    .object({
      requestDeadlineMinutes: z
        .number({ error: 'requestDeadlineMinutes debe ser un número de minutos' })
        .int('requestDeadlineMinutes debe ser un número entero de minutos')
        .min(DEADLINE.min, `Una solicitud al supervisor debe esperar al menos ${DEADLINE.min} minutos: menos no da tiempo a que llegue el supervisor.`)
        .max(DEADLINE.max, `Una solicitud al supervisor espera a lo sumo ${DEADLINE.max} minutos (${DEADLINE.max / 60} horas): más se decidiría sobre hechos viejos.`)
        .default(DEADLINE.default),
    })
    .prefault({}),
  central: z
    .object({
      /** null: start the bundled reference central as a child process. */
      url: z.string().url().nullable().default(null),
      token: z.string().min(1).optional(),
    })
    .prefault({}),
  /** Offline withdrawal caps while the branch is in contingency (pesos). */
  contingency: ContingencyCapsSchema.prefault({}),
  /**
   * Seconds central must answer without a cut before contingency ends by itself (0: only a supervisor ends
   * it). Two minutes rides out a flapping link; longer would keep marking online operations as CONTINGENCIA.
   */
  contingencyAutoEndSeconds: z.number().int().nonnegative().default(120),
  /** Printer, fingerprint reader, cédula scanner (`domain/devices/config.ts`); `{}` = all emulated, in-process. */
  devices: DeviceConfigSchema.prefault({}),
  /**
   * What the customer receives from "Generación de código de seguridad": `temporary_keys` (4 digits, replaced
   * within 24 h; seed 004) or `verification_code` (6 digits, valid 2 minutes; seed 001).
   */
  securityCode: z.object({ codePurpose: SecurityCodePurposeSchema.default('temporary_keys') }).prefault({}),
  /**
   * The bank's values for the Comprobante Único rules (`domain/rules-config/config.ts`): topes, visación amount,
   * tariffs, UVT per year, inembargable amount per period. Embedded defaults for what the file leaves out.
   */
  rules: RulesConfigSchema.prefault({}),
  /**
   * Branch dashboard: this workstation reports its till to central on every change and at least every
   * `reportEverySeconds`; another workstation's report older than `staleAfterSeconds` is shown stale.
   */
  branchStatus: z
    .object({
      reportEverySeconds: z.number().int().min(5).max(600).default(30),
      staleAfterSeconds: z.number().int().min(10).max(3600).default(DASHBOARD_STALE_AFTER_SECONDS),
    })
    .prefault({})
    .refine((b) => b.staleAfterSeconds > b.reportEverySeconds, {
      path: ['staleAfterSeconds'],
      message: 'staleAfterSeconds debe ser mayor que reportEverySeconds: si no, toda caja se vería sin reporte entre dos reportes.',
    }),
  /** Seed a demo branch, two tellers and a supervisor on first start. */
  demo: z.boolean().default(true),
});
export type CoreConfig = z.infer<typeof CoreConfigSchema>;
export type CoreConfigInput = z.input<typeof CoreConfigSchema>;
