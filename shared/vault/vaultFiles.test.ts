import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { runChildVault } from './testing/childVault.js';
import { Vault } from './vault.js';

/**
 * Issue 10, findings 6 and 7: a killed `init` left `V.<id>.creating` (and -wal/-shm) for ever, or,
 * killed between link and unlink, a hard link to the live vault that kept every future case; the
 * vault and its companions were 0644.
 */
const PASSPHRASE = 'correct horse battery staple';
let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'v.crossing-vault');
});
afterEach(() => cleanup());

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('the files of a vault', () => {
  it('are readable by their owner only: the vault, its WAL, SHM and lock', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
    vault.addCase({ alias: 'Ахмед' });
    for (const suffix of ['', '-wal', '-shm', '-lock']) expect(mode(file + suffix), suffix).toBe(0o600);
    vault.lock();
    expect(fs.readdirSync(dir)).toEqual(['v.crossing-vault']);
    expect(mode(file)).toBe(0o600);
  });

  it('narrows a vault left 0644 by an earlier version when it is opened for writing', async () => {
    (await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' })).vault.lock();
    fs.chmodSync(file, 0o644);
    const vault = await Vault.open(file, { passphrase: PASSPHRASE });
    expect(mode(file)).toBe(0o600);
    vault.lock();
  });

  it('is never a hard link: the vault is renamed into place', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
    expect(fs.statSync(file).nlink).toBe(1);
    vault.lock();
  });

  it('clears what a creation killed half-way left, at the next create', async () => {
    // Killed while showing the recovery key: the complete temp vault waits beside the target.
    const child = runChildVault(
      `await Vault.create(vaultPath, { passphrase, kdf: 'interactive', showRecoveryKey: () => {
         say('showing'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
       } });`,
      file,
      PASSPHRASE,
    );
    await child.waitFor('showing');
    child.child.kill('SIGKILL');
    await child.done;
    const left = fs.readdirSync(dir);
    expect(left.some((name) => name.endsWith('.creating'))).toBe(true);
    expect(fs.existsSync(file)).toBe(false);

    const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
    vault.lock();
    expect(fs.readdirSync(dir)).toEqual(['v.crossing-vault']);
  });

  it('clears stale creation files at the next open, and an empty reservation at the next create', async () => {
    (await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' })).vault.lock();
    for (const suffix of ['', '-wal', '-shm']) fs.writeFileSync(`${file}.AbC123_-x.creating${suffix}`, 'stale');
    fs.writeFileSync(`${file}.notes.txt`, 'not ours'); // only creation files go
    (await Vault.open(file, { passphrase: PASSPHRASE })).lock();
    expect(fs.readdirSync(dir).sort()).toEqual(['v.crossing-vault', 'v.crossing-vault.notes.txt']);

    // Killed between reserving the name and renaming the vault over it: an empty file and a temp.
    const other = path.join(dir, 'w.crossing-vault');
    fs.writeFileSync(other, '');
    fs.writeFileSync(`${other}.Zz9.creating`, 'complete but never placed');
    (await Vault.create(other, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' })).vault.lock();
    expect(fs.statSync(other).size).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('w.'))).toEqual(['w.crossing-vault']);
  });

  it('still refuses an existing file that no creation of ours left', async () => {
    fs.writeFileSync(file, '');
    await expect(
      Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' }),
    ).rejects.toThrow(/already exists: Crossing never overwrites a file/);
    expect(fs.readdirSync(dir)).toEqual(['v.crossing-vault']);
  });
});
