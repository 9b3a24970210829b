import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DialogPort } from '../shared/service/index.js';
import { startAutoLock } from './autoLock.js';
import { relayHandler } from './ipcRelay.js';
import { vaultEndpoint } from './vaultEndpoint.js';
import { createVaultHost, type VaultChild } from './vaultHost.js';
import { type FromVault, type ToVault } from './vaultMessages.js';

const appFrame = { senderFrame: { url: 'crossing://app/index.html', parent: null } } as never;
const later = () => new Promise((resolve) => setImmediate(resolve));

/** A vault process in this test process: messages cross by structured clone, asynchronously, like IPC. */
function inProcessChild(): VaultChild & { killed: boolean } {
  let toMain: (message: FromVault) => void = () => {};
  const onMessage = vaultEndpoint((message) => setImmediate(() => toMain(structuredClone(message))));
  return {
    killed: false,
    postMessage: (message) => setImmediate(() => void onMessage(structuredClone(message))),
    onMessage: (listener) => (toMain = listener),
    onExit: () => {},
    kill() {
      this.killed = true;
    },
  };
}

/** A vault process stuck in a long synchronous job: it receives messages and never answers. */
function busyChild() {
  const received: ToVault[] = [];
  let exit = () => {};
  return {
    received,
    exit: () => exit(),
    postMessage: (message: ToVault) => received.push(message),
    onMessage: () => {},
    onExit: (listener: () => void) => (exit = listener),
    kill: vi.fn(),
  };
}

const noDialogs: DialogPort = {
  openVault: async () => null,
  saveFile: async () => null,
  openImportFile: async () => null,
  openSpreadsheet: async () => null,
  openInstaller: async () => null,
  openKeyCard: async () => null,
  openEvidenceFiles: async () => [],
};
const runtime = { electron: '45.5.0', chromium: '142.0.7444.52', node: '22.20.0' };
type HostOptions = Parameters<typeof createVaultHost>[0];
/** A host over a fake vault process, with the options the tests below share. */
const hostOver = (spawn: HostOptions['spawn'], more: Partial<HostOptions> = {}) =>
  createVaultHost({ spawn, dataDir: '/d', appVersion: '1', runtime, dialogs: noDialogs, emit: vi.fn(), ...more });

describe('vault host with the real vault service behind it', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossing-host-'));
  const emit = vi.fn();
  const dialogs = { ...noDialogs, openVault: vi.fn(async () => path.join(dataDir, 'other.crossing-vault')) };
  const host = createVaultHost({ spawn: inProcessChild, dataDir, appVersion: '9.9.9', runtime, dialogs, emit });
  afterEach(() => emit.mockClear());

  it("reports main's Electron, Chromium and Node versions and the pinned release key in About", async () => {
    const response = await relayHandler('getAbout', host.call)(appFrame, {});
    expect(response).toMatchObject({
      ok: true,
      value: { appVersion: '9.9.9', electron: '45.5.0', chromium: '142.0.7444.52', node: '22.20.0' },
    });
  });

  it('answers a validated call relayed from the renderer', async () => {
    const response = await relayHandler('getAppState', host.call)(appFrame, {});
    expect(response).toMatchObject({ ok: true, value: { version: '9.9.9', vaultExists: false, unlocked: false } });
  });

  it('creates, locks by panic and reports the lock as an event', async () => {
    const created = await relayHandler('createVault', host.call)(appFrame, {
      passphrase: 'correct horse battery staple',
      kdf: 'interactive',
      displayName: 'Caseworker',
    });
    expect(created.ok).toBe(true);
    expect(await host.lock('panic')).toBe('locked');
    await later();
    expect(emit).toHaveBeenCalledWith('locked', { reason: 'panic' });
    const state = await relayHandler('getAppState', host.call)(appFrame, {});
    expect(state).toMatchObject({ ok: true, value: { vaultExists: true, unlocked: false } });
  });

  it('shows the native dialog the vault process asks for, in main', async () => {
    const response = await relayHandler('chooseOtherVault', host.call)(appFrame, {});
    expect(dialogs.openVault).toHaveBeenCalled();
    expect(response).toEqual({ ok: true, value: { vaultPath: path.join(dataDir, 'other.crossing-vault') } });
  });

  it('opens a .crossing file: the vault process registers it and the UI is told', async () => {
    const file = path.join(dataDir, 'from-anna.crossing');
    writeFileSync(file, 'sealed export'); // the vault process checks the file is there and readable
    const ref = await host.openFile(file);
    expect(ref).toMatchObject({ name: 'from-anna.crossing' });
    await later();
    expect(emit).toHaveBeenCalledWith('importFileOpened', ref);
  });
});

describe('vault host with a busy or dying vault process', () => {
  afterEach(() => vi.useRealTimers());

  it('kills a vault process that does not acknowledge a lock in time, and says so', async () => {
    vi.useFakeTimers();
    const children: ReturnType<typeof busyChild>[] = [];
    const emit = vi.fn();
    const spawn = () => children[children.push(busyChild()) - 1]!;
    const host = hostOver(spawn, { emit, lockTimeoutMs: 500 });

    const stuck = host.call('getSettings', {}).catch((error: unknown) => error);
    const locking = host.lock('panic');
    await vi.advanceTimersByTimeAsync(500);
    expect(await locking).toBe('killed');
    expect(children[0]!.kill).toHaveBeenCalled();
    expect(emit).toHaveBeenCalledWith('locked', { reason: 'panic' });
    expect(String(await stuck)).toMatch(/stopped/);

    void host.call('getSettings', {});
    expect(children).toHaveLength(2);
    expect(children[1]!.received[0]).toEqual({ type: 'init', dataDir: '/d', appVersion: '1', runtime });
  });

  it('has nothing to lock before a vault process exists', async () => {
    const spawn = vi.fn(busyChild);
    const host = hostOver(spawn);
    expect(await host.lock('idle')).toBe('locked');
    expect(spawn).not.toHaveBeenCalled();
  });

  it('fails the waiting calls when the vault process exits', async () => {
    const child = busyChild();
    const host = hostOver(() => child);
    const waiting = host.call('getAppState', {});
    child.exit();
    await expect(waiting).rejects.toThrow(/stopped/);
  });

  it('forwards only contract events with valid payloads', () => {
    let toMain: (message: FromVault) => void = () => {};
    const child = { ...busyChild(), onMessage: (listener: typeof toMain) => (toMain = listener) };
    const emit = vi.fn();
    const host = hostOver(() => child, { emit });
    void host.call('getAppState', {});
    toMain({ type: 'event', event: 'locked', payload: { reason: 'nonsense' } });
    toMain({ type: 'event', event: 'shellExec' as never, payload: {} });
    toMain({ type: 'event', event: 'locked', payload: { reason: 'idle' } });
    expect(emit.mock.calls).toEqual([['locked', { reason: 'idle' }]]);
  });
});

describe('vault host on suspend', () => {
  it('kills the vault process before the suspend handler returns, asking it nothing', async () => {
    const child = busyChild();
    const emit = vi.fn();
    const host = hostOver(() => child, { emit });
    const stuck = host.call('queryCases', {}).catch((error: unknown) => error);
    let suspend = () => {};
    const power = {
      on: (event: string, listener: () => void) => void (event === 'suspend' && (suspend = listener)),
      getSystemIdleTime: () => 0,
      getSystemIdleState: () => 'active' as const,
    };
    const autoLock = startAutoLock({
      power,
      autoLockMinutes: () => 5,
      lock: (reason) => void host.lock(reason),
      forgetKeysNow: (reason) => host.forgetKeysNow(reason),
    });

    suspend(); // what powerMonitor runs; Linux may sleep the moment it returns
    expect(child.kill).toHaveBeenCalledTimes(1);
    expect(emit).toHaveBeenCalledExactlyOnceWith('locked', { reason: 'suspend' });
    expect(child.received.map((message) => message.type)).toEqual(['init', 'call']); // no 'lock' to wait for
    autoLock.stop();
    expect(String(await stuck)).toMatch(/stopped/);
  });

  it('starts a fresh, locked vault process at the next call', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'crossing-suspend-'));
    const children: ReturnType<typeof inProcessChild>[] = [];
    const spawn = () => children[children.push(inProcessChild()) - 1]!;
    const host = createVaultHost({ spawn, dataDir, appVersion: '1', runtime, dialogs: noDialogs, emit: vi.fn() });
    const created = await relayHandler('createVault', host.call)(appFrame, {
      passphrase: 'correct horse battery staple',
      kdf: 'interactive',
      displayName: 'Caseworker',
    });
    expect(created.ok).toBe(true);

    host.forgetKeysNow('suspend');
    expect(children[0]!.killed).toBe(true);
    const state = await relayHandler('getAppState', host.call)(appFrame, {});
    expect(children).toHaveLength(2);
    expect(state).toMatchObject({ ok: true, value: { vaultExists: true, unlocked: false } });
  });

  it('has nothing to forget before a vault process exists', () => {
    const spawn = vi.fn(busyChild);
    const emit = vi.fn();
    const host = hostOver(spawn, { emit });
    host.forgetKeysNow('suspend');
    expect(spawn).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
  });
});
