import { CHANNELS, EVENT_NAMES } from '../../shared/ipc/contract.js';

/**
 * The browser side of the harness: defines `window.crossing` with the preload's shape (one async
 * function per contract channel, plus `on`) and carries each call over the loopback WebSocket.
 * Like the preload it never rejects: a lost connection is answered as a `failure`.
 */
export function bridgeScript(wsUrl: string): string {
  return `(() => {
  'use strict';
  const CHANNELS = ${JSON.stringify(CHANNELS)};
  const EVENTS = ${JSON.stringify(EVENT_NAMES)};
  const pending = new Map();
  const listeners = new Map(EVENTS.map((e) => [e, new Set()]));
  let nextId = 1;
  let socket;
  let opened;

  function connect() {
    socket = new WebSocket(${JSON.stringify(wsUrl)});
    opened = new Promise((resolve) => {
      socket.addEventListener('open', () => resolve(true), { once: true });
      socket.addEventListener('close', () => resolve(false), { once: true });
    });
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(message.data);
      if (data.event) {
        for (const listener of listeners.get(data.event) || []) listener(data.payload);
        return;
      }
      const resolve = pending.get(data.id);
      pending.delete(data.id);
      if (resolve) resolve(data.response);
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'failure', message: 'the connection to the vault was lost' } });
      }
      pending.clear();
    });
  }
  connect();

  async function call(channel, args) {
    if (!(await opened)) return { ok: false, error: { code: 'failure', message: 'no connection to the vault' } };
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, args: args === undefined ? {} : args }));
    });
  }

  const api = {};
  for (const channel of CHANNELS) api[channel] = (args) => call(channel, args);
  api.on = (event, listener) => {
    const set = listeners.get(event);
    if (!set || typeof listener !== 'function') return () => {};
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'crossing', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
