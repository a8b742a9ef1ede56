import type { Channel, ReqInput, Result } from './index';
import { channelNames } from './index';
import type { EventName, EventPayload } from './events';

/** How a UI reaches the core: Electron's preload (ipcRenderer) or the browser host's WebSocket. */
export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Namespace<C> = C extends `${infer N}.${string}` ? N : never;
type Method<C, N extends string> = C extends `${N}.${infer M}` ? M : never;

/** `teller.till.open(req)`: one named function per channel, grouped by feature; no generic invoke is exposed. */
export type TellerApi = {
  [N in Namespace<Channel>]: {
    [M in Method<Channel, N>]: (request: ReqInput<`${N}.${M}` & Channel>) => Promise<Result<`${N}.${M}` & Channel>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export const createTellerApi = (transport: Transport): TellerApi => {
  const api: Record<string, Record<string, (req: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const [ns, method] = name.split('.') as [string, string];
    (api[ns] ??= {})[method] = (request: unknown) => transport.invoke(name, request ?? {});
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  return Object.freeze({ ...api, on }) as unknown as TellerApi;
};
