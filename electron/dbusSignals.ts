import { LOGIN1_SESSIONS } from './linuxSession.js';

/**
 * Reads the D-Bus signals that mean "lock now" out of the text a monitor tool prints: `dbus-monitor`
 * (a header line per message, its arguments indented on the lines below) or `gdbus monitor` (one line
 * per signal, arguments in GVariant text). Pure: no process, no bus; tested on captured output.
 *
 * Any process on a bus can send these signals, so a forged one can only make Crossing lock: harmless.
 */

/** What a signal asks for: 'suspend' forgets the keys at once, 'screen' locks as a screen lock does. */
export type SessionLock = 'screen' | 'suspend';

const SESSION_IFACE = 'org.freedesktop.login1.Session';
const MANAGER_IFACE = 'org.freedesktop.login1.Manager';
const PROPERTIES_IFACE = 'org.freedesktop.DBus.Properties';
export const SCREENSAVER_IFACES = ['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver'] as const;

/** Our session's path when known; otherwise any logind session counts (an extra lock is harmless). */
const isOurSession = (path: string, sessionPath: string | null) =>
  sessionPath === null ? path.startsWith(`${LOGIN1_SESSIONS}/`) : path === sessionPath;

interface SignalHead {
  path: string;
  iface: string;
  member: string;
}

/** The signals whose meaning is known from the header alone, and those that need their first argument. */
function lockOnHeader({ path, iface, member }: SignalHead, sessionPath: string | null): SessionLock | null {
  return iface === SESSION_IFACE && member === 'Lock' && isOurSession(path, sessionPath) ? 'screen' : null;
}

function lockOnFirstArgumentTrue({ iface, member }: SignalHead): SessionLock | null {
  if (iface === MANAGER_IFACE && member === 'PrepareForSleep') return 'suspend';
  if ((SCREENSAVER_IFACES as readonly string[]).includes(iface) && member === 'ActiveChanged') return 'screen';
  return null;
}

/** logind's `LockedHint` turning true on our session: GNOME and KDE set it when their lock screen is up. */
const isSessionPropertiesChange = ({ path, iface, member }: SignalHead, sessionPath: string | null) =>
  iface === PROPERTIES_IFACE && member === 'PropertiesChanged' && isOurSession(path, sessionPath);

// ---- dbus-monitor ---------------------------------------------------------------------------------

const DBUS_MONITOR_SIGNAL = /^signal .* path=([^;]*); interface=([^;]*); member=(\S+)$/;
const DBUS_MONITOR_MESSAGE = /^(signal|method call|method return|error) /;

/**
 * A reader for `dbus-monitor` output, fed one line at a time; answers the lock a line completes.
 * The header says which signal it is, the indented lines below carry its arguments.
 */
export function dbusMonitorReader(sessionPath: string | null): (line: string) => SessionLock | null {
  let head: SignalHead | null = null;
  let argumentIndex = 0;
  let lockedHintNext = false;

  return (line) => {
    if (DBUS_MONITOR_MESSAGE.test(line)) {
      const match = DBUS_MONITOR_SIGNAL.exec(line);
      head = match ? { path: match[1]!, iface: match[2]!, member: match[3]! } : null;
      argumentIndex = 0;
      lockedHintNext = false;
      return head ? lockOnHeader(head, sessionPath) : null;
    }
    if (!head || !/^\s/.test(line)) return null;
    const text = line.trim();
    // Top-level arguments are indented by exactly three spaces; deeper lines belong to containers.
    const topLevel = /^ {3}[^\s\])]/.test(line);
    if (topLevel) argumentIndex += 1;

    if (topLevel && argumentIndex === 1 && lockOnFirstArgumentTrue(head)) {
      return text === 'boolean true' ? lockOnFirstArgumentTrue(head) : null;
    }
    if (isSessionPropertiesChange(head, sessionPath)) {
      if (topLevel && argumentIndex === 1 && text !== `string "${SESSION_IFACE}"`) head = null;
      else if (argumentIndex === 2 && text === 'string "LockedHint"') lockedHintNext = true;
      else if (lockedHintNext) {
        lockedHintNext = false;
        if (/^variant\s+boolean true$/.test(text)) return 'screen';
      }
    }
    return null;
  };
}

// ---- gdbus monitor --------------------------------------------------------------------------------

const GDBUS_SIGNAL = /^(\/\S*): ([\w.]+)\.(\w+) \((.*)\)$/;

/** One line of `gdbus monitor`: `/path: interface.Member (arguments,)`. Other lines say nothing. */
export function gdbusMonitorLine(line: string, sessionPath: string | null): SessionLock | null {
  const match = GDBUS_SIGNAL.exec(line);
  if (!match) return null;
  const head = { path: match[1]!, iface: match[2]!, member: match[3]! };
  const args = match[4]!;
  const onHeader = lockOnHeader(head, sessionPath);
  if (onHeader) return onHeader;
  const onTrue = lockOnFirstArgumentTrue(head);
  if (onTrue) return /^true\b/.test(args) ? onTrue : null;
  if (isSessionPropertiesChange(head, sessionPath)) {
    const changesSession = args.startsWith(`'${SESSION_IFACE}', {`);
    return changesSession && /[{,] ?'LockedHint': <true>/.test(args) ? 'screen' : null;
  }
  return null;
}
