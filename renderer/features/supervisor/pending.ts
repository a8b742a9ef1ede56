import type { TellerApi } from '../../../domain/contract/client';

/**
 * Polls the approval queue so that a request arriving from another workstation through central becomes visible
 * within seconds: the start menu shows the count and the desk announces it. One created or decided at this
 * workstation is counted at once: the core's status push for it carries a new `approvals.version`, and the queue
 * is read again then. Other pushes (devices, sync, the till…) leave it alone: each read asks central.
 */
let count = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let tick: (() => Promise<void>) | null = null;
const listeners = new Set<(n: number, arrived: boolean) => void>();

export const pendingCount = () => count;

export const watchPending = (teller: TellerApi) => {
  if (timer) return;
  // One read at a time; a change while one is on its way reads once more after it, so the last count stands.
  let reading: Promise<void> | null = null;
  let again = false;
  const read = async () => {
    const r = await teller.supervisor.queue({});
    if (!r.ok) return;
    const n = r.data.items.length;
    const arrived = n > count;
    count = n;
    listeners.forEach((l) => l(n, arrived));
  };
  tick = () => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = read()
      .catch(() => undefined)
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          void tick?.();
        }
      });
    return reading;
  };
  void tick();
  timer = setInterval(() => void tick?.(), 3000);
  let version: number | null = null;
  teller.on('status.changed', (s) => {
    if (s.approvals.version === version) return;
    version = s.approvals.version;
    void tick?.();
  });
};

/** Right after a decision: the menu and the desk show the new count now, not at the next poll. */
export const refreshPending = (): void => void tick?.();

export const onPending = (l: (n: number, arrived: boolean) => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};
