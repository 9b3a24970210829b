import fs from 'node:fs';
import path from 'node:path';
import { randomId } from '../crypto/random.js';
import { failureError, usageError, type CrossingError } from '../errors.js';

/**
 * Writes a file so that it is either complete or absent: a temp file beside the target, flushed to
 * disk, then renamed into place. A crash or a full disk leaves the old file (or none), never half of
 * the new one. Rename, not link, because hand-carried files live on FAT/exFAT sticks.
 *
 * By default an existing file is never overwritten (an earlier export may still be waiting to be
 * carried); `replace` is for files Crossing owns (settings) or that a person chose to replace in a
 * save dialog.
 */
export function writeFileAtomically(
  target: string,
  data: string | Uint8Array,
  options: { replace?: boolean } = {},
): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  writeStreamAtomically(target, (write) => write(bytes), options);
}

/**
 * The same, for content made while it is written (a sealed export of any size): `fill` is given a
 * function that appends bytes to the temp file. Whatever `fill` throws, the temp file is removed and
 * the target is left as it was. Returns the bytes written.
 */
export function writeStreamAtomically(
  target: string,
  fill: (write: (bytes: Uint8Array) => void) => void,
  options: { replace?: boolean } = {},
): number {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  if (!fs.existsSync(dir)) throw usageError(`the folder ${path.dirname(target)} does not exist`, 'folderMissing');
  if (!options.replace && fs.existsSync(resolved)) {
    throw usageError(`${target} already exists: Crossing never overwrites a file`, 'fileExists', {
      name: path.basename(target),
    });
  }
  const temp = path.join(dir, `.${path.basename(resolved)}.${randomId()}.tmp`);
  let fd: number | undefined;
  let total = 0;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    const out = fd;
    fill((bytes) => {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(out, bytes, written, bytes.length - written);
      total += written;
    });
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, resolved);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw isDiskFull(error) ? diskFullWriting(target) : error;
  }
  syncDirectory(dir);
  return total;
}

export function isDiskFull(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC';
}

/** A write stopped by a full disk, once its temp file is gone: the person is told what to do. */
export function diskFullWriting(target: string): CrossingError {
  return failureError(
    `the disk is full: ${target} was not written, and nothing of it was left behind; free some space there or choose another place`,
    'diskFull',
  );
}

/** Makes a rename in `dir` durable: the folder entry is flushed, not only the file. */
export function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename itself is still atomic.
  }
}
