import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';

/**
 * Bytes read by position, from a file or from memory, so that one reader serves an import from
 * disk (chunk by chunk, never whole) and the in-memory paths (tests, the age test vectors). A file
 * source takes its size once, when it is opened: what is appended later is never read, and a file
 * cut while it is read gives short reads, which the reader refuses.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position` (fewer only at the end). */
  read(position: number, length: number): Uint8Array;
  close(): void;
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    close: () => undefined,
  };
}

export function fileSource(filePath: string): ByteSource {
  const fd = fs.openSync(filePath, 'r');
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    size,
    read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const buffer = Buffer.alloc(want);
      let got = 0;
      while (got < want) {
        const n = fs.readSync(fd, buffer, got, want - got, position + got);
        if (n === 0) break;
        got += n;
      }
      return buffer.subarray(0, got);
    },
    close() {
      if (open) fs.closeSync(fd);
      open = false;
    },
  };
}

/** A file chosen to be read (an import, a backup), or a refusal that names it. */
export function openFileSource(filePath: string): ByteSource {
  try {
    return fileSource(filePath);
  } catch {
    throw usageError(`${filePath} cannot be read`, 'cannotRead', { name: path.basename(filePath) });
  }
}
