import { type LockReason } from '../shared/service/index.js';
import { type SessionLock } from './dbusSignals.js';

export type IdleState = 'active' | 'idle' | 'locked' | 'unknown';

export interface PowerSource {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  getSystemIdleTime(): number;
  getSystemIdleState(idleThresholdSeconds: number): IdleState;
}

/** What one check sees. */
export interface IdleObservation {
  /** The system's own verdict against the threshold: 'locked' where it can tell (macOS, Windows, some X11). */
  state: IdleState;
  /** Keyboard and mouse anywhere on the machine, as the system reports it. */
  systemIdleSeconds: number;
  /** Since the last key or mouse event in Crossing's own window. */
  windowIdleSeconds: number;
  /** Since a check last read a system idle time above 0 (since the start if none has). */
  secondsSinceSystemIdleMoved: number;
}

/**
 * The system idle time is blind when it has read 0 at every check since Crossing's window was last
 * touched: some Wayland sessions report 0 forever. A working counter reads above 0 at the first check
 * that follows a one-second pause, so it moves within seconds of anyone stopping to think.
 */
export const systemIdleBlind = (seen: IdleObservation): boolean =>
  seen.state === 'unknown' ||
  (seen.systemIdleSeconds === 0 && seen.secondsSinceSystemIdleMoved >= seen.windowIdleSeconds);

/** Which lock a check calls for: the screen is locked, the machine is idle, or (system blind) the window is. */
export function lockDue(seen: IdleObservation, thresholdSeconds: number): 'screen' | 'idle' | null {
  if (seen.state === 'locked') return 'screen';
  if (seen.state === 'idle' || seen.systemIdleSeconds >= thresholdSeconds) return 'idle';
  if (systemIdleBlind(seen) && seen.windowIdleSeconds >= thresholdSeconds) return 'idle';
  return null;
}

/** After this long without the system idle time moving, the UI says idle is seen in Crossing's window only. */
export const STUCK_AFTER_SECONDS = 60;

export interface AutoLockOptions {
  power: PowerSource;
  /** Read at every check, so a change in settings applies at once. */
  autoLockMinutes: () => number;
  /** Locks through the vault process, which wipes its keys and says so (waits up to a timeout). */
  lock: (reason: LockReason) => void;
  /**
   * Kills the vault process before returning. On suspend nothing may wait: Linux sleeps as soon as the
   * 'suspend' listeners return (Electron then releases logind's delay lock).
   */
  forgetKeysNow: (reason: LockReason) => void;
  checkEveryMs?: number;
}

export interface AutoLock {
  /** A key or mouse event in Crossing's window: the idle time of last resort. */
  noteWindowInput(): void;
  /** What a D-Bus monitor heard (Linux): a screen lock, or logind's PrepareForSleep(true). */
  sessionSignal(signal: SessionLock): void;
  /** The system idle time has read 0 at every check for a while: idle is judged by Crossing's window alone. */
  systemIdleStuck(): boolean;
  /** Stops the idle checks. */
  stop(): void;
}

/**
 * Locks when the machine suspends, when the screen locks, and after the configured idle time: a laptop
 * left open or closed in a hurry must not stay unlocked. Locks once per idle or locked stretch, not at
 * every check.
 */
export function startAutoLock({
  power,
  autoLockMinutes,
  lock,
  forgetKeysNow,
  checkEveryMs = 5_000,
}: AutoLockOptions): AutoLock {
  power.on('suspend', () => forgetKeysNow('suspend'));
  power.on('lock-screen', () => lock('screen')); // macOS and Windows; Linux comes through sessionSignal
  const startedAt = Date.now();
  let lastWindowInput = startedAt;
  let systemIdleMovedAt = startedAt;
  let lockedFor: 'screen' | 'idle' | null = null;
  const secondsSince = (then: number) => Math.floor((Date.now() - then) / 1000);

  const timer = setInterval(() => {
    const thresholdSeconds = autoLockMinutes() * 60;
    const systemIdleSeconds = power.getSystemIdleTime();
    if (systemIdleSeconds > 0) systemIdleMovedAt = Date.now();
    const due = lockDue(
      {
        state: power.getSystemIdleState(thresholdSeconds),
        systemIdleSeconds,
        windowIdleSeconds: secondsSince(lastWindowInput),
        secondsSinceSystemIdleMoved: secondsSince(systemIdleMovedAt),
      },
      thresholdSeconds,
    );
    if (due && due !== lockedFor) lock(due);
    lockedFor = due;
  }, checkEveryMs);

  return {
    noteWindowInput: () => void (lastWindowInput = Date.now()),
    sessionSignal: (signal) => (signal === 'suspend' ? forgetKeysNow('suspend') : lock('screen')),
    systemIdleStuck: () => secondsSince(systemIdleMovedAt) >= STUCK_AFTER_SECONDS,
    stop: () => clearInterval(timer),
  };
}
