import fs from 'node:fs';
import path from 'node:path';
import { failureError, usageError } from '../errors.js';
import { CHUNK_BYTES } from './chunks.js';

/**
 * Reading a file a person attaches, in chunks, with every refusal in words. Checks, in order:
 * it exists and can be opened → it is a regular file (not a folder, a pipe or a device; opened
 * without blocking, so a FIFO cannot hang the app) → it is not empty → it is within the size
 * limit. While reading: it yields exactly the size it had when opened, and its size and time
 * are the same at the end, or it changed while being read and nothing is kept.
 */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface SourceFile {
  /** As the person gave it, for messages. */
  path: string;
  size: number;
  fd: number;
  stat: fs.Stats;
}

export function openSource(filePath: string, maxBytes: number): SourceFile {
  let fd: number;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw describeOpenError(filePath, error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory())
      throw usageError(`${filePath} is a folder, not a file: give the files in it one by one`, 'notAFile', {
        name: path.basename(filePath),
      });
    if (!stat.isFile()) {
      throw usageError(
        `${filePath} is not a regular file (a pipe, a socket or a device): save it as a file first`,
        'notAFile',
        { name: path.basename(filePath) },
      );
    }
    if (stat.size === 0)
      throw usageError(`${filePath} is empty: there is nothing to keep`, 'fileEmpty', {
        name: path.basename(filePath),
      });
    if (stat.size > maxBytes) {
      throw usageError(
        `${filePath} is ${megabytes(stat.size)}, over the limit of ${megabytes(maxBytes)} a file: ` +
          'raise the limit in the settings, or split or compress the file',
        'fileTooLarge',
        { name: path.basename(filePath), limit: megabytes(maxBytes) },
      );
    }
    return { path: filePath, size: stat.size, fd, stat };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

export function closeSource(source: SourceFile): void {
  fs.closeSync(source.fd);
}

/** The file's chunks in order, each CHUNK_BYTES but the last; checks it did not change meanwhile. */
export function* readSourceChunks(source: SourceFile): Generator<Uint8Array> {
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    while (filled < CHUNK_BYTES) {
      const read = readAt(source, chunk, filled, position + filled);
      if (read === 0) break;
      filled += read;
    }
    position += filled;
    if (position > source.size) throw changedWhileRead(source);
    if (filled === 0) break;
    yield chunk.subarray(0, filled);
    if (filled < CHUNK_BYTES) break;
  }
  const after = fs.fstatSync(source.fd);
  if (position !== source.size || after.size !== source.size || after.mtimeMs !== source.stat.mtimeMs) {
    throw changedWhileRead(source);
  }
}

/** The whole file in memory (for stripping a photo, whose metadata can sit anywhere before the image). */
export function readSourceWhole(source: SourceFile): Buffer {
  const parts: Uint8Array[] = [];
  for (const chunk of readSourceChunks(source)) parts.push(chunk);
  return Buffer.concat(parts, source.size);
}

export function readSourceHead(source: SourceFile, length: number): Uint8Array {
  const head = Buffer.alloc(Math.min(length, source.size));
  let filled = 0;
  while (filled < head.length) {
    const read = readAt(source, head, filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return head.subarray(0, filled);
}

function readAt(source: SourceFile, buffer: Buffer, offset: number, position: number): number {
  try {
    return fs.readSync(source.fd, buffer, offset, buffer.length - offset, position);
  } catch (error) {
    throw failureError(`${source.path} could not be read: ${(error as Error).message}`, 'cannotRead', {
      name: path.basename(source.path),
    });
  }
}

function changedWhileRead(source: SourceFile) {
  return failureError(
    `${source.path} changed while it was being read: nothing was kept; add it again once nothing is writing to it`,
    'fileChanged',
    { name: path.basename(source.path) },
  );
}

function describeOpenError(filePath: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return usageError(`there is no file at ${filePath}`, 'noSuchFile', { name: path.basename(filePath) });
  if (code === 'EACCES' || code === 'EPERM') {
    return usageError(
      `${filePath} cannot be read: permission denied (ask whoever owns it, or copy it first)`,
      'cannotRead',
      { name: path.basename(filePath) },
    );
  }
  if (code === 'EISDIR')
    return usageError(`${filePath} is a folder, not a file: give the files in it one by one`, 'notAFile', {
      name: path.basename(filePath),
    });
  return failureError(`${filePath} cannot be opened: ${(error as Error).message}`, 'cannotRead', {
    name: path.basename(filePath),
  });
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
