import { z } from 'zod';
import { type Pesos, sumPesos } from './pesos';

/** COP bills and coins a till holds (GLOSSARY: Denominación), largest first as tellers count them. */
export const BILLS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000] as const;
export const COINS = [1_000, 500, 200, 100, 50] as const;
export const DENOMINATIONS = [...BILLS, ...COINS] as const;
/** The smallest coin in circulation: cash is paid in multiples of it. */
export const SMALLEST_COIN = 50;
/** The most of `amount` that cash can pay (the rest only by cheque or transfer). */
export const cashPayable = (amount: number): number => amount - (amount % SMALLEST_COIN);
export type Denomination = (typeof DENOMINATIONS)[number];

export const isDenomination = (value: number): value is Denomination =>
  (DENOMINATIONS as readonly number[]).includes(value);

const Count = z
  .number()
  .int({ message: 'La cantidad debe ser un número entero' })
  .nonnegative({ message: 'La cantidad no puede ser negativa' })
  .max(1_000_000, { message: 'Cantidad fuera de rango' });

/** Pieces per denomination; a denomination left out counts as zero. Keys are the face value as text. */
export const DenominationCountSchema = z
  .record(z.string(), Count)
  .superRefine((counts, ctx) => {
    for (const key of Object.keys(counts)) {
      if (!isDenomination(Number(key))) {
        ctx.addIssue({ code: 'custom', message: `Denominación no válida: ${key}`, path: [key] });
      }
    }
  });
export type DenominationCount = Partial<Record<`${Denomination}`, number>>;

export const countOf = (counts: DenominationCount, d: Denomination): number => counts[`${d}`] ?? 0;

export const totalOfCount = (counts: DenominationCount): Pesos =>
  sumPesos(DENOMINATIONS.map((d) => d * countOf(counts, d)));

/** Adds (sign = 1) or removes (sign = -1) pieces; refuses to go below zero for any denomination. */
export const applyCount = (base: DenominationCount, delta: DenominationCount, sign: 1 | -1): DenominationCount => {
  const out: DenominationCount = {};
  for (const d of DENOMINATIONS) {
    const next = countOf(base, d) + sign * countOf(delta, d);
    if (next < 0) throw new RangeError(`No hay suficientes piezas de ${d}`);
    if (next > 0) out[`${d}`] = next;
  }
  return out;
};
