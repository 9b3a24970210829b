import fs from 'node:fs';
import path from 'node:path';
import { randomId } from '../crypto/random.js';
import { toCrossingError, usageError } from '../errors.js';
import { diskFullWriting, isDiskFull } from '../files/atomicWrite.js';

/**
 * Writes a decrypted copy of a file where a person asked for it, never over an existing file, and
 * never half: chunks go to a temp file beside the target (0600), which takes the target's name only
 * once every chunk has authenticated and been flushed. A refusal midway (a damaged chunk, a full
 * disk) removes the temp file. Returns the bytes written.
 */
export function saveCopy(chunks: Iterable<Uint8Array>, target: string): number {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  if (!fs.existsSync(dir))
    throw usageError(`the folder ${path.dirname(target)} does not exist`, 'folderMissing', {
      name: path.dirname(target),
    });
  if (fs.existsSync(resolved))
    throw usageError(`${target} already exists: Crossing never overwrites a file`, 'fileExists', {
      name: path.basename(target),
    });
  const temp = path.join(dir, `.${path.basename(resolved)}.${randomId()}.tmp`);
  let fd: number | undefined;
  let written = 0;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    for (const chunk of chunks) {
      let at = 0;
      while (at < chunk.length) at += fs.writeSync(fd, chunk, at, chunk.length - at);
      written += chunk.length;
      chunk.fill(0);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    placeWithoutOverwriting(temp, resolved, target);
    return written;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw isDiskFull(error) ? diskFullWriting(target) : toCrossingError(error);
  }
}

/** link() fails if the target appeared meanwhile; where links are not supported (FAT), rename. */
function placeWithoutOverwriting(temp: string, resolved: string, target: string): void {
  try {
    fs.linkSync(temp, resolved);
    fs.rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw usageError(`${target} already exists: Crossing never overwrites a file`, 'fileExists', {
        name: path.basename(target),
      });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (fs.existsSync(resolved))
      throw usageError(`${target} already exists: Crossing never overwrites a file`, 'fileExists', {
        name: path.basename(target),
      });
    fs.renameSync(temp, resolved);
  }
}
