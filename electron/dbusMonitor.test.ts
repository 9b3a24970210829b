import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDbusMonitors, type MonitorProcess } from './dbusMonitor.js';
import { monitorCommands } from './dbusMonitorCommands.js';

const SESSION = '/org/freedesktop/login1/session/_32';
const SCREENSAVER_ON = [
  'signal time=1796231251.351933 sender=:1.12 -> destination=(null destination) serial=2 path=/org/freedesktop/ScreenSaver; interface=org.freedesktop.ScreenSaver; member=ActiveChanged',
  '   boolean true',
];

/** A monitor process that prints what the test says and ends when told. */
class FakeMonitor extends EventEmitter implements MonitorProcess {
  readonly stdout = new PassThrough();
  killed = false;
  constructor(
    readonly file: string,
    readonly args: string[],
    readonly env: unknown,
  ) {
    super();
  }
  print(...lines: string[]) {
    this.stdout.write(lines.map((line) => `${line}\n`).join(''));
  }
  kill() {
    this.killed = true;
    return true;
  }
}

function fakeSpawn() {
  const spawned: FakeMonitor[] = [];
  const spawn = vi.fn((file: string, args: string[], env: unknown) => {
    const child = new FakeMonitor(file, args, env);
    spawned.push(child);
    return child;
  });
  return { spawn, spawned, last: (bus: 'system' | 'session') => spawned.findLast((c) => c.args[0] === `--${bus}`)! };
}

const flushLines = () => new Promise((resolve) => setImmediate(resolve));
const commands = monitorCommands({ name: 'dbus-monitor', file: '/usr/bin/dbus-monitor' }, SESSION);

describe('D-Bus monitor supervisor', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('runs one process per command, with the given bus addresses, and reports the locks it prints', async () => {
    const { spawn, spawned, last } = fakeSpawn();
    const onLock = vi.fn();
    const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/s', DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/tmp/y' };
    const monitors = startDbusMonitors({ commands, sessionPath: SESSION, onLock, env, spawn });
    expect(spawned.map((c) => [c.file, c.args[0], c.env])).toEqual([
      ['/usr/bin/dbus-monitor', '--system', env],
      ['/usr/bin/dbus-monitor', '--session', env],
    ]);
    expect(monitors.listening()).toBe(false);
    last('session').print(...SCREENSAVER_ON);
    await flushLines();
    expect(onLock).toHaveBeenCalledExactlyOnceWith('screen');
    expect(monitors.listening()).toBe(true);
    monitors.stop();
  });

  it('restarts a monitor that keeps ending after 2 s, 4 s, 8 s, and reads the new one', async () => {
    const { spawn, spawned, last } = fakeSpawn();
    const onLock = vi.fn();
    startDbusMonitors({ commands, sessionPath: SESSION, onLock, env: {}, spawn });
    for (const wait of [2000, 4000, 8000]) {
      const before = spawned.length;
      last('system').emit('exit');
      vi.advanceTimersByTime(wait - 1);
      expect(spawned).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(spawned).toHaveLength(before + 1);
    }
    last('system').print(
      'signal time=1 sender=:1.10 -> destination=(null destination) serial=2 path=/org/freedesktop/login1; interface=org.freedesktop.login1.Manager; member=PrepareForSleep',
      '   boolean true',
    );
    await flushLines();
    expect(onLock).toHaveBeenCalledExactlyOnceWith('suspend');
  });

  it('restarts after a second again once a monitor had run steadily', () => {
    const { spawn, spawned, last } = fakeSpawn();
    startDbusMonitors({ commands, sessionPath: SESSION, onLock: vi.fn(), env: {}, spawn, steadyAfterMs: 60_000 });
    last('session').emit('exit');
    vi.advanceTimersByTime(2000);
    vi.advanceTimersByTime(60_000);
    const before = spawned.length;
    last('session').emit('exit');
    vi.advanceTimersByTime(1000);
    expect(spawned).toHaveLength(before + 1);
  });

  it('restarts once when a tool fails to start, though it reports both an error and an exit', () => {
    const { spawn, spawned, last } = fakeSpawn();
    startDbusMonitors({ commands, sessionPath: SESSION, onLock: vi.fn(), env: {}, spawn });
    const failed = last('system');
    failed.emit('error', new Error('spawn /usr/bin/dbus-monitor ENOENT'));
    failed.emit('exit');
    vi.advanceTimersByTime(60_000);
    expect(spawned.filter((c) => c.args[0] === '--system')).toHaveLength(2);
  });

  it('kills every monitor on stop and starts none afterwards', () => {
    const { spawn, spawned } = fakeSpawn();
    const monitors = startDbusMonitors({ commands, sessionPath: SESSION, onLock: vi.fn(), env: {}, spawn });
    spawned[0]!.emit('exit'); // waiting for its restart
    monitors.stop();
    expect(spawned.map((c) => c.killed)).toEqual([false, true]); // the ended one needs no kill
    vi.advanceTimersByTime(120_000);
    expect(spawned).toHaveLength(2);
  });

  it('says it is no longer listening when the monitors end', async () => {
    const { spawn, spawned } = fakeSpawn();
    const monitors = startDbusMonitors({ commands, sessionPath: SESSION, onLock: vi.fn(), env: {}, spawn });
    spawned[0]!.print(
      'signal time=1 sender=org.freedesktop.DBus -> destination=:1.0 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired',
    );
    await flushLines();
    expect(monitors.listening()).toBe(true);
    spawned[0]!.emit('exit');
    expect(monitors.listening()).toBe(false);
    monitors.stop();
  });
});
