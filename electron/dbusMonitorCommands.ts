import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { SCREENSAVER_IFACES } from './dbusSignals.js';
import { LOGIN1_SESSIONS } from './linuxSession.js';

/**
 * Which D-Bus monitor tool to run, and with what arguments. Electron's main process has no D-Bus API,
 * so the signals come from a child process: `dbus-monitor` (package dbus) first, because match rules
 * let one process per bus watch every signal we need; `gdbus monitor` (libglib2.0-bin) otherwise, which
 * watches one bus name per process. Both ship on Ubuntu desktops.
 */

export type MonitorToolName = 'dbus-monitor' | 'gdbus';
export interface MonitorTool {
  name: MonitorToolName;
  /** Absolute path: the tool is run directly, never through a shell. */
  file: string;
}

export interface MonitorCommand {
  bus: 'system' | 'session';
  tool: MonitorToolName;
  file: string;
  args: string[];
}

/** Where Debian and Ubuntu install both tools, searched even when PATH was emptied by the launcher. */
const SYSTEM_BIN = ['/usr/bin', '/bin'];

const isExecutableFile = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The first tool found, dbus-monitor before gdbus; relative PATH entries are ignored (no tool from the working folder). */
export function findMonitorTool(
  pathVariable: string | undefined,
  isExecutable: (file: string) => boolean = isExecutableFile,
): MonitorTool | null {
  const dirs = [...new Set([...(pathVariable ?? '').split(path.delimiter), ...SYSTEM_BIN])].filter((dir) =>
    path.isAbsolute(dir),
  );
  for (const name of ['dbus-monitor', 'gdbus'] as const) {
    const file = dirs.map((dir) => path.join(dir, name)).find(isExecutable);
    if (file) return { name, file };
  }
  return null;
}

const signalRule = (fields: Record<string, string>) =>
  Object.entries({ type: 'signal', ...fields })
    .map(([key, value]) => `${key}='${value}'`)
    .join(',');

/**
 * Our session only when logind's path for it is known; any session otherwise. The path is escaped to
 * letters, digits, `_` and `/` (sessionObjectPath), so nothing in it can close the rule's quotes.
 */
const sessionPathRule = (sessionPath: string | null): Record<string, string> =>
  sessionPath ? { path: sessionPath } : { path_namespace: LOGIN1_SESSIONS };

/**
 * The processes to run. System bus: logind's `PrepareForSleep`, a session's `Lock`, and its
 * `LockedHint` property. Session bus: the freedesktop (KDE) and GNOME screensavers' `ActiveChanged`.
 */
export function monitorCommands(tool: MonitorTool, sessionPath: string | null): MonitorCommand[] {
  const { name, file } = tool;
  if (name === 'gdbus') {
    const watch = (bus: 'system' | 'session', dest: string): MonitorCommand => ({
      bus,
      tool: name,
      file,
      args: ['monitor', `--${bus}`, '--dest', dest],
    });
    return [
      watch('system', 'org.freedesktop.login1'),
      // The screensavers' bus names are their interface names.
      ...SCREENSAVER_IFACES.map((iface) => watch('session', iface)),
    ];
  }
  const system = [
    signalRule({ interface: 'org.freedesktop.login1.Manager', member: 'PrepareForSleep' }),
    signalRule({ interface: 'org.freedesktop.login1.Session', member: 'Lock', ...sessionPathRule(sessionPath) }),
    signalRule({
      interface: 'org.freedesktop.DBus.Properties',
      member: 'PropertiesChanged',
      arg0: 'org.freedesktop.login1.Session',
      ...sessionPathRule(sessionPath),
    }),
  ];
  const session = SCREENSAVER_IFACES.map((iface) => signalRule({ interface: iface, member: 'ActiveChanged' }));
  return [
    { bus: 'system', tool: name, file, args: ['--system', ...system] },
    { bus: 'session', tool: name, file, args: ['--session', ...session] },
  ];
}

/** The wait before restarting a monitor that ended, after 0, 1, 2 … quick failures in a row: 1 s, 2 s, 4 s … a minute at most. */
export const restartDelayMs = (failuresInARow: number): number => Math.min(1000 * 2 ** failuresInARow, 60_000);
