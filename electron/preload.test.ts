import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, ipcChannel } from '../shared/ipc/contract.js';
import { buildCrossingApi, type RendererIpc } from './crossingApi.js';
import preloadConfig, { PRELOAD_FILE } from './preload.vite.config.js';

function fakeIpc() {
  return {
    invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  };
}

/** Runs the bundled preload as Electron's sandbox would: CommonJS, where only 'electron' can be required. */
function runBundledPreload(code: string) {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: fakeIpc(),
  };
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  vm.runInNewContext(code, { require, module, exports: module.exports, console });
  return { exposed, required, ipcRenderer: electron.ipcRenderer };
}

describe('the bundled preload', () => {
  let run: ReturnType<typeof runBundledPreload>;

  beforeAll(async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'crossing-preload-'));
    await build({ ...preloadConfig, configFile: false, build: { ...preloadConfig.build, outDir } });
    run = runBundledPreload(readFileSync(path.join(outDir, PRELOAD_FILE), 'utf8'));
  });

  it('requires nothing but electron', () => {
    expect([...new Set(run.required)]).toEqual(['electron']);
  });

  it('exposes window.crossing and nothing else', () => {
    expect([...run.exposed.keys()]).toEqual(['crossing']);
  });

  it("exposes exactly the contract's channels plus on", () => {
    const api = run.exposed.get('crossing') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function');
  });

  it('invokes each channel on its own IPC name', async () => {
    const api = run.exposed.get('crossing') as Record<string, (args: unknown) => Promise<unknown>>;
    for (const channel of CHANNELS) await api[channel]!({});
    expect(run.ipcRenderer.invoke.mock.calls.map(([name]) => name)).toEqual(CHANNELS.map(ipcChannel));
  });
});

describe('window.crossing', () => {
  it('passes the arguments through and returns the envelope from main', async () => {
    const ipc = fakeIpc();
    const api = buildCrossingApi(ipc as unknown as RendererIpc);
    await expect(api.getCase({ id: 'c1' })).resolves.toEqual({
      ok: true,
      value: { channel: 'crossing:getCase', args: { id: 'c1' } },
    });
  });

  it('is frozen: the page cannot add a generic invoke to it', () => {
    const api = buildCrossingApi(fakeIpc() as unknown as RendererIpc);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('subscribes to contract events only, hands over the payload alone, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = buildCrossingApi(ipc as unknown as RendererIpc);
    const listener = vi.fn();
    for (const event of EVENT_NAMES) {
      const off = api.on(event, listener);
      const [name, relay] = ipc.on.mock.calls.at(-1)!;
      expect(name).toBe(ipcChannel(event));
      relay({ sender: 'the ipcRenderer' }, { reason: 'idle' });
      expect(listener).toHaveBeenLastCalledWith({ reason: 'idle' });
      off();
      expect(ipc.removeListener).toHaveBeenLastCalledWith(name, relay);
    }
  });

  it('refuses to subscribe to anything outside the contract', () => {
    const api = buildCrossingApi(fakeIpc() as unknown as RendererIpc);
    expect(() => api.on('crossing:getCase' as never, vi.fn())).toThrow(/no event/);
    expect(() => api.on('locked', 'not a function' as never)).toThrow(/function/);
  });
});
