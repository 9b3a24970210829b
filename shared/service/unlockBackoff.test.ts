import { describe, expect, it } from 'vitest';
import { authError, usageError } from '../errors.js';
import { UnlockBackoff, unlockDelayMs } from './unlockBackoff.js';

describe('unlock back-off', () => {
  it('doubles the delay after each consecutive wrong passphrase, up to a minute', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 50].map(unlockDelayMs)).toEqual([0, 1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it('waits only after wrong passphrases, and starts again after a right one', async () => {
    const slept: number[] = [];
    const backoff = new UnlockBackoff(async (ms) => {
      slept.push(ms);
    });
    const wrong = () => Promise.reject(authError('wrong passphrase', 'wrongPassphrase'));
    for (let i = 0; i < 3; i++) await expect(backoff.attempt(wrong)).rejects.toThrow('wrong passphrase');
    await expect(backoff.attempt(() => Promise.reject(usageError('no vault', 'noVaultHere')))).rejects.toThrow(
      'no vault',
    );
    expect(slept).toEqual([1000, 2000, 4000]);
    await expect(backoff.attempt(() => Promise.resolve('open'))).resolves.toBe('open');
    await expect(backoff.attempt(wrong)).rejects.toThrow();
    expect(slept).toEqual([1000, 2000, 4000, 1000]);
  });
});
