import { startDbusMonitors, type SpawnMonitor } from './dbusMonitor.js';
import { findMonitorTool, monitorCommands, type MonitorTool, type MonitorToolName } from './dbusMonitorCommands.js';
import { type SessionLock } from './dbusSignals.js';
import { linuxSession, type Env } from './linuxSession.js';
import { hasNativeProtections } from './platformProtections.js';

export interface SessionWatchOptions {
  platform: string;
  env: Env;
  onLock: (signal: SessionLock) => void;
  findTool?: (pathVariable: string | undefined) => MonitorTool | null;
  spawn?: SpawnMonitor;
}

export interface SessionWatch {
  /** The monitor tool in use, or null: macOS and Windows need none, and a Linux without either tool has none. */
  tool: MonitorToolName | null;
  listening(): boolean;
  stop(): void;
}

/**
 * Screen lock and sleep as the desktop session announces them on D-Bus, where Electron's powerMonitor
 * does not hear them (Linux: its 'lock-screen' event is macOS and Windows only).
 */
export function watchDesktopSession(options: SessionWatchOptions): SessionWatch {
  if (hasNativeProtections(options.platform)) return { tool: null, listening: () => false, stop: () => {} };
  const tool = (options.findTool ?? findMonitorTool)(options.env.PATH);
  if (!tool) {
    console.warn('neither dbus-monitor nor gdbus is installed: screen locks on this desktop go unnoticed');
    return { tool: null, listening: () => false, stop: () => {} };
  }
  const sessionPath = linuxSession(options.env).objectPath;
  const monitors = startDbusMonitors({
    commands: monitorCommands(tool, sessionPath),
    sessionPath,
    env: options.env,
    onLock: options.onLock,
    ...(options.spawn ? { spawn: options.spawn } : {}),
  });
  return { tool: tool.name, listening: monitors.listening, stop: monitors.stop };
}
