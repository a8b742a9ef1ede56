import type { TellerApi } from '../../../domain/contract/client';

/**
 * Polls the cash transfers waiting for this user to count: from other tills of the branch (the core pulls them
 * from central) and to or from the branch vault at central (a provision to this till, a surplus sent to the vault
 * for a supervisor), so that one arriving is visible at once: the start menu shows the count on Bóveda y traslados (F10) and the screen
 * announces it.
 */
let count = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<(n: number, arrived: boolean) => void>();

export const incomingCount = () => count;

export const watchIncoming = (teller: TellerApi) => {
  if (timer) return;
  const tick = async () => {
    const [r, local] = await Promise.all([teller.vault.tillTransfers({}), teller.vault.overview({})]);
    if (!r.ok || !local.ok) return;
    const n = r.data.incoming + local.data.transfers.filter((t) => t.mine).length;
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
