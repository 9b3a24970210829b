import { type LockReason } from '../shared/service/index.js';

/** Idle long enough? `idleSeconds` is the system's (keyboard and mouse anywhere), not just this window's. */
export const idleLockDue = (idleSeconds: number, autoLockMinutes: number): boolean =>
  idleSeconds >= autoLockMinutes * 60;

export interface PowerSource {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

export interface AutoLockOptions {
  power: PowerSource;
  /** Read at every check, so a change in settings applies at once. */
  autoLockMinutes: () => number;
  lock: (reason: LockReason) => void;
  checkEveryMs?: number;
}

/**
 * Locks when the machine suspends, when the screen locks, and after the configured idle time: a laptop
 * left open or closed in a hurry must not stay unlocked. Locks once per idle stretch, not at every check.
 * Returns a function that stops the idle checks.
 */
export function startAutoLock({ power, autoLockMinutes, lock, checkEveryMs = 5_000 }: AutoLockOptions): () => void {
  power.on('suspend', () => lock('suspend'));
  power.on('lock-screen', () => lock('screen'));
  let lockedThisStretch = false;
  const timer = setInterval(() => {
    const due = idleLockDue(power.getSystemIdleTime(), autoLockMinutes());
    if (due && !lockedThisStretch) lock('idle');
    lockedThisStretch = due;
  }, checkEveryMs);
  return () => clearInterval(timer);
}
