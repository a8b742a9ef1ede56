import { z } from 'zod';
import { SessionStateSchema } from './session';
import { WorkstationStatusSchema } from './status';

/** Pushed from the core to every connected UI; payloads are validated in the core before sending. */
export const events = {
  'session.changed': SessionStateSchema,
  'status.changed': WorkstationStatusSchema,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
