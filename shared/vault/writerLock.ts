import fs from 'node:fs';
import Database from 'better-sqlite3';
import { CrossingError, failureError } from '../errors.js';

/**
 * One writer at a time (DESIGN.md, "Integrity of the whole vault").
 *
 * Why a lock and not "every write re-reads what it depends on": the vault keeps every case folded in
 * memory and reads segments back lazily; compaction and purge rewrite segments under new ids. A
 * second writer would have to re-read and re-fold inside every transaction, and a purge could still
 * not stop a note written a moment later from outliving it. With one writer per vault the memory of
 * the open vault is the truth, and nothing else can change the file under it.
 *
 * Why this lock: a side file `VAULT-lock`, a tiny SQLite database, on which the holder keeps a write
 * transaction (BEGIN IMMEDIATE: SQLite's RESERVED lock) open for as long as the vault is open.
 * - The OS releases the lock when the holder dies, even by kill -9 or a power cut: there is never a
 *   stale lock to break by hand, and no pid-reuse guesswork.
 * - A RESERVED lock still lets others read the lock file, so a refused writer can say who holds it
 *   (its pid, written in a committed row just before the lock is taken for good).
 * - Readers of the vault itself (`list`, `show`, `stats`, `check`) do not take it: in WAL mode they
 *   read a consistent snapshot while the writer works.
 * SQLite's own `locking_mode=EXCLUSIVE` on the vault was the other choice; it would block those
 * readers entirely (in WAL mode an exclusive connection keeps the wal-index in its private memory)
 * and a refused process could not learn who holds the vault.
 *
 * The lock file exists only while the vault is open (it holds a pid and a time). Removing a lock file
 * is the classic way to let two holders in (one locks the removed file, one a new one), so the
 * holder removes it before it lets go, and every taker checks after locking that the file it locked
 * is still the one at the path, and tries again if not.
 */
export interface WriterLock {
  release(): void;
}

export const lockPathOf = (vaultPath: string) => `${vaultPath}-lock`;

interface Holder {
  pid: number;
  since: string;
}

export function acquireWriterLock(vaultPath: string, displayPath: string): WriterLock {
  // A releaser removes the file while still holding it; whoever locked that removed file meanwhile
  // sees that it is no longer the one at the path, and tries again on the new one.
  for (let attempt = 0; attempt < 10; attempt++) {
    const lock = tryAcquire(vaultPath, displayPath);
    if (lock) return lock;
  }
  throw failureError(
    `the lock file of ${displayPath} keeps changing: another program is interfering with it`,
    'vaultInUse',
  );
}

function tryAcquire(vaultPath: string, displayPath: string): WriterLock | null {
  const lockPath = lockPathOf(vaultPath);
  let fd: number;
  try {
    // Created 0600 before SQLite sees it (SQLite would create it 0644 less the umask).
    fd = fs.openSync(lockPath, 'a', 0o600);
  } catch (error) {
    throw failureError(
      `cannot create the lock file beside ${displayPath}: ${(error as NodeJS.ErrnoException).code ?? 'error'}; the folder must be writable`,
      'folderNotWritable',
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(lockPath, { timeout: 0 });
    db.pragma('synchronous = OFF');
    // No journal file: two lock files can share a path for a moment (the holder's, removed, and the
    // next taker's), and their journals would share one name. A write torn by a kill leaves at
    // worst an unreadable lock file, which the next taker empties (below).
    db.pragma('journal_mode = MEMORY');
    if (!begin(db)) throw inUse(displayPath, readHolder(db));
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, since TEXT)');
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(
      process.pid,
      new Date().toISOString(),
    );
    // COMMIT needs every reader gone; a refused taker reading who holds the lock is gone within
    // microseconds, so wait for it rather than refuse (the BEGINs still never wait).
    db.pragma('busy_timeout = 2000');
    db.exec('COMMIT');
    db.pragma('busy_timeout = 0');
    // Taken again at once, and kept. Whoever slipped in between holds it now and is named.
    if (!begin(db)) throw inUse(displayPath, readHolder(db));
    if (!samePath(fd, lockPath)) {
      db.exec('ROLLBACK');
      db.close();
      fs.closeSync(fd);
      return null;
    }
  } catch (error) {
    // The holder removed the file while we opened it (SQLite then refuses writes with
    // SQLITE_READONLY_DBMOVED): not a fault, the lock moved to a new file; try again there.
    const moved = !(error instanceof CrossingError) && !samePath(fd, lockPath);
    // Unreadable (a kill tore its first write): it holds nothing but a pid, and the lock itself is
    // SQLite's byte-range lock on the file, which no content can change. Emptied, it is a new
    // database to SQLite; then try again (a holder, if any, still refuses us).
    const torn = !moved && isUnreadable(error);
    if (torn) fs.ftruncateSync(fd, 0);
    if (db?.inTransaction) db.exec('ROLLBACK');
    db?.close();
    fs.closeSync(fd);
    if (moved || torn) return null;
    if (error instanceof CrossingError) throw error;
    throw isBusy(error)
      ? inUse(displayPath, null)
      : failureError(`cannot use the lock file ${lockPath}: ${(error as Error).message}`, 'folderNotWritable');
  }
  const held = db;
  let holding = true;
  return {
    release() {
      if (!holding) return;
      holding = false;
      try {
        // Removed while still held: the folder keeps nothing but the vault (see tryAcquire).
        fs.rmSync(lockPath, { force: true });
        held.exec('ROLLBACK');
      } finally {
        held.close();
        // Closed only now: closing any descriptor of a file drops every POSIX lock this process
        // holds on it, SQLite's included.
        fs.closeSync(fd);
      }
    },
  };
}

/** Whether the file open as `fd` is still the one at `file` (not removed or replaced). */
function samePath(fd: number, file: string): boolean {
  const open = fs.fstatSync(fd);
  const current = fs.statSync(file, { throwIfNoEntry: false });
  return current !== undefined && current.ino === open.ino && current.dev === open.dev;
}

function begin(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  }
}

function isUnreadable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function readHolder(db: Database.Database): Holder | null {
  try {
    return (db.prepare('SELECT pid, since FROM holder WHERE id = 1').get() as Holder | undefined) ?? null;
  } catch {
    return null; // the table may not exist yet: the holder is still writing it
  }
}

function inUse(displayPath: string, holder: Holder | null) {
  const who = holder?.pid ? ` (pid ${holder.pid}${holder.since ? `, since ${holder.since}` : ''})` : '';
  return failureError(
    `the vault ${displayPath} is open in another Crossing window or command${who}: lock it or let that command finish, then try again`,
    'vaultInUse',
  );
}
