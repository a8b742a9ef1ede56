import { type Pesos, sumPesos } from '../money/pesos';

/** A cash operation the UIAF monthly accumulator counts, named by central's key for it (the outbox key). */
export interface KeyedCash {
  readonly key: string;
  readonly amount: Pesos;
}

/**
 * The customer's cash as central has it (every workstation's applied operations) merged with this workstation's
 * own: an operation central already has counts once, from central's list; one it does not have yet (still in the
 * outbox, or posted after central answered) counts from here; one this workstation reversed counts nothing, even
 * while central has not heard of the reversal yet. Same key, same operation: never counted twice (domain-co §2).
 */
export const mergeCashOperations = <T extends KeyedCash>(central: readonly T[], local: readonly T[], reversedHere: ReadonlySet<string> = new Set()): T[] => {
  const seen = new Set<string>();
  const merged: T[] = [];
  for (const op of [...central, ...local]) {
    if (seen.has(op.key) || reversedHere.has(op.key)) continue;
    seen.add(op.key);
    merged.push(op);
  }
  return merged;
};

/** What a list of cash operations adds up to. */
export const cashTotal = (ops: readonly KeyedCash[]): Pesos => sumPesos(ops.map((o) => o.amount));
