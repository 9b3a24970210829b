import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockDue, startAutoLock, type IdleObservation, type IdleState } from './autoLock.js';

/**
 * A machine whose idle time follows the fake clock since the last input anywhere, judged the way
 * Chromium judges it; or, like some Wayland sessions, one whose idle time reads 0 forever.
 */
function fakeMachine({ idleTimeReadsZero = false } = {}) {
  const listeners = new Map<string, () => void>();
  let lastInput = Date.now();
  let screenLocked = false;
  const idleTime = () => (idleTimeReadsZero ? 0 : Math.floor((Date.now() - lastInput) / 1000));
  return {
    power: {
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      getSystemIdleTime: idleTime,
      getSystemIdleState: (threshold: number): IdleState =>
        screenLocked ? 'locked' : idleTime() >= threshold ? 'idle' : 'active',
    },
    /** Keys or mouse somewhere on the machine, in Crossing's window or not. */
    input: () => (lastInput = Date.now()),
    lockScreen: (locked: boolean) => (screenLocked = locked),
    fire: (event: string) => listeners.get(event)?.(),
  };
}

function started(machine: ReturnType<typeof fakeMachine>, minutes: number | (() => number) = 5) {
  const lock = vi.fn();
  const forgetKeysNow = vi.fn();
  const autoLock = startAutoLock({
    power: machine.power,
    autoLockMinutes: typeof minutes === 'number' ? () => minutes : minutes,
    lock,
    forgetKeysNow,
    checkEveryMs: 1000,
  });
  return { lock, forgetKeysNow, autoLock };
}

describe('which lock a check calls for', () => {
  const seen = (over: Partial<IdleObservation>): IdleObservation => ({
    state: 'active',
    systemIdleSeconds: 0,
    windowIdleSeconds: 0,
    secondsSinceSystemIdleMoved: 0,
    ...over,
  });

  it("follows the system's verdict: locked screen, or idle from the configured time on", () => {
    expect(lockDue(seen({ state: 'locked' }), 300)).toBe('screen');
    expect(lockDue(seen({ state: 'idle', systemIdleSeconds: 300 }), 300)).toBe('idle');
    expect(lockDue(seen({ systemIdleSeconds: 299, secondsSinceSystemIdleMoved: 0 }), 300)).toBeNull();
  });

  it("does not count Crossing's own window while the system idle time works (the person is in another app)", () => {
    expect(lockDue(seen({ systemIdleSeconds: 2, windowIdleSeconds: 3600, secondsSinceSystemIdleMoved: 0 }), 300)).toBe(
      null,
    );
    expect(lockDue(seen({ systemIdleSeconds: 0, windowIdleSeconds: 3600, secondsSinceSystemIdleMoved: 20 }), 300)).toBe(
      null,
    );
  });

  it("falls back to the window's idle time when the system's has read 0 all along, or is unknown", () => {
    const blind = { systemIdleSeconds: 0, secondsSinceSystemIdleMoved: 900 };
    expect(lockDue(seen({ ...blind, windowIdleSeconds: 299 }), 300)).toBeNull();
    expect(lockDue(seen({ ...blind, windowIdleSeconds: 300 }), 300)).toBe('idle');
    expect(lockDue(seen({ state: 'unknown', systemIdleSeconds: 4, windowIdleSeconds: 300 }), 300)).toBe('idle');
  });
});

describe('auto-lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once after the idle time, and again only after new input and a new idle stretch', () => {
    const machine = fakeMachine();
    const { lock } = started(machine);
    vi.advanceTimersByTime(4 * 60_000 + 59_000);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle');
    vi.advanceTimersByTime(30 * 60_000);
    expect(lock).toHaveBeenCalledTimes(1);
    machine.input();
    vi.advanceTimersByTime(2000);
    vi.advanceTimersByTime(5 * 60_000);
    expect(lock).toHaveBeenCalledTimes(2);
  });

  it('does not lock while the person keeps working, even in another window', () => {
    const machine = fakeMachine();
    const { lock } = started(machine, 1);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(50_000);
      machine.input();
    }
    expect(lock).not.toHaveBeenCalled();
  });

  it('follows a changed setting at the next check', () => {
    const machine = fakeMachine();
    let minutes = 30;
    const { lock } = started(machine, () => minutes);
    vi.advanceTimersByTime(2 * 60_000);
    expect(lock).not.toHaveBeenCalled();
    minutes = 1;
    vi.advanceTimersByTime(1000);
    expect(lock).toHaveBeenCalledWith('idle');
  });

  it('locks once when the system reports the screen locked', () => {
    const machine = fakeMachine();
    const { lock } = started(machine);
    vi.advanceTimersByTime(3000);
    machine.lockScreen(true);
    vi.advanceTimersByTime(10_000);
    expect(lock).toHaveBeenCalledExactlyOnceWith('screen');
  });

  it("locks on Crossing's own window when the system idle time reads 0, and says so", () => {
    const machine = fakeMachine({ idleTimeReadsZero: true });
    const { lock, autoLock } = started(machine);
    expect(autoLock.systemIdleStuck()).toBe(false);
    vi.advanceTimersByTime(4 * 60_000);
    autoLock.noteWindowInput(); // typing in Crossing postpones the lock
    expect(autoLock.systemIdleStuck()).toBe(true);
    vi.advanceTimersByTime(4 * 60_000 + 59_000);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('trusts a system idle time that moves again', () => {
    const machine = fakeMachine();
    const { autoLock } = started(machine);
    for (let i = 0; i < 70; i++) {
      vi.advanceTimersByTime(500);
      machine.input(); // busy elsewhere: the system idle time reads 0 at every check for over a minute
      vi.advanceTimersByTime(500);
    }
    expect(autoLock.systemIdleStuck()).toBe(true);
    vi.advanceTimersByTime(3000);
    expect(autoLock.systemIdleStuck()).toBe(false);
  });

  it('forgets the keys at once on suspend, and locks on screen lock', () => {
    const machine = fakeMachine();
    const { lock, forgetKeysNow } = started(machine);
    machine.fire('suspend');
    expect(forgetKeysNow).toHaveBeenCalledExactlyOnceWith('suspend');
    machine.fire('lock-screen');
    expect(lock).toHaveBeenCalledExactlyOnceWith('screen');
  });

  it("does the same for the desktop session's D-Bus signals", () => {
    const { lock, forgetKeysNow, autoLock } = started(fakeMachine());
    autoLock.sessionSignal('suspend');
    autoLock.sessionSignal('screen');
    expect(forgetKeysNow).toHaveBeenCalledExactlyOnceWith('suspend');
    expect(lock).toHaveBeenCalledExactlyOnceWith('screen');
  });

  it('stops checking when stopped', () => {
    const machine = fakeMachine();
    const { lock, autoLock } = started(machine, 1);
    autoLock.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(lock).not.toHaveBeenCalled();
  });
});
