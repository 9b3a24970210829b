import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CrossingError, failureError } from '../errors.js';
import { COMPANION_SUFFIXES, staleCreations } from '../vault/vaultFiles.js';
import { acquireWriterLock, type WriterLock } from '../vault/writerLock.js';

/**
 * Quick erase (DESIGN.md, "Panic and erase"). Crypto-erase first: the few hundred bytes that wrap the
 * vault key (passphrase and recovery wraps, their salts, the duress slot) and the sealed identity and
 * named records are overwritten with random bytes inside SQLite with secure_delete on, and the WAL is
 * checkpointed and truncated, so the old pages are gone from it too. From that moment the rest of the
 * file is noise to anyone, passphrase or not. Then every file of the vault is overwritten and removed.
 *
 * What it cannot promise, said in the UI and README: an SSD may keep old copies of blocks the OS
 * overwrote (wear levelling), and copies made before (a disk image, a backup, an export) are not
 * touched.
 */
export type EraseStep = 'crypto' | 'shred';

export interface EraseOptions {
  /** The writer lock, when the caller already holds it (a duress unlock inside Vault.open). */
  lock?: WriterLock;
  /**
   * Erase even when another process holds the vault open (duress only: the person at the keyboard
   * is being forced). The crypto-erase still happens; the holder keeps its keys until it locks.
   */
  evenIfInUse?: boolean;
  /** Tests: called before each step; a throw stands for a disk that refuses writes there. */
  beforeStep?: (step: EraseStep) => void;
  /**
   * Overwrite and remove the files only after the caller has answered (duress): the answer then
   * costs what a wrong passphrase's does plus the crypto-erase alone, whatever the vault's size.
   */
  shredLater?: boolean;
}

export interface EraseReport {
  /** True once the key wraps are gone: the vault can no longer be opened by anyone. */
  keysDestroyed: boolean;
  /** The files overwritten and removed. */
  removed: string[];
}

export function eraseVault(target: string, displayPath: string, options: EraseOptions = {}): EraseReport {
  if (!fs.existsSync(target)) throw failureError(`there is no vault at ${displayPath} to erase`, 'noVaultHere');
  let lock = options.lock;
  if (!lock) {
    try {
      lock = acquireWriterLock(target, displayPath);
    } catch (error) {
      if (!options.evenIfInUse) throw error;
    }
  }
  try {
    const keysDestroyed = destroyKeys(target, options);
    if (options.shredLater) {
      setImmediate(() => {
        try {
          shredVaultFiles(target, displayPath, options, keysDestroyed);
        } catch {
          // The keys are gone already: what could not be removed is noise to anyone.
        }
      });
      return { keysDestroyed, removed: [] };
    }
    const removed = shredVaultFiles(target, displayPath, options, keysDestroyed);
    return { keysDestroyed, removed };
  } finally {
    if (!options.lock) lock?.release();
  }
}

/**
 * Step one. If SQLite cannot do it (a refused write, a damaged file), the file's first bytes are
 * overwritten raw instead: the vault is then at least unopenable, never half open.
 */
function destroyKeys(target: string, options: EraseOptions): boolean {
  try {
    options.beforeStep?.('crypto');
    const db = new Database(target, { fileMustExist: true, timeout: 2000 });
    try {
      db.pragma('secure_delete = ON');
      db.transaction(() => {
        db.exec(`UPDATE vault_header SET
          salt = randomblob(length(salt)),
          passphrase_wrap = randomblob(length(passphrase_wrap)),
          recovery_salt = randomblob(length(recovery_salt)),
          recovery_wrap = randomblob(length(recovery_wrap))`);
        db.exec('UPDATE records SET sealed = randomblob(length(sealed))');
        if (hasTable(db, 'unlock_guard')) db.exec('UPDATE unlock_guard SET duress_slot = randomblob(32)');
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return true;
  } catch {
    return overwriteStart(target);
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The first 64 KiB hold SQLite's header and schema: without them no tool opens the file. */
function overwriteStart(target: string): boolean {
  try {
    const size = fs.statSync(target).size;
    const fd = fs.openSync(target, 'r+');
    try {
      const noise = Buffer.alloc(Math.min(size, 64 * 1024));
      randomFillSync(noise);
      fs.writeSync(fd, noise, 0, noise.length, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch {
    return false;
  }
}

/** Step two: every file of the vault overwritten with random bytes, synced, then removed. */
function shredVaultFiles(target: string, displayPath: string, options: EraseOptions, keysDestroyed: boolean): string[] {
  const files = [target, ...COMPANION_SUFFIXES.map((s) => target + s), ...staleCreations(target)].filter((f) =>
    fs.existsSync(f),
  );
  const removed: string[] = [];
  try {
    options.beforeStep?.('shred');
    for (const file of files) {
      shredFile(file);
      removed.push(file);
    }
  } catch (error) {
    const left = files.filter((f) => !removed.includes(f)).map((f) => path.basename(f));
    throw failureError(
      `${keysDestroyed ? 'the vault can no longer be opened (its keys are destroyed), but' : 'the vault could not be erased:'} ` +
        `${left.join(', ')} could not be overwritten and removed (${describe(error)}); delete ${left.length === 1 ? 'it' : 'them'} by hand`,
      'eraseIncomplete',
      { name: path.basename(displayPath) },
    );
  }
  return removed;
}

const SHRED_CHUNK = 1024 * 1024;

export function shredFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const noise = Buffer.alloc(Math.min(SHRED_CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += noise.length) {
      randomFillSync(noise);
      fs.writeSync(fd, noise, 0, Math.min(noise.length, size - at), at);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file, { force: true });
}

function describe(error: unknown): string {
  if (error instanceof CrossingError) return error.message;
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
