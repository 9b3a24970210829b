import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { syncDirectory } from '../files/atomicWrite.js';

/**
 * The files a vault is made of, beside it: SQLite's companions, and the temp file a creation is
 * built in. Everything here is readable by its owner only (0600): SQLite gives -wal and -shm the
 * mode of the database file, so creating that one 0600 is what keeps the others private too.
 */
export const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;
const CREATING = '.creating';

/** An empty file that only its owner can read or write; fails if the name is taken. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
}

/** Vaults made by earlier versions (0644): narrowed to their owner when opened for writing. */
export function restrictToOwner(target: string): void {
  for (const file of [target, ...COMPANION_SUFFIXES.map((s) => target + s)]) {
    try {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    } catch {
      // Absent (no WAL yet), or a file system without modes: nothing to narrow.
    }
  }
}

export function creatingPathFor(target: string, id: string): string {
  return `${target}.${id}${CREATING}`;
}

/**
 * Files a killed creation left beside the target (`V.<id>.creating` and its -wal/-shm). Only call
 * this holding the target's writer lock: every creation in progress holds it too, so whatever is
 * found then is stale.
 */
export function staleCreations(target: string): string[] {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      if (!name.startsWith(prefix)) return false;
      const rest = name.slice(prefix.length);
      const bare = COMPANION_SUFFIXES.reduce((r, s) => (r.endsWith(s) ? r.slice(0, -s.length) : r), rest);
      return bare.endsWith(CREATING) && /^[A-Za-z0-9_-]+$/.test(bare.slice(0, -CREATING.length));
    })
    .map((name) => path.join(dir, name));
}

/** Removes stale creation files; returns how many there were. */
export function removeStaleCreations(target: string): number {
  const stale = staleCreations(target);
  for (const file of stale) fs.rmSync(file, { force: true });
  return stale.length;
}

/**
 * Moves a complete new vault into place without ever overwriting a file and without a hard link:
 * the name is first reserved with an exclusive create (fails if any file appeared meanwhile), then
 * the complete vault is renamed over that empty reservation, in one atomic step. A crash leaves
 * either the temp file (removed at the next open or create) or the finished vault; at worst, killed
 * in the microseconds between the two steps, an empty reservation that the next create recognises.
 */
export function placeNewVault(temp: string, target: string, displayPath: string): void {
  try {
    createPrivateFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw usageError(`${displayPath} already exists: Crossing never overwrites a file`, 'fileExists', {
        name: path.basename(displayPath),
      });
    }
    throw error;
  }
  fs.renameSync(temp, target);
  syncDirectory(path.dirname(target));
}

/**
 * Whether `target` is the empty reservation of a creation killed before it put the vault in place
 * (an empty file with the creation's temp files beside it): a path to create at again, not a file
 * to refuse or to open. Without the writer lock this is only what it looks like (a creation in its
 * last microseconds looks the same): the create that follows decides, holding the lock.
 */
export function isInterruptedCreation(target: string): boolean {
  try {
    return fs.statSync(target).size === 0 && staleCreations(target).length > 0;
  } catch {
    return false;
  }
}

/**
 * Before creating at `target`, holding its writer lock: clears what a killed creation left, and
 * an empty reservation (see placeNewVault) if one was left with it. Returns how many files went.
 */
export function clearInterruptedCreation(target: string): number {
  const removed = removeStaleCreations(target);
  if (removed > 0) {
    try {
      if (fs.statSync(target).size === 0) {
        fs.rmSync(target);
        return removed + 1;
      }
    } catch {
      // No reservation left: nothing more to clear.
    }
  }
  return removed;
}
