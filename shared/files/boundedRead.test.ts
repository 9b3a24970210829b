import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { describeLimit, readFileBounded } from './boundedRead.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

describe('readFileBounded', () => {
  it('reads a file up to the limit, to the byte', () => {
    const file = path.join(dir, 'f');
    fs.writeFileSync(file, Buffer.alloc(1000, 7));
    const read = readFileBounded(file, 1000);
    expect(read.ok && read.bytes.length).toBe(1000);
    expect(readFileBounded(file, 999)).toEqual({ ok: false, tooLarge: true });
  });

  it('stops an endless device at the limit, though stat calls it empty', () => {
    expect(fs.statSync('/dev/zero').size).toBe(0);
    expect(readFileBounded('/dev/zero', 100_000)).toEqual({ ok: false, tooLarge: true });
  });

  it('counts what a FIFO yields, which stat cannot know', () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // A writer that sends 200 KiB into the FIFO from another process.
    const writer = spawn('sh', ['-c', `head -c 204800 /dev/zero > "$0"`, fifo], { stdio: 'ignore' });
    expect(readFileBounded(fifo, 64 * 1024)).toEqual({ ok: false, tooLarge: true });
    writer.kill('SIGKILL');
  });

  it('words limits for people', () => {
    expect(describeLimit(16 * 1024 * 1024)).toBe('16 MiB');
    expect(describeLimit(64 * 1024)).toBe('64 KiB');
    expect(describeLimit(100)).toBe('100 bytes');
  });
});
