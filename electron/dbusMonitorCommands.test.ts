import { describe, expect, it } from 'vitest';
import { findMonitorTool, monitorCommands, restartDelayMs } from './dbusMonitorCommands.js';

const installed =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('monitor tool', () => {
  it('prefers dbus-monitor and falls back to gdbus', () => {
    const path = '/usr/local/bin:/usr/bin';
    expect(findMonitorTool(path, installed('/usr/bin/gdbus', '/usr/bin/dbus-monitor'))).toEqual({
      name: 'dbus-monitor',
      file: '/usr/bin/dbus-monitor',
    });
    expect(findMonitorTool(path, installed('/usr/bin/gdbus'))).toEqual({ name: 'gdbus', file: '/usr/bin/gdbus' });
    expect(findMonitorTool(path, installed())).toBeNull();
  });

  it('never takes a tool from a relative PATH entry, and looks in /usr/bin when PATH is empty', () => {
    expect(findMonitorTool('.:bin', installed('dbus-monitor', 'bin/dbus-monitor'))).toBeNull();
    expect(findMonitorTool(undefined, installed('/usr/bin/gdbus'))).toEqual({ name: 'gdbus', file: '/usr/bin/gdbus' });
  });
});

describe('monitor commands', () => {
  const session = '/org/freedesktop/login1/session/_32';

  it('runs dbus-monitor once per bus with match rules for our session', () => {
    expect(monitorCommands({ name: 'dbus-monitor', file: '/usr/bin/dbus-monitor' }, session)).toEqual([
      {
        bus: 'system',
        tool: 'dbus-monitor',
        file: '/usr/bin/dbus-monitor',
        args: [
          '--system',
          "type='signal',interface='org.freedesktop.login1.Manager',member='PrepareForSleep'",
          `type='signal',interface='org.freedesktop.login1.Session',member='Lock',path='${session}'`,
          `type='signal',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged',arg0='org.freedesktop.login1.Session',path='${session}'`,
        ],
      },
      {
        bus: 'session',
        tool: 'dbus-monitor',
        file: '/usr/bin/dbus-monitor',
        args: [
          '--session',
          "type='signal',interface='org.freedesktop.ScreenSaver',member='ActiveChanged'",
          "type='signal',interface='org.gnome.ScreenSaver',member='ActiveChanged'",
        ],
      },
    ]);
  });

  it('watches every logind session when ours is not known', () => {
    const [system] = monitorCommands({ name: 'dbus-monitor', file: '/usr/bin/dbus-monitor' }, null);
    expect(
      system!.args.filter((rule) => rule.includes("path_namespace='/org/freedesktop/login1/session'")),
    ).toHaveLength(2);
  });

  it('runs gdbus once per bus name', () => {
    const commands = monitorCommands({ name: 'gdbus', file: '/usr/bin/gdbus' }, session);
    expect(commands.map(({ bus, args }) => [bus, ...args])).toEqual([
      ['system', 'monitor', '--system', '--dest', 'org.freedesktop.login1'],
      ['session', 'monitor', '--session', '--dest', 'org.freedesktop.ScreenSaver'],
      ['session', 'monitor', '--session', '--dest', 'org.gnome.ScreenSaver'],
    ]);
  });
});

describe('restart back-off', () => {
  it('doubles from one second up to a minute', () => {
    expect([0, 1, 2, 3, 5, 6, 20].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 32_000, 60_000, 60_000]);
  });
});
