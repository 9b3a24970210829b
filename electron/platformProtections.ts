import { type ChannelResult } from '../shared/ipc/contract.js';
import { type MonitorToolName } from './dbusMonitorCommands.js';
import { linuxSession, type Env } from './linuxSession.js';

export type PlatformProtections = ChannelResult<'platformProtections'>;
export type Protection = PlatformProtections['protections'][number];

/** What main has seen at run time, beyond what the platform promises. */
export interface ObservedProtections {
  /** The D-Bus monitor tool found (Linux), or null when neither dbus-monitor nor gdbus is installed. */
  monitorTool: MonitorToolName | null;
  /** At least one monitor is connected to its bus. */
  monitorsListening: boolean;
  /** The system idle time has read 0 for a while: only Crossing's own window tells idle time. */
  systemIdleStuck: boolean;
  /** The system accepted the global panic shortcut. */
  panicShortcutRegistered: boolean;
}

/** macOS and Windows give every protection natively; elsewhere is Linux or another freedesktop system. */
export const hasNativeProtections = (platform: string): boolean => platform === 'darwin' || platform === 'win32';

const works = (id: Protection['id']): Protection => ({ id, status: 'works', reason: null });

/**
 * Which of the shell's protections work on this machine, and why not where they do not: the Settings
 * screen lists the gaps so that a caseworker on Linux knows that, for one, a screen recorder can see
 * Crossing's window.
 */
export function platformProtections(platform: string, env: Env, seen: ObservedProtections): PlatformProtections {
  const native = hasNativeProtections(platform);
  const wayland = !native && linuxSession(env).display === 'wayland';
  const screenLock = (): Protection => {
    if (native) return works('screenLock');
    if (!seen.monitorTool) return { id: 'screenLock', status: 'missing', reason: 'noDbusMonitor' };
    if (!seen.monitorsListening) return { id: 'screenLock', status: 'missing', reason: 'dbusUnreachable' };
    return works('screenLock');
  };
  const panicShortcut = (): Protection => {
    // The same keys still lock inside Crossing's window, so a refused global shortcut is a partial loss.
    if (!seen.panicShortcutRegistered) return { id: 'panicShortcut', status: 'partly', reason: 'shortcutRefused' };
    if (wayland) return { id: 'panicShortcut', status: 'partly', reason: 'waylandPortal' };
    return works('panicShortcut');
  };
  return {
    platform: platform === 'linux' || native ? (platform as 'linux' | 'darwin' | 'win32') : 'other',
    protections: [
      native
        ? works('contentProtection')
        : { id: 'contentProtection', status: 'missing', reason: 'captureNotBlockable' },
      native ? works('asarIntegrity') : { id: 'asarIntegrity', status: 'missing', reason: 'integrityMacWindowsOnly' },
      screenLock(),
      seen.systemIdleStuck ? { id: 'idle', status: 'partly', reason: 'ownWindowOnly' } : works('idle'),
      panicShortcut(),
    ],
  };
}
