/** One measured figure; `bench/last.json` is a list of these. Goals are ratios against a same-run baseline. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. ">= 0.7". */
  goal: string;
  meets: boolean;
}

/** A named benchmark; `npm run bench -- NAME` runs only those whose name starts with NAME. */
export interface Bench {
  name: string;
  run: () => Promise<Figure[]>;
}

export const atLeast = (name: string, value: number, unit: string, min: number): Figure => ({
  name, value, unit, goal: `>= ${min}`, meets: value >= min,
});

export const atMost = (name: string, value: number, unit: string, max: number): Figure => ({
  name, value, unit, goal: `<= ${max}`, meets: value <= max,
});

export const info = (name: string, value: number, unit: string): Figure => ({
  name, value, unit, goal: '-', meets: true,
});
