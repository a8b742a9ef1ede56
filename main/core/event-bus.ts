import type { EventName, EventPayload } from '../../domain/contract';
import { events } from '../../domain/contract';

export type Listener = (event: EventName, payload: unknown) => void;

/** Core -> UI push events, validated against the contract before they leave the core. */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload);
    for (const l of this.#listeners) l(event, checked);
  }
}
