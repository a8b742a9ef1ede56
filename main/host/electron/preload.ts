/**
 * Sandboxed preload (bundled into one CJS file: a sandboxed preload can `require('electron')` and nothing from
 * node_modules). It exposes exactly one global, `window.teller`, the same `createTellerApi` object the browser
 * host builds over its WebSocket: one named function per contract channel and `on(event)`. Never `ipcRenderer`,
 * never a generic invoke (anchors §7 item 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createTellerApi, type Transport } from '../../../domain/contract/client';
import { IPC_CALL, IPC_EVENT } from './security';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const transport: Transport = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_CALL, channel, request),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('teller', createTellerApi(transport));
