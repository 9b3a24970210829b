import type Database from 'better-sqlite3';
import { sodium } from '../crypto/sodium.js';

/**
 * The part of a vault read before any key exists (DESIGN.md, "Panic and erase"): the duress slot
 * and the failed-unlock counter.
 *
 * The duress slot holds a keyed hash of the key-encryption key that the duress passphrase derives
 * with the vault's own salt and KDF settings. An unlock attempt derives one key (one Argon2id), tries
 * it on the passphrase wrap, and if that fails compares its hash with the slot: the duress check
 * costs a hash, not a second Argon2id, so its timing cannot be told from a wrong passphrase's. Unused,
 * the slot is random bytes of the same length: the file does not say whether a duress passphrase is
 * set.
 */
export const WIPE_AFTER_CHOICES = [0, 5, 10, 20] as const;
export type WipeAfter = (typeof WIPE_AFTER_CHOICES)[number];
export const DURESS_SLOT_BYTES = 32;
/** The unlock screen shows the attempts left only when this few remain. */
export const SHOW_ATTEMPTS_LEFT_FROM = 3;

export interface UnlockGuard {
  duressSlot: Uint8Array;
  wipeAfter: WipeAfter;
  failed: number;
}

/** The guard, or null for a vault from before it (it is added by the first write-open). */
export function readUnlockGuard(db: Database.Database): UnlockGuard | null {
  let row: { duress_slot: Buffer; wipe_after: number; failed: number } | undefined;
  try {
    row = db.prepare('SELECT duress_slot, wipe_after, failed FROM unlock_guard WHERE id = 1').get() as typeof row;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR') return null; // no such table yet
    throw error;
  }
  if (!row) return null;
  const wipeAfter = (WIPE_AFTER_CHOICES as readonly number[]).includes(row.wipe_after)
    ? (row.wipe_after as WipeAfter)
    : 0;
  return { duressSlot: new Uint8Array(row.duress_slot), wipeAfter, failed: Math.max(0, row.failed) };
}

export function duressTag(kek: Uint8Array, vaultId: Uint8Array): Uint8Array {
  const message = new Uint8Array([...new TextEncoder().encode('crossing duress slot v1\n'), ...vaultId]);
  return sodium().crypto_generichash(DURESS_SLOT_BYTES, message, kek);
}

/** Whether the key an attempt derived is the duress passphrase's. Constant time. */
export function isDuressKek(guard: UnlockGuard | null, kek: Uint8Array, vaultId: Uint8Array): boolean {
  if (!guard || guard.duressSlot.length !== DURESS_SLOT_BYTES) return false;
  return sodium().memcmp(duressTag(kek, vaultId), guard.duressSlot);
}

export function randomDuressSlot(): Uint8Array {
  return sodium().randombytes_buf(DURESS_SLOT_BYTES);
}

/** How many attempts remain before the wipe, or null when the wipe is off. */
export function attemptsLeft(guard: UnlockGuard | null): number | null {
  if (!guard || guard.wipeAfter === 0) return null;
  return Math.max(0, guard.wipeAfter - guard.failed);
}

/** What the unlock screen may show: the attempts left, only once few remain. */
export function attemptsLeftToShow(guard: UnlockGuard | null): number | null {
  const left = attemptsLeft(guard);
  return left !== null && left <= SHOW_ATTEMPTS_LEFT_FROM ? left : null;
}

export function writeDuressSlot(db: Database.Database, slot: Uint8Array): void {
  db.prepare('UPDATE unlock_guard SET duress_slot = ? WHERE id = 1').run(slot);
}

export function writeWipeAfter(db: Database.Database, wipeAfter: WipeAfter): void {
  db.prepare('UPDATE unlock_guard SET wipe_after = ?, failed = 0 WHERE id = 1').run(wipeAfter);
}

/** Counts one failed unlock and returns the guard as it now stands. */
export function countFailedUnlock(db: Database.Database): UnlockGuard | null {
  try {
    db.prepare('UPDATE unlock_guard SET failed = failed + 1 WHERE id = 1').run();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR') return null;
    throw error;
  }
  return readUnlockGuard(db);
}

export function resetFailedUnlocks(db: Database.Database): void {
  db.prepare('UPDATE unlock_guard SET failed = 0 WHERE id = 1 AND failed <> 0').run();
}
