import { type IpcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_NAMES, ipcChannel, type CrossingApi, type EventName } from '../shared/ipc/contract.js';

export type RendererIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * `window.crossing`: one function per contract row, each invoking its own channel, plus `on` for the
 * contract's events. Nothing else: no ipcRenderer, no generic invoke, no event object (which would
 * hand the page a `sender`).
 */
export function buildCrossingApi(ipc: RendererIpc): CrossingApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const name = ipcChannel(channel);
    api[channel] = (args: unknown) => ipc.invoke(name, args);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`there is no event ${String(event).slice(0, 40)}`);
    if (typeof listener !== 'function') throw new Error('the listener must be a function');
    const name = ipcChannel(event);
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipc.on(name, relay);
    return () => void ipc.removeListener(name, relay);
  };
  return Object.freeze(api) as CrossingApi;
}
