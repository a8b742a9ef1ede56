import type { Page } from '@playwright/test';

/**
 * Routes the page's bridge socket through the test (before the page opens it) and counts what crosses it: the
 * calls the UI makes, by channel, and the events the core pushes, by name.
 */
export const countBridge = async (app: Page) => {
  const calls = new Map<string, number>();
  const events = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  await app.routeWebSocket(/\/bridge/, (page) => {
    const server = page.connectToServer();
    page.onMessage((m) => {
      bump(calls, (JSON.parse(String(m)) as { channel: string }).channel);
      server.send(m);
    });
    server.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { t: string; event?: string };
      if (msg.t === 'event' && msg.event) bump(events, msg.event);
      page.send(m);
    });
  });
  return {
    calls: (channel: string) => calls.get(channel) ?? 0,
    events: (name: string) => events.get(name) ?? 0,
    /** Counts from zero again. */
    reset: () => {
      calls.clear();
      events.clear();
    },
  };
};
