import fs from 'node:fs';

/** The real one, taken before any test replaces it. */
const realWriteSync = fs.writeSync;

/**
 * For tests: an fs.writeSync that writes `budget` bytes (the last write cut short), then fails with
 * ENOSPC as a full disk does. Tests run as root, for whom no quota applies, so the disk cannot be
 * filled for real; give this to `vi.spyOn(fs, 'writeSync').mockImplementation`.
 */
export function writesUntilFull(budget: number): typeof fs.writeSync {
  let left = budget;
  return ((
    fd: number,
    buffer: NodeJS.ArrayBufferView,
    offset?: number | null,
    length?: number | null,
    position?: number | null,
  ) => {
    if (left <= 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }
    const start = offset ?? 0;
    const wanted = length ?? buffer.byteLength - start;
    const written = realWriteSync(fd, buffer, start, Math.min(wanted, left), position);
    left -= written;
    return written;
  }) as typeof fs.writeSync;
}
