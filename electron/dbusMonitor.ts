import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { restartDelayMs, type MonitorCommand } from './dbusMonitorCommands.js';
import { dbusMonitorReader, gdbusMonitorLine, type SessionLock } from './dbusSignals.js';
import { type Env } from './linuxSession.js';

/** A monitor child process as the supervisor needs it (node's ChildProcess in the app, a fake in tests). */
export interface MonitorProcess {
  stdout: NodeJS.ReadableStream | null;
  on(event: 'exit', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  kill(): boolean;
}

export type SpawnMonitor = (file: string, args: string[], env: Env) => MonitorProcess;

/** Runs the tool itself with an argument list: no shell ever sees the match rules. */
export const spawnMonitor: SpawnMonitor = (file, args, env) =>
  spawn(file, args, { env, shell: false, stdio: ['ignore', 'pipe', 'ignore'] });

export interface DbusMonitorsOptions {
  commands: MonitorCommand[];
  sessionPath: string | null;
  onLock: (lock: SessionLock) => void;
  /** The bus addresses come from here (DBUS_SESSION_BUS_ADDRESS, DBUS_SYSTEM_BUS_ADDRESS): tests point them at private buses. */
  env: Env;
  spawn?: SpawnMonitor;
  /** A monitor that ran this long before it ended is restarted after the shortest wait again. */
  steadyAfterMs?: number;
  restartDelay?: (failuresInARow: number) => number;
}

export interface DbusMonitors {
  /** True while at least one monitor is connected to its bus (it has printed something since it started). */
  listening(): boolean;
  /** On quit: no monitor outlives the app. */
  stop(): void;
}

/**
 * Keeps one child process per command running: reads its lines, tells `onLock` what they mean, and
 * restarts it with a growing wait when it ends (bus restarted, tool crashed, session bus not up yet).
 */
export function startDbusMonitors(options: DbusMonitorsOptions): DbusMonitors {
  const spawnOne = options.spawn ?? spawnMonitor;
  const steadyAfterMs = options.steadyAfterMs ?? 60_000;
  const restartDelay = options.restartDelay ?? restartDelayMs;
  let stopped = false;
  const running = new Set<MonitorProcess>();
  const heard = new Set<MonitorProcess>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function supervise(command: MonitorCommand, failuresInARow: number): void {
    if (stopped) return;
    const startedAt = Date.now();
    const read =
      command.tool === 'gdbus'
        ? (line: string) => gdbusMonitorLine(line, options.sessionPath)
        : dbusMonitorReader(options.sessionPath);
    let child: MonitorProcess;
    try {
      child = spawnOne(command.file, command.args, options.env);
    } catch {
      return restartLater(command, failuresInARow + 1);
    }
    running.add(child);
    if (child.stdout) {
      createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line: string) => {
        heard.add(child);
        const lock = read(line);
        if (lock && !stopped) options.onLock(lock);
      });
    }
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      running.delete(child);
      heard.delete(child);
      const steady = Date.now() - startedAt >= steadyAfterMs;
      restartLater(command, steady ? 0 : failuresInARow + 1);
    };
    child.on('exit', end);
    child.on('error', end); // the tool vanished or could not start: 'exit' may never come
  }

  function restartLater(command: MonitorCommand, failuresInARow: number): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      supervise(command, failuresInARow);
    }, restartDelay(failuresInARow));
    timers.add(timer);
  }

  for (const command of options.commands) supervise(command, 0);

  return {
    listening: () => heard.size > 0,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const child of running) child.kill();
      running.clear();
      heard.clear();
    },
  };
}
