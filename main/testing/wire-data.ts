import type { WireResult } from '../core/dispatcher';

/** The data of a successful call; a refusal throws with its code and Spanish message, so the test says why. */
export const data = <T>(r: WireResult): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
};
