import fs from 'node:fs';
import path from 'node:path';
import { randomId } from '../crypto/random.js';
import { usageError } from '../errors.js';

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
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  if (!fs.existsSync(dir)) throw usageError(`the folder ${path.dirname(target)} does not exist`, 'folderMissing');
  if (!options.replace && fs.existsSync(resolved)) {
    throw usageError(`${target} already exists: Crossing never overwrites a file`, 'fileExists', {
      name: path.basename(target),
    });
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = path.join(dir, `.${path.basename(resolved)}.${randomId()}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, resolved);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
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
