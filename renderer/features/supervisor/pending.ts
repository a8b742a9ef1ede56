import type { TellerApi } from '../../../domain/contract/client';

/**
 * Polls the approval queue so that a request arriving (locally or from another workstation through central)
 * becomes visible at once: the start menu shows the count and the desk announces it.
 */
let count = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let tick: (() => Promise<void>) | null = null;
const listeners = new Set<(n: number, arrived: boolean) => void>();

export const pendingCount = () => count;

export const watchPending = (teller: TellerApi) => {
  if (timer) return;
  tick = async () => {
    const r = await teller.supervisor.queue({});
    if (!r.ok) return;
    const n = r.data.items.length;
    const arrived = n > count;
    count = n;
    listeners.forEach((l) => l(n, arrived));
  };
  void tick();
  timer = setInterval(() => void tick?.(), 3000);
};

/** Right after a decision: the menu and the desk show the new count now, not at the next poll. */
export const refreshPending = (): void => void tick?.();

export const onPending = (l: (n: number, arrived: boolean) => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};
