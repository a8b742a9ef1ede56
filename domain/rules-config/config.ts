import { z } from 'zod';
import { PesosSchema, PositivePesosSchema } from '../money/pesos';
import { RoundingSchema } from './rounding';

/**
 * Every value the Comprobante Único rules read from configuration, with defaults embedded so that
 * `RulesConfigSchema.parse({})` is a complete, working configuration.
 *
 * Markers follow /work/shared/reference/domain-co.md: legal figures carry their source; the bank's own tariffs
 * and limits (seed 003 clauses 3.6, 3.8, 3.12: "topes que determine SERFINANZA") are placeholders [U] that the
 * bank must replace with its published values.
 */

const Count = z.number().int().nonnegative();
const YearKey = z.string().regex(/^\d{4}$/, { message: 'El año debe tener 4 dígitos' });

/**
 * Values by year (UVT per calendar year, inembargable amount per period). A bank's file names only the years it
 * adds or corrects (e.g. the new period each October); the embedded years stay unless the file overrides them.
 */
const datedTable = <T extends z.ZodType<number>>(value: T, embedded: Record<string, number>) =>
  z
    .record(YearKey, value)
    .default({})
    .transform((given) => ({ ...embedded, ...given }));

/** `fixed + amount × basisPoints / 10 000`, never below `minimum`. */
export const FeeRuleSchema = z.object({
  fixed: PesosSchema.default(0),
  basisPoints: z.number().int().min(0).max(10_000).default(0),
  minimum: PesosSchema.default(0),
});
export type FeeRule = z.infer<typeof FeeRuleSchema>;

/** One row of a bracket table: applies to amounts up to `upTo` inclusive; `null` is the open last row. */
export const FeeBracketSchema = z.object({ upTo: PesosSchema.nullable(), fee: PesosSchema });
export type FeeBracket = z.infer<typeof FeeBracketSchema>;

const BracketTable = z
  .array(FeeBracketSchema)
  .min(1)
  .superRefine((rows, ctx) => {
    rows.forEach((row, i) => {
      const prev = rows[i - 1];
      const isLast = i === rows.length - 1;
      if (isLast && row.upTo !== null) ctx.addIssue({ code: 'custom', message: 'La última fila de la tabla debe ser abierta (upTo: null)', path: [i, 'upTo'] });
      if (!isLast && row.upTo === null) ctx.addIssue({ code: 'custom', message: 'Solo la última fila puede ser abierta', path: [i, 'upTo'] });
      if (prev?.upTo != null && row.upTo !== null && row.upTo <= prev.upTo) ctx.addIssue({ code: 'custom', message: 'Los topes de la tabla deben ser crecientes', path: [i, 'upTo'] });
    });
  });

export const RulesConfigSchema = z.object({
  /** Same-city cheques (CEDEC canje): business days until the funds are released. Practice 1 [U], domain-co §5. */
  canje: z.object({ businessDays: Count.max(30).default(1) }).prefault({}),
  /** Other-city cheques as remesa al cobro (seed 003, cl. 3.9: accepting them is optional for the bank). */
  remesa: z
    .object({
      acceptOtherCityCheques: z.boolean().default(true),
      /** Expected business days until paid; practice 3–8 [U], domain-co §5. */
      businessDays: Count.max(60).default(5),
      /** Per cheque; seed 003 cl. 4.2(h) allows charging it to the account. Tariff [U]. */
      commission: FeeRuleSchema.prefault({ fixed: 15_000 }),
    })
    .prefault({}),
  /** Seed 003 cl. 3.6 / 3.7: cash deposit "topes" at offices. Exceeding them needs a supervisor. Values [U]. */
  depositTopes: z
    .object({ cashPerTransaction: PositivePesosSchema.default(50_000_000), cashPerDay: PositivePesosSchema.default(100_000_000) })
    .prefault({}),
  /** Seed 003 cl. 3.8: commission for deposits into an account of another city, by deposit total. Tariff [U]. */
  otherCityDepositCommission: BracketTable.default([
    { upTo: 1_000_000, fee: 5_000 },
    { upTo: 10_000_000, fee: 10_000 },
    { upTo: null, fee: 20_000 },
  ]),
  /**
   * Deposits into a `bloqueada` account. Seed 003 cl. 3.7 obliges the bank to accept anyone's deposit (refusal
   * only above the limits) and cl. 7.2 blocks the account against disposal, not against credits; so 'accept'.
   */
  depositToBlockedAccount: z.enum(['accept', 'approval', 'refuse']).default('accept'),
  /** Seed 003 cl. 3.12 and 4: daily number and amount of office withdrawals per account. Values [U]. */
  withdrawalLimits: z
    .object({ dailyCount: Count.min(1).default(5), dailyAmount: PositivePesosSchema.default(30_000_000) })
    .prefault({}),
  /** Seed 003 cl. 4(c): "validación y visación". Withdrawals strictly above this need a supervisor. Value [U]. */
  visacionThreshold: PesosSchema.default(5_000_000),
  /**
   * Seed 003 cl. 4(c) "documento de identidad, con validación y visación de la Entidad"; domain-co §7 (RNEC 1:1
   * through the certified operator): withdrawals at or above this amount need a fingerprint match of each person
   * who takes the money (domain/withdrawal/fingerprint.ts). 0 = every withdrawal, null = never. Default
   * $ 10.000.000, the UIAF individual cash threshold (domain-co §2), where the bank already asks the customer for
   * more (the declaración de destino de fondos): above the visación threshold, so a visado withdrawal is seen by a
   * supervisor first and the biometric match is the extra check for the largest payouts. Value [U]: the bank's.
   */
  fingerprintFrom: PesosSchema.nullable().default(10_000_000),
  /** Seed 003 cl. 4(c): Certificado de Existencia y Representación Legal "con no más de 30 días". */
  juridicaCertificateMaxAgeDays: Count.default(30),
  /** Seed 003 cl. 7.1: inactive after six months without a customer movement. */
  inactivityMonths: Count.min(1).default(6),
  /** Seed 003 cl. 4.2(e): fee for issuing a cheque de gerencia. 0 = not charged. Tariff [U]. */
  chequeGerenciaFee: PesosSchema.default(0),
  /** Seed 003 cl. 4.2(d)/(h): optional fee charged when a deposited cheque is returned. Tariff [U]. */
  returnedChequeFee: PesosSchema.default(15_000),
  /** domain-co §2 (RTE instructivo, [V]). */
  uiaf: z
    .object({
      individualCashThreshold: PositivePesosSchema.default(10_000_000),
      monthlyCashThreshold: PositivePesosSchema.default(50_000_000),
      /** The brief asks for the declaration also at the monthly threshold; domain-co §2 only alerts there. */
      declarationOnMonthlyThreshold: z.boolean().default(true),
      structuring: z
        .object({
          /** Calendar days looked back, today included. */
          windowDays: Count.min(1).max(90).default(7),
          /** "Just under": amounts in [threshold − margin, threshold). */
          margin: PositivePesosSchema.default(1_000_000),
          /** Deposits in the window (the current one included) that trigger the alert. */
          minCount: Count.min(2).default(3),
        })
        .prefault({}),
    })
    .prefault({}),
  /** DIAN UVT per calendar year (domain-co §0, [V-2nd]). */
  uvtByYear: datedTable(PositivePesosSchema, { '2025': 49_799, '2026': 52_374 }),
  gmf: z
    .object({
      /** ET art. 872: 4 × 1.000. */
      ratePerMille: Count.max(1000).default(4),
      /** ET art. 879 num. 1: 350 UVT per calendar month on the marked account. */
      exemptCapUvt: Count.default(350),
      rounding: RoundingSchema.default('half-up'),
    })
    .prefault({}),
  /**
   * Inembargable amount for natural persons per period 1-Oct-YYYY → 30-Sep-(YYYY+1), keyed by the starting year
   * (domain-co §3; 2024 is disputed …725/…727, 2022 is unknown and must be loaded before use).
   */
  inembargableByPeriod: datedTable(PesosSchema, { '2021': 39_977_578, '2023': 49_509_240, '2024': 52_385_725, '2025': 55_099_308 }),
});
export type RulesConfig = z.output<typeof RulesConfigSchema>;
export type RulesConfigInput = z.input<typeof RulesConfigSchema>;

export const DEFAULT_RULES: RulesConfig = RulesConfigSchema.parse({});
