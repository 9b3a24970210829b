import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleLockDue, startAutoLock } from './autoLock.js';

/** A machine whose idle time follows the fake clock since the last input. */
function fakeMachine() {
  const listeners = new Map<string, () => void>();
  let lastInput = Date.now();
  return {
    power: {
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      getSystemIdleTime: () => Math.floor((Date.now() - lastInput) / 1000),
    },
    input: () => (lastInput = Date.now()),
    fire: (event: string) => listeners.get(event)?.(),
  };
}

describe('idle rule', () => {
  it('is due from the configured minute on', () => {
    expect(idleLockDue(299, 5)).toBe(false);
    expect(idleLockDue(300, 5)).toBe(true);
    expect(idleLockDue(60, 1)).toBe(true);
  });
});

describe('auto-lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once after the idle time, and again only after new input and a new idle stretch', () => {
    const machine = fakeMachine();
    const lock = vi.fn();
    startAutoLock({ power: machine.power, autoLockMinutes: () => 5, lock, checkEveryMs: 1000 });
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

  it('does not lock while the person keeps working', () => {
    const machine = fakeMachine();
    const lock = vi.fn();
    startAutoLock({ power: machine.power, autoLockMinutes: () => 1, lock, checkEveryMs: 1000 });
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(50_000);
      machine.input();
    }
    expect(lock).not.toHaveBeenCalled();
  });

  it('follows a changed setting at the next check', () => {
    const machine = fakeMachine();
    const lock = vi.fn();
    let minutes = 30;
    startAutoLock({ power: machine.power, autoLockMinutes: () => minutes, lock, checkEveryMs: 1000 });
    vi.advanceTimersByTime(2 * 60_000);
    expect(lock).not.toHaveBeenCalled();
    minutes = 1;
    vi.advanceTimersByTime(1000);
    expect(lock).toHaveBeenCalledWith('idle');
  });

  it('locks at once on suspend and on screen lock', () => {
    const machine = fakeMachine();
    const lock = vi.fn();
    startAutoLock({ power: machine.power, autoLockMinutes: () => 5, lock });
    machine.fire('suspend');
    machine.fire('lock-screen');
    expect(lock.mock.calls).toEqual([['suspend'], ['screen']]);
  });

  it('stops checking when stopped', () => {
    const machine = fakeMachine();
    const lock = vi.fn();
    const stop = startAutoLock({ power: machine.power, autoLockMinutes: () => 1, lock, checkEveryMs: 1000 });
    stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(lock).not.toHaveBeenCalled();
  });
});
