import type { Page } from '@playwright/test';

/**
 * Routes the page's bridge socket through the test (before the page opens it): while held, the core's answers to
 * `channel` reach the core's side and wait there; `release` delivers them. A read the screen depends on can so be
 * kept unanswered for exactly as long as the test needs, instead of hoped slow under load. `events`: the core's pushes
 * of those names wait too, in their order with the answers (a sign-in's `session.changed` comes before its answer,
 * and would end 'Verificando…' without it).
 */
export const holdAnswers = async (app: Page, channel: string, { events = [] }: { events?: string[] } = {}) => {
  let holding = false;
  const heldIds = new Set<number>();
  const waiting: (() => void)[] = [];
  await app.routeWebSocket(/\/bridge/, (page) => {
    const server = page.connectToServer();
    page.onMessage((m) => {
      const call = JSON.parse(String(m)) as { id: number; channel: string };
      if (holding && call.channel === channel) heldIds.add(call.id);
      server.send(m);
    });
    server.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { t: string; id?: number; event?: string };
      const heldEvent = holding && msg.t === 'event' && msg.event !== undefined && events.includes(msg.event);
      if ((msg.t === 'result' && msg.id !== undefined && heldIds.has(msg.id)) || heldEvent) waiting.push(() => page.send(m));
      else page.send(m);
    });
  });
  return {
    /** From now on, answers to calls on `channel` wait. */
    hold: () => {
      holding = true;
    },
    /** How many answers wait. */
    held: () => waiting.length,
    /** Delivers the waiting answers and lets the next ones through. */
    release: () => {
      holding = false;
      for (const send of waiting.splice(0)) send();
    },
  };
};
