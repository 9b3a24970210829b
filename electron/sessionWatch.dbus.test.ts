import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnMonitor } from './dbusMonitor.js';
import { type MonitorTool } from './dbusMonitorCommands.js';
import { type SessionLock } from './dbusSignals.js';
import { watchDesktopSession, type SessionWatch } from './sessionWatch.js';

/**
 * The monitors against real D-Bus daemons: two private buses per test, one standing in for the session
 * bus and one for the system bus (DBUS_SESSION_BUS_ADDRESS, DBUS_SYSTEM_BUS_ADDRESS), real signals sent
 * with `gdbus emit` or, where the monitor listens to one bus name only, by a client that owns the name.
 */

const onPath = (name: string) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, name))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });

const TOOLS = { dbusDaemon: onPath('dbus-daemon'), gdbus: onPath('gdbus'), dbusMonitor: onPath('dbus-monitor') };
const missing = (...needed: (keyof typeof TOOLS)[]) => {
  const packages = {
    dbusDaemon: 'dbus-daemon (apt: dbus)',
    gdbus: 'gdbus (apt: libglib2.0-bin)',
    dbusMonitor: 'dbus-monitor (apt: dbus)',
  };
  const absent = needed.filter((tool) => !TOOLS[tool]).map((tool) => packages[tool]);
  return absent.length ? ` — SKIPPED: ${absent.join(', ')} not installed` : '';
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface PrivateBus {
  address: string;
  stop(): Promise<void>;
}

/** A dbus-daemon of our own on a socket in a temp folder; nothing on the machine's buses is touched. */
async function startBus(socket: string): Promise<PrivateBus> {
  const daemon = spawn(
    TOOLS.dbusDaemon!,
    ['--session', '--nofork', `--address=unix:path=${socket}`, '--print-address=1'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: daemon.stdout }).once('line', () => resolve()); // it listens once it prints its address
    daemon.once('exit', () => reject(new Error('dbus-daemon ended before it printed its address')));
  });
  // Without the daemon's guid, like the address a desktop session exports: a restarted bus is the same address.
  return { address: `unix:path=${socket}`, stop: () => ended(daemon) };
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

/** `gdbus emit` on the "session" or "system" bus, reached through the address variables like the monitors. */
const emit = (
  env: NodeJS.ProcessEnv,
  bus: 'session' | 'system',
  objectPath: string,
  signal: string,
  ...args: string[]
) =>
  promisify(execFile)(TOOLS.gdbus!, ['emit', `--${bus}`, '--object-path', objectPath, '--signal', signal, ...args], {
    env,
  });

// ---- a minimal D-Bus client that owns a bus name and sends signals (gdbus monitor hears only the owner) ----

class Marshal {
  private bytes: number[] = [];
  get length() {
    return this.bytes.length;
  }
  align(n: number) {
    while (this.bytes.length % n) this.bytes.push(0);
    return this;
  }
  byte(value: number) {
    this.bytes.push(value);
    return this;
  }
  uint32(value: number) {
    this.align(4);
    this.bytes.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    return this;
  }
  string(value: string) {
    const utf8 = [...Buffer.from(value)];
    this.uint32(utf8.length);
    this.bytes.push(...utf8, 0);
    return this;
  }
  signature(value: string) {
    this.bytes.push(value.length, ...Buffer.from(value), 0);
    return this;
  }
  /** An array: its byte length first, then its elements from an `alignment` boundary. */
  array(alignment: number, elements: (m: Marshal) => void) {
    this.uint32(0);
    const lengthAt = this.bytes.length - 4;
    this.align(alignment);
    const start = this.bytes.length;
    elements(this);
    const length = this.bytes.length - start;
    this.bytes.splice(lengthAt, 4, length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff, length >>> 24);
    return this;
  }
  buffer() {
    return Buffer.from(this.bytes);
  }
}

interface Body {
  signature: string;
  write: (m: Marshal) => void;
}
const booleanBody = (value: boolean): Body => ({ signature: 'b', write: (m) => m.uint32(value ? 1 : 0) });
const lockedHintBody = (value: boolean): Body => ({
  signature: 'sa{sv}as',
  write: (m) =>
    m
      .string('org.freedesktop.login1.Session')
      .array(8, (entries) =>
        entries
          .align(8)
          .string('LockedHint')
          .signature('b')
          .uint32(value ? 1 : 0),
      )
      .array(4, () => {}),
});

let serial = 1;
function message(type: 1 | 4, head: { path: string; iface: string; member: string; dest?: string }, body?: Body) {
  const payload = new Marshal();
  body?.write(payload);
  const fields: [number, string, string][] = [
    [1, 'o', head.path],
    [2, 's', head.iface],
    [3, 's', head.member],
  ];
  if (head.dest) fields.push([6, 's', head.dest]);
  if (body) fields.push([8, 'g', body.signature]);
  const header = new Marshal().byte(0x6c).byte(type).byte(0).byte(1).uint32(payload.length).uint32(serial++);
  header.array(8, (m) => {
    for (const [code, kind, value] of fields) {
      m.align(8).byte(code).signature(kind);
      if (kind === 'g') m.signature(value);
      else m.string(value);
    }
  });
  header.align(8);
  return Buffer.concat([header.buffer(), payload.buffer()]);
}

async function ownBusName(address: string, name: string) {
  const socketPath = /unix:path=([^,;]+)/.exec(address)![1]!;
  const socket = net.createConnection(socketPath);
  socket.on('data', () => {}); // replies and signals to us: not needed
  await new Promise((resolve) => socket.once('connect', resolve));
  const uid = Buffer.from(String(process.getuid?.() ?? 0)).toString('hex');
  socket.write(`\0AUTH EXTERNAL ${uid}\r\n`);
  await new Promise((resolve) => socket.once('data', resolve)); // OK <guid>
  socket.write('BEGIN\r\n');
  const bus = { path: '/org/freedesktop/DBus', iface: 'org.freedesktop.DBus', dest: 'org.freedesktop.DBus' };
  socket.write(message(1, { ...bus, member: 'Hello' }));
  socket.write(
    message(1, { ...bus, member: 'RequestName' }, { signature: 'su', write: (m) => m.string(name).uint32(0) }),
  );
  return {
    signal: (objectPath: string, iface: string, member: string, body?: Body) =>
      new Promise<void>((resolve) =>
        socket.write(message(4, { path: objectPath, iface, member }, body), () => resolve()),
      ),
    close: () => new Promise<void>((resolve) => socket.end(resolve)),
  };
}

// ---- the tests ----------------------------------------------------------------------------------

const OUR_SESSION = '/org/freedesktop/login1/session/_32'; // XDG_SESSION_ID=2
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(tool: MonitorTool) {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossing-dbus-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const sessionBus = await startBus(path.join(dir, 'session'));
  cleanups.push(() => sessionBus.stop());
  let systemBus = await startBus(path.join(dir, 'system'));
  cleanups.push(() => systemBus.stop());
  const env = {
    PATH: process.env.PATH,
    XDG_SESSION_ID: '2',
    DBUS_SESSION_BUS_ADDRESS: sessionBus.address,
    DBUS_SYSTEM_BUS_ADDRESS: systemBus.address,
  };
  const heard: SessionLock[] = [];
  const children: ChildProcess[] = [];
  const watch: SessionWatch = watchDesktopSession({
    platform: 'linux',
    env,
    onLock: (lock) => heard.push(lock),
    findTool: () => tool,
    spawn: (file, args, childEnv) => {
      const child = spawnMonitor(file, args, childEnv) as ChildProcess;
      children.push(child);
      return child;
    },
  });
  cleanups.push(async () => {
    watch.stop();
    await Promise.all(children.map(ended)); // stop() kills every monitor: none outlives the test
  });
  return {
    env,
    heard,
    watch,
    children,
    /** Repeats a signal until a monitor hears it (the monitors may still be connecting), then forgets it. */
    async connected(send: () => Promise<unknown>) {
      for (let i = 0; i < 200 && heard.length === 0; i++) {
        await send();
        await sleep(50);
      }
      expect(heard.length, 'a monitor heard the first signal').toBeGreaterThan(0);
      await sleep(200);
      heard.length = 0;
    },
    /** Stops the "system" bus and starts another on the same socket, as a restarted dbus-daemon would. */
    async restartSystemBus() {
      await systemBus.stop();
      systemBus = await startBus(path.join(dir, 'system'));
    },
  };
}

describe(`dbus-monitor on real buses${missing('dbusDaemon', 'dbusMonitor', 'gdbus')}`, () => {
  const skip = missing('dbusDaemon', 'dbusMonitor', 'gdbus') !== '';
  const tool = (): MonitorTool => ({ name: 'dbus-monitor', file: TOOLS.dbusMonitor! });

  it.skipIf(skip)('locks on the GNOME and freedesktop screensavers turning on, not off', async () => {
    const bus = await setUp(tool());
    const send = (iface: string, active: string) =>
      emit(bus.env, 'session', `/${iface.replaceAll('.', '/')}`, `${iface}.ActiveChanged`, active);
    await bus.connected(() => send('org.gnome.ScreenSaver', 'true'));
    expect(bus.watch.listening()).toBe(true);

    await send('org.gnome.ScreenSaver', 'false');
    await send('org.freedesktop.ScreenSaver', 'false');
    await send('org.freedesktop.ScreenSaver', 'true');
    await waitFor(() => bus.heard.length > 0, 'the freedesktop screensaver');
    await sleep(200);
    expect(bus.heard).toEqual(['screen']);
  });

  it.skipIf(skip)(
    "locks on logind's Lock and LockedHint for this session, and forgets keys on PrepareForSleep(true)",
    async () => {
      const bus = await setUp(tool());
      const login1 = (objectPath: string, signal: string, ...args: string[]) =>
        emit(bus.env, 'system', objectPath, `org.freedesktop.login1.${signal}`, ...args);
      await bus.connected(() => login1('/org/freedesktop/login1', 'Manager.PrepareForSleep', 'true'));

      await login1('/org/freedesktop/login1', 'Manager.PrepareForSleep', 'false'); // waking up
      await login1('/org/freedesktop/login1/session/c5', 'Session.Lock'); // another person's session
      await login1(OUR_SESSION, 'Session.Unlock');
      await login1(OUR_SESSION, 'Session.Lock');
      await emit(
        bus.env,
        'system',
        OUR_SESSION,
        'org.freedesktop.DBus.Properties.PropertiesChanged',
        "'org.freedesktop.login1.Session'",
        "{'LockedHint': <false>}",
        '@as []',
      );
      await emit(
        bus.env,
        'system',
        OUR_SESSION,
        'org.freedesktop.DBus.Properties.PropertiesChanged',
        "'org.freedesktop.login1.Session'",
        "{'IdleHint': <true>, 'LockedHint': <true>}",
        '@as []',
      );
      await login1('/org/freedesktop/login1', 'Manager.PrepareForSleep', 'true');
      await waitFor(() => bus.heard.length >= 3, 'three locks');
      await sleep(200);
      expect(bus.heard).toEqual(['screen', 'screen', 'suspend']);
    },
  );

  it.skipIf(skip)('restarts a monitor whose bus went away, and hears the new bus', async () => {
    const bus = await setUp(tool());
    const sleepSignal = () =>
      emit(bus.env, 'system', '/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep', 'true');
    await bus.connected(sleepSignal);
    const first = bus.children.find((child) => child.spawnargs.includes('--system'))!;
    await bus.restartSystemBus();
    await waitFor(() => first.exitCode !== null || first.signalCode !== null, 'the monitor to end with its bus');
    await bus.connected(sleepSignal); // the restarted monitor, 2 s later, on the new bus
    expect(bus.children.filter((child) => child.spawnargs.includes('--system'))).toHaveLength(2);
  });
});

describe(`gdbus monitor on real buses${missing('dbusDaemon', 'gdbus')}`, () => {
  const skip = missing('dbusDaemon', 'gdbus') !== '';

  it.skipIf(skip)('hears logind and the GNOME screensaver from the owners of their bus names', async () => {
    const bus = await setUp({ name: 'gdbus', file: TOOLS.gdbus! });
    const logind = await ownBusName(bus.env.DBUS_SYSTEM_BUS_ADDRESS, 'org.freedesktop.login1');
    const gnome = await ownBusName(bus.env.DBUS_SESSION_BUS_ADDRESS, 'org.gnome.ScreenSaver');
    cleanups.push(logind.close, gnome.close);
    const manager = (member: string, body?: Body) =>
      logind.signal('/org/freedesktop/login1', 'org.freedesktop.login1.Manager', member, body);
    await bus.connected(() => manager('PrepareForSleep', booleanBody(true)));

    await manager('PrepareForSleep', booleanBody(false));
    await logind.signal('/org/freedesktop/login1/session/c5', 'org.freedesktop.login1.Session', 'Lock');
    await logind.signal(OUR_SESSION, 'org.freedesktop.DBus.Properties', 'PropertiesChanged', lockedHintBody(false));
    await logind.signal(OUR_SESSION, 'org.freedesktop.login1.Session', 'Lock');
    await logind.signal(OUR_SESSION, 'org.freedesktop.DBus.Properties', 'PropertiesChanged', lockedHintBody(true));
    await manager('PrepareForSleep', booleanBody(true));
    await waitFor(() => bus.heard.length >= 3, 'three locks from logind');
    await sleep(200);
    expect(bus.heard).toEqual(['screen', 'screen', 'suspend']);

    bus.heard.length = 0;
    await bus.connected(() =>
      gnome.signal('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', booleanBody(true)),
    );
    await gnome.signal('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', booleanBody(false));
    await sleep(300);
    expect(bus.heard).toEqual([]);
  });

  it.skipIf(skip)('does not hear a signal from a process that does not own the bus name', async () => {
    const bus = await setUp({ name: 'gdbus', file: TOOLS.gdbus! });
    const logind = await ownBusName(bus.env.DBUS_SYSTEM_BUS_ADDRESS, 'org.freedesktop.login1');
    cleanups.push(logind.close);
    await bus.connected(() => logind.signal(OUR_SESSION, 'org.freedesktop.login1.Session', 'Lock'));
    await emit(bus.env, 'system', OUR_SESSION, 'org.freedesktop.login1.Session.Lock'); // gdbus emit owns no name
    await logind.signal(
      '/org/freedesktop/login1',
      'org.freedesktop.login1.Manager',
      'PrepareForSleep',
      booleanBody(true),
    );
    await waitFor(() => bus.heard.length > 0, 'the sleep signal');
    await sleep(200);
    expect(bus.heard).toEqual(['suspend']);
  });
});
