import Database from 'better-sqlite3';
import path from 'node:path';
import type { UnlockAttempt } from '../vault/headerStore.js';
import type { WriterLock } from '../vault/writerLock.js';
import { eraseVault } from './erase.js';
import { CrossingError, authError } from '../errors.js';
import {
  attemptsLeft,
  attemptsLeftToShow,
  countFailedUnlock,
  readUnlockGuard,
  resetFailedUnlocks,
  type UnlockGuard,
} from './unlockGuard.js';

/**
 * What follows an unlock, on the file itself. A connection of its own: a reader (`crossing list`)
 * holds its database read-only, and a guesser must be counted there too, exactly as in the app.
 */
function withGuardDb<T>(target: string, work: (db: Database.Database) => T): T {
  const db = new Database(target, { fileMustExist: true, timeout: 2000 });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** For the unlock screen, before any key: the attempts left once three or fewer remain. */
export function attemptsLeftAt(target: string): number | null {
  try {
    return withGuardDb(target, (db) => {
      db.pragma('query_only = ON');
      return attemptsLeftToShow(readUnlockGuard(db));
    });
  } catch {
    return null; // no vault yet, or not one: nothing to count
  }
}

/** A good unlock: the count of failed ones starts again. */
export function afterGoodUnlock(target: string): void {
  try {
    withGuardDb(target, resetFailedUnlocks);
  } catch {
    // A vault on a read-only medium still opens; its counter simply stays.
  }
}

/** Reasons that are a real guess (a typo caught by a check group is not one). */
const COUNTED = new Set<string | undefined>(['wrongPassphrase', 'wrongRecoveryKey', 'wrongRecoveryShares']);

/**
 * A refused unlock: counted; the duress passphrase, or the attempt that reaches the wipe threshold,
 * erases the vault. Returns the refusal to give, which for the duress passphrase is the very one a
 * wrong passphrase gets (the same words, the same count of attempts left). Erasing goes ahead even
 * if another window holds the vault: the person at the keyboard is being forced.
 */
export function afterRefusedUnlock(
  target: string,
  displayPath: string,
  attempt: Exclude<UnlockAttempt, { key: Uint8Array }>,
  guard: UnlockGuard | null,
  lock: WriterLock | undefined,
): CrossingError {
  const duress = 'duress' in attempt;
  const refusal = duress ? authError('wrong passphrase', 'wrongPassphrase') : attempt.refused;
  // With the wipe off nothing is counted: a refused unlock leaves the file exactly as it was.
  if (!duress && (!COUNTED.has(refusal.reason) || !guard || guard.wipeAfter === 0)) return refusal;
  let left: number | null;
  if (duress) {
    left = attemptsLeft(guard);
    if (left !== null) left = Math.max(0, left - 1);
  } else {
    try {
      left = attemptsLeft(withGuardDb(target, countFailedUnlock));
    } catch {
      left = null; // not countable (a read-only medium): the refusal stands all the same
    }
  }
  if (duress || left === 0) {
    try {
      // The files are overwritten and removed just after the answer, so its timing does not grow
      // with the vault; from this line on the vault cannot be opened by anyone.
      eraseVault(target, path.basename(displayPath), { lock, evenIfInUse: true, shredLater: true });
    } catch {
      // Whatever part of the erase failed, the answer is the one a wrong passphrase gets.
    }
  }
  if (left === null) return refusal;
  return new CrossingError(refusal.code, refusal.message, refusal.reason, { ...refusal.params, attemptsLeft: left });
}
