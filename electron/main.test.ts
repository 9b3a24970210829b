import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcChannel } from '../shared/ipc/contract.js';
import type * as DbusMonitorCommands from './dbusMonitorCommands.js';

/** Just enough of Electron for main.ts to wire itself up; every call is recorded. */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const fakeSession = (name: string) => ({
    name,
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    on: vi.fn(),
    protocol: { handle: vi.fn() },
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { send: vi.fn() });
    setContentProtection = vi.fn();
    loadURL = vi.fn(async () => {});
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(async () => {}),
    getPath: (name: string) => `/fake/${name}`,
    getVersion: () => '0.1.0',
  });
  process.argv.push('/home/a/from-anna.crossing'); // launched by double-clicking an export
  const children: { postMessage: ReturnType<typeof vi.fn>; kill: ReturnType<typeof vi.fn> }[] = [];
  const { PassThrough } = await import('node:stream');
  /** The D-Bus monitors main starts on Linux: never a real process in this test. */
  const monitors: { args: string[]; stdout: InstanceType<typeof PassThrough>; kill: ReturnType<typeof vi.fn> }[] = [];
  return {
    EventEmitter,
    app,
    windows,
    children,
    BrowserWindow: FakeWindow,
    defaultSession: fakeSession('default'),
    appSession: fakeSession('crossing'),
    ipcHandle: vi.fn(),
    shortcuts: new Map<string, () => void>(),
    power: Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0, getSystemIdleState: () => 'active' }),
    monitors,
    spawn: vi.fn((_file: string, args: string[]) => {
      const monitor = Object.assign(new EventEmitter(), { args, stdout: new PassThrough(), kill: vi.fn(() => true) });
      monitors.push(monitor);
      return monitor;
    }),
    schemes: vi.fn(),
  };
});

vi.mock('node:child_process', () => ({ spawn: fake.spawn }));
vi.mock('./dbusMonitorCommands.js', async (original) => ({
  ...(await original<typeof DbusMonitorCommands>()),
  findMonitorTool: () => ({ name: 'dbus-monitor', file: '/usr/bin/dbus-monitor' }),
}));

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  globalShortcut: {
    register: (accelerator: string, callback: () => void) => fake.shortcuts.set(accelerator, callback) && true,
    unregister: (accelerator: string) => fake.shortcuts.delete(accelerator),
  },
  ipcMain: { handle: fake.ipcHandle },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => template },
  powerMonitor: fake.power,
  protocol: { registerSchemesAsPrivileged: fake.schemes },
  session: {
    defaultSession: fake.defaultSession,
    fromPartition: (partition: string) => (partition === 'crossing' ? fake.appSession : null),
  },
  utilityProcess: {
    fork: vi.fn(() => {
      const child = Object.assign(new fake.EventEmitter(), { postMessage: vi.fn(), kill: vi.fn() });
      fake.children.push(child);
      return child;
    }),
  },
}));

describe('main process wiring', async () => {
  await import('./main.js');
  await new Promise((resolve) => setImmediate(resolve));

  it('registers the app scheme as privileged and sandboxes every renderer before ready', () => {
    expect(fake.schemes).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'crossing' })]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('resolves no host name at all', () => {
    expect(fake.app.commandLine.appendSwitch).toHaveBeenCalledWith('host-resolver-rules', 'MAP * ~NOTFOUND');
  });

  it('hardens both sessions and serves the UI only in the app session', () => {
    for (const session of [fake.defaultSession, fake.appSession]) {
      expect(session.webRequest.onBeforeRequest).toHaveBeenCalled();
      expect(session.setPermissionRequestHandler).toHaveBeenCalled();
      expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    }
    expect(fake.appSession.protocol.handle).toHaveBeenCalledWith('crossing', expect.any(Function));
    expect(fake.defaultSession.protocol.handle).not.toHaveBeenCalled();
  });

  it('relays exactly the contract channels', () => {
    expect(fake.ipcHandle.mock.calls.map(([name]) => name).sort()).toEqual(CHANNELS.map(ipcChannel).sort());
  });

  it('opens one protected window on the app page and hardens every web contents', () => {
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.setContentProtection).toHaveBeenCalledWith(true);
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith('crossing://app/index.html');
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('starts the vault process and asks it for the settings', () => {
    expect(fake.children).toHaveLength(1);
    const sent = fake.children[0]!.postMessage.mock.calls.map(([message]) => message);
    // About shows the versions main itself runs on (process.versions: electron, chrome, node).
    expect(sent[0]).toMatchObject({
      type: 'init',
      dataDir: '/fake/userData',
      runtime: { node: process.versions.node },
    });
    expect(sent[1]).toMatchObject({ type: 'call', channel: 'getSettings' });
  });

  it('locks and hides at once on the panic shortcut', () => {
    fake.shortcuts.get('CommandOrControl+Shift+L')?.();
    const sent = fake.children[0]!.postMessage.mock.calls.map(([message]) => message);
    expect(sent.at(-1)).toMatchObject({ type: 'lock', reason: 'panic' });
    expect(fake.windows[0]!.hide).toHaveBeenCalled();
  });

  it('also locks on the panic keys pressed in the window, where the system refused the global shortcut', () => {
    const before = fake.children[0]!.postMessage.mock.calls.length;
    const event = { preventDefault: vi.fn() };
    const keys = {
      type: 'keyDown',
      key: 'L',
      control: process.platform !== 'darwin',
      meta: process.platform === 'darwin',
    };
    fake.windows[0]!.webContents.emit('before-input-event', event, { ...keys, shift: true, alt: false });
    expect(event.preventDefault).toHaveBeenCalled();
    const sent = fake.children[0]!.postMessage.mock.calls.slice(before).map(([message]) => message);
    expect(sent).toEqual([expect.objectContaining({ type: 'lock', reason: 'panic' })]);
  });

  it('locks on screen lock, and counts input in its window for the idle time', () => {
    fake.power.emit('lock-screen');
    const locks = fake.children[0]!.postMessage.mock.calls.map(([message]) => message).filter((m) => m.type === 'lock');
    expect(locks.map((m) => m.reason)).toContain('screen');
    expect(fake.windows[0]!.webContents.listenerCount('input-event')).toBe(1);
  });

  it('answers platformProtections itself, without the vault process', async () => {
    const [, handler] = fake.ipcHandle.mock.calls.find(([name]) => name === ipcChannel('platformProtections'))!;
    const before = fake.children[0]!.postMessage.mock.calls.length;
    const response = await handler({ senderFrame: { url: 'crossing://app/index.html', parent: null } }, {});
    expect(response).toMatchObject({ ok: true, value: { protections: expect.any(Array) } });
    expect(fake.children[0]!.postMessage.mock.calls).toHaveLength(before);
  });

  it.runIf(process.platform === 'linux')(
    'watches the desktop session through dbus-monitor on Linux: a screen-saver signal locks',
    async () => {
      expect(fake.monitors.map((monitor) => monitor.args[0])).toEqual(['--system', '--session']);
      fake.monitors[1]!.stdout.write(
        'signal time=1 sender=:1.12 -> destination=(null destination) serial=2 path=/org/gnome/ScreenSaver; interface=org.gnome.ScreenSaver; member=ActiveChanged\n   boolean true\n',
      );
      await new Promise((resolve) => setImmediate(resolve));
      const sent = fake.children[0]!.postMessage.mock.calls.map(([message]) => message);
      expect(sent.at(-1)).toMatchObject({ type: 'lock', reason: 'screen' });
    },
  );

  it('cancels network requests in the sessions it wired', () => {
    for (const session of [fake.defaultSession, fake.appSession]) {
      const filter = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
        d: unknown,
        cb: (r: unknown) => void,
      ) => void;
      const answers: unknown[] = [];
      filter({ url: 'https://example.org/beacon' }, (r) => answers.push(r));
      filter({ url: 'crossing://app/index.html' }, (r) => answers.push(r));
      expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
    }
  });

  it('hands the .crossing file it was launched with to the vault once the UI has loaded', async () => {
    const sent = () => fake.children[0]!.postMessage.mock.calls.map(([message]) => message);
    expect(sent().some((m) => m.type === 'openFile')).toBe(false);
    fake.windows[0]!.webContents.emit('did-finish-load');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sent().find((m) => m.type === 'openFile')).toMatchObject({ path: '/home/a/from-anna.crossing' });
  });

  it('quits when the window closes, on every platform', () => {
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('kills the vault process on suspend before the handler returns, and tells the UI', () => {
    fake.power.emit('suspend');
    expect(fake.children[0]!.kill).toHaveBeenCalled();
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith(ipcChannel('locked'), { reason: 'suspend' });
  });

  it('stops the D-Bus monitors on quit', () => {
    fake.app.emit('will-quit');
    expect(fake.monitors.every((monitor) => monitor.kill.mock.calls.length === 1)).toBe(true);
  });
});
