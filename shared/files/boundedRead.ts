import fs from 'node:fs';

/**
 * Reads at most `maxBytes` from a file, counting while it reads. `stat().size` is not trusted: a
 * device (`/dev/zero`), a FIFO or a file growing under us reports a size that says nothing about
 * how much it will yield, and reading such a thing "whole" runs the machine out of memory.
 *
 * Returns the bytes, or `tooLarge` as soon as one byte more than the limit has been read (the rest
 * is never read). Errors opening or reading the file are thrown as they are, for the caller to word.
 */
export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

const CHUNK = 64 * 1024;

export function readFileBounded(file: string | number, maxBytes: number): BoundedRead {
  const fd = typeof file === 'number' ? file : fs.openSync(file, 'r');
  try {
    return readFdBounded(fd, maxBytes);
  } finally {
    if (typeof file !== 'number') fs.closeSync(fd);
  }
}

function readFdBounded(fd: number, maxBytes: number): BoundedRead {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // One byte over the limit is enough to know the input is too large.
    const want = Math.min(CHUNK, maxBytes + 1 - total);
    const chunk = Buffer.allocUnsafe(want);
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, want, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        waitBriefly();
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) {
      for (const c of chunks) c.fill(0);
      chunk.fill(0);
      return { ok: false, tooLarge: true };
    }
    chunks.push(read === want ? chunk : chunk.subarray(0, read));
  }
  const bytes = Buffer.concat(chunks, total);
  for (const c of chunks) c.fill(0);
  return { ok: true, bytes };
}

/** A non-blocking stdin with nothing yet to read: wait a moment rather than spin. */
function waitBriefly(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/** Human words for a byte limit: "16 MiB", "64 KiB". */
export function describeLimit(maxBytes: number): string {
  if (maxBytes >= 1024 * 1024 && maxBytes % (1024 * 1024) === 0) return `${maxBytes / (1024 * 1024)} MiB`;
  if (maxBytes >= 1024 && maxBytes % 1024 === 0) return `${maxBytes / 1024} KiB`;
  return `${maxBytes} bytes`;
}
