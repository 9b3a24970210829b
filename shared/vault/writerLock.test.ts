import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { acquireWriterLock, lockPathOf } from './writerLock.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const compiledLock = pathToFileURL(path.join(ROOT, 'dist', 'shared', 'vault', 'writerLock.js')).href;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('crossing-writer-lock-')));
afterEach(() => cleanup());

test('a second taker is refused and named while the lock is held; the file goes with the holder', () => {
  const vault = path.join(dir, 'hub.crossing');
  const held = acquireWriterLock(vault, 'hub.crossing');
  expect(fs.statSync(lockPathOf(vault)).mode & 0o777).toBe(0o600);
  expect(() => acquireWriterLock(vault, 'hub.crossing')).toThrow(
    expect.objectContaining({ reason: 'vaultInUse', message: expect.stringMatching(`pid ${process.pid}`) }),
  );
  held.release();
  expect(fs.existsSync(lockPathOf(vault))).toBe(false);
  acquireWriterLock(vault, 'hub.crossing').release();
});

/**
 * Processes that take and let go of the lock as fast as they can. A releaser removes the file while
 * a taker may have just opened it: the taker must try again on the new file, never fail with
 * anything but "in use" (SQLite answers a write to a removed file with SQLITE_READONLY_DBMOVED).
 */
test('racing takers only ever see "in use", and never two holders at once', async () => {
  const vault = path.join(dir, 'hub.crossing');
  const marker = path.join(dir, 'holders');
  const script = `
import fs from 'node:fs';
import { acquireWriterLock } from ${JSON.stringify(compiledLock)};
let held = 0, refused = 0;
for (let i = 0; i < 300; i++) {
  let lock;
  try { lock = acquireWriterLock(${JSON.stringify(vault)}, 'hub'); }
  catch (e) { if (e.reason !== 'vaultInUse') { console.error(e.reason + ': ' + e.message); process.exit(3); } refused++; continue; }
  // Exclusive create: a second holder at the same moment would find the marker there.
  fs.writeFileSync(${JSON.stringify(marker)}, String(process.pid), { flag: 'wx' });
  held++;
  fs.rmSync(${JSON.stringify(marker)});
  lock.release();
}
console.log(JSON.stringify({ held, refused }));
`;
  const runs = [0, 1, 2].map(
    () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
  );
  const results = await Promise.all(runs);
  for (const r of results) expect(r.code, r.stderr).toBe(0);
  const held = results.reduce((sum, r) => sum + (JSON.parse(r.stdout) as { held: number }).held, 0);
  expect(held).toBeGreaterThan(0);
  expect(fs.existsSync(lockPathOf(vault))).toBe(false);
});

test('a lock file torn by a kill (unreadable) is emptied and taken, not a dead end', () => {
  const vault = path.join(dir, 'hub.crossing');
  // A first page that claims a table whose page was never written, and plain garbage.
  for (const torn of [
    Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0x5a)]),
    Buffer.alloc(512, 7),
  ]) {
    fs.writeFileSync(lockPathOf(vault), torn, { mode: 0o600 });
    const held = acquireWriterLock(vault, 'hub.crossing');
    expect(() => acquireWriterLock(vault, 'hub.crossing')).toThrow(expect.objectContaining({ reason: 'vaultInUse' }));
    held.release();
  }
});
