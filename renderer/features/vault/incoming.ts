import type { TellerApi } from '../../../domain/contract/client';

/**
 * Polls this till's transfers from other tills of the branch (the core pulls them from central), so that one
 * arriving is visible at once: the start menu shows the count on Bóveda y traslados (F10) and the screen
 * announces it.
 */
let count = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<(n: number, arrived: boolean) => void>();

export const incomingCount = () => count;

export const watchIncoming = (teller: TellerApi) => {
  if (timer) return;
  const tick = async () => {
    const r = await teller.vault.tillTransfers({});
    if (!r.ok) return;
    const n = r.data.incoming;
    const arrived = n > count;
    count = n;
    listeners.forEach((l) => l(n, arrived));
  };
  void tick();
  timer = setInterval(() => void tick(), 3000);
};

export const onIncoming = (l: (n: number, arrived: boolean) => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};
