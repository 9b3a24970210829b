import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../exchange/testing/fixtures.js';
import { makeTempDir } from '../testing/tempDir.js';
import { runChildVault } from '../vault/testing/childVault.js';
import { Vault } from '../vault/vault.js';
import { backupVault } from '../exchange/backup.js';
import { eraseVault } from './erase.js';
import { unsavedChanges } from './savedElsewhere.js';

/**
 * Issue 14 on real vault files: quick erase, the duress passphrase, the failed-unlock wipe and
 * recovery shares, as the app and the CLI both reach them (through Vault.open and the vault's methods).
 */
const DURESS = 'a quiet field of rye at dawn';
const CANARIES = ['КАНАРЕЙКА-7734', 'CANARY-7734', '+7-928-000-7734'];

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'hub.crossing-vault');
});
afterEach(() => cleanup());

async function makeVault(): Promise<{ vault: Vault; recoveryKey: string }> {
  const made = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
  made.vault.addCase({
    alias: CANARIES[0]!,
    legalName: CANARIES[1],
    contacts: [{ channel: 'phone', value: CANARIES[2]! }],
    notes: [CANARIES.join(' ')],
  });
  return made;
}

const open = (passphrase: string, readOnly = false) => Vault.open(file, { passphrase }, { readOnly });

/** Every refusal as the person sees it: its code, reason, words and parameters. */
async function refusalOf(attempt: Promise<Vault>): Promise<object> {
  const error = (await attempt.then(
    () => expect.fail('the vault opened'),
    (e: unknown) => e,
  )) as { code: string; reason: string; message: string; params?: object };
  return { code: error.code, reason: error.reason, message: error.message, params: error.params };
}

/** A duress or wipe erase overwrites and removes the files just after its answer. */
const afterAnswer = () => new Promise((resolve) => setImmediate(resolve));

/** The names of everything left in the folder, and any canary readable in any of it. */
function leftovers(folder: string): { files: string[]; canaries: string[] } {
  const files = fs.readdirSync(folder);
  const canaries: string[] = [];
  for (const name of files) {
    const bytes = fs.readFileSync(path.join(folder, name));
    for (const canary of CANARIES) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(canary, encoding))) canaries.push(`${name}: ${canary}`);
      }
    }
  }
  return { files, canaries };
}

describe('quick erase', () => {
  it('leaves nothing of the vault in its folder, and no canary there or in the temp folder', async () => {
    const started = Date.now() - 1000;
    const { vault } = await makeVault();
    const report = vault.erase();
    expect(report.keysDestroyed).toBe(true);
    expect(report.removed.map((f) => path.basename(f))).toContain('hub.crossing-vault');
    expect(leftovers(dir)).toEqual({ files: [], canaries: [] });
    // Nothing of it was ever put in the system's temp folder either: no file there written since
    // this test began holds a canary (other tests' folders are skipped: they are not files).
    const temp = os.tmpdir();
    const recent = fs
      .readdirSync(temp)
      .map((name) => path.join(temp, name))
      .filter((file) => {
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return stat?.isFile() && stat.mtimeMs >= started && stat.size < 64 * 1024 * 1024;
      });
    const tempCanaries = recent.filter((file) =>
      CANARIES.some((canary) => fs.readFileSync(file).includes(Buffer.from(canary, 'utf8'))),
    );
    expect(tempCanaries).toEqual([]);
    expect(vault.isLocked).toBe(true);
    await expect(open(PASSPHRASE)).rejects.toMatchObject({ reason: 'noVaultHere' });
  });

  it('refuses to erase a vault another process holds open, and changes nothing', async () => {
    (await makeVault()).vault.lock();
    const holder = runChildVault(
      `const v = await Vault.open(vaultPath, { passphrase }); say('open'); await new Promise((r) => process.stdin.once('data', r)); v.lock();`,
      file,
      PASSPHRASE,
    );
    await holder.waitFor('open');
    expect(() => eraseVault(file, 'hub.crossing-vault')).toThrow(expect.objectContaining({ reason: 'vaultInUse' }));
    holder.child.stdin!.end('go\n');
    await holder.done;
    const v = await open(PASSPHRASE);
    expect(v.listCases()).toHaveLength(1);
    v.lock();
  });

  it('stopped half way by a disk that refuses writes, it still leaves the vault unopenable', async () => {
    (await makeVault()).vault.lock();
    // The disk refuses at the second step: the keys are gone, the files stay, and it says so.
    expect(() =>
      eraseVault(file, 'hub.crossing-vault', {
        beforeStep: (step) => {
          if (step === 'shred') throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        },
      }),
    ).toThrow(expect.objectContaining({ reason: 'eraseIncomplete', message: expect.stringMatching(/ENOSPC/) }));
    expect(fs.existsSync(file)).toBe(true);
    await expect(open(PASSPHRASE)).rejects.toMatchObject({ code: 'auth' });
    expect(leftovers(dir).canaries).toEqual([]);
  });

  it('when SQLite itself cannot write, the file is made unopenable by overwriting its start', async () => {
    (await makeVault()).vault.lock();
    expect(() =>
      eraseVault(file, 'hub.crossing-vault', {
        beforeStep: (step) => {
          if (step === 'crypto') throw new Error('SQLITE_FULL');
          if (step === 'shred') throw Object.assign(new Error('read-only'), { code: 'EROFS' });
        },
      }),
    ).toThrow(expect.objectContaining({ reason: 'eraseIncomplete' }));
    await expect(open(PASSPHRASE)).rejects.toMatchObject({ reason: expect.stringMatching(/notAVault|vaultDamaged/) });
  });
});

describe('duress passphrase', () => {
  it('erases the vault and answers exactly as a wrong passphrase does, in the app and for a reader', async () => {
    for (const readOnly of [false, true]) {
      const { vault } = await makeVault();
      expect(vault.seizureSettings().duressPassphraseSet).toBe(false);
      vault.setDuressPassphrase(PASSPHRASE, DURESS);
      expect(vault.seizureSettings().duressPassphraseSet).toBe(true);
      vault.lock();
      const wrong = await refusalOf(open('not the passphrase at all', readOnly));
      expect(fs.existsSync(file)).toBe(true);
      const duress = await refusalOf(open(DURESS, readOnly));
      expect(duress).toEqual(wrong);
      // Answered after the keys were destroyed: nothing opens it any more, before the files go.
      await expect(open(PASSPHRASE)).rejects.toMatchObject({ code: 'auth' });
      await afterAnswer();
      expect(leftovers(dir)).toEqual({ files: [], canaries: [] });
    }
  });

  it('must differ from the passphrase, needs the current passphrase, and a new passphrase clears it', async () => {
    const { vault } = await makeVault();
    expect(() => vault.setDuressPassphrase(PASSPHRASE, PASSPHRASE)).toThrow(
      expect.objectContaining({ reason: 'duressLikePassphrase' }),
    );
    expect(() => vault.setDuressPassphrase('wrong one here', DURESS)).toThrow(
      expect.objectContaining({ reason: 'wrongCurrentPassphrase' }),
    );
    vault.setDuressPassphrase(PASSPHRASE, DURESS);
    vault.changePassphrase('a brand new passphrase for the vault');
    expect(vault.seizureSettings().duressPassphraseSet).toBe(false);
    vault.lock();
    // The old duress passphrase is now only a wrong one: nothing is erased.
    await expect(open(DURESS)).rejects.toMatchObject({ reason: 'wrongPassphrase' });
    (await open('a brand new passphrase for the vault')).lock();
  });

  it('an unused duress slot is random bytes of the same length, and cleared it is random again', async () => {
    const { vault } = await makeVault();
    const Database = (await import('better-sqlite3')).default;
    const slot = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT duress_slot FROM unlock_guard').get() as { duress_slot: Buffer }).duress_slot;
      } finally {
        db.close();
      }
    };
    const unused = slot();
    vault.setDuressPassphrase(PASSPHRASE, DURESS);
    const set = slot();
    vault.clearDuressPassphrase(PASSPHRASE);
    const cleared = slot();
    expect([unused.length, set.length, cleared.length]).toEqual([32, 32, 32]);
    expect(new Set([unused, set, cleared].map((b) => b.toString('hex'))).size).toBe(3);
    vault.lock();
    await expect(open(DURESS)).rejects.toMatchObject({ reason: 'wrongPassphrase' });
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('wipe after failed unlocks', () => {
  it('counts across restarts, says the attempts left, resets on a good unlock, and wipes at the limit', async () => {
    const { vault } = await makeVault();
    vault.setWipeAfter(5);
    expect(vault.seizureSettings().wipeAfter).toBe(5);
    vault.lock();
    // Each open is a new process's view of the file: the count lives in the vault, not in memory.
    const lefts: unknown[] = [];
    for (let i = 0; i < 3; i++)
      lefts.push(((await refusalOf(open(`guess ${i}`, i === 1))) as { params: unknown }).params);
    expect(lefts).toEqual([{ attemptsLeft: 4 }, { attemptsLeft: 3 }, { attemptsLeft: 2 }]);
    (await open(PASSPHRASE)).lock(); // a good unlock starts the count again
    for (let i = 0; i < 4; i++) await refusalOf(open(`guess ${i}`));
    expect(fs.existsSync(file)).toBe(true);
    expect(await refusalOf(open('the fifth guess'))).toMatchObject({
      reason: 'wrongPassphrase',
      params: { attemptsLeft: 0 },
    });
    await afterAnswer();
    expect(leftovers(dir)).toEqual({ files: [], canaries: [] });
  });

  it('off by default: wrong passphrases are only refused', async () => {
    (await makeVault()).vault.lock();
    for (let i = 0; i < 25; i++) {
      expect(await refusalOf(open(`guess ${i}`))).toMatchObject({ reason: 'wrongPassphrase', params: undefined });
    }
    (await open(PASSPHRASE)).lock();
  });

  it('a mistyped recovery key (caught by its check group) is not counted as a guess', async () => {
    const { vault, recoveryKey } = await makeVault();
    vault.setWipeAfter(5);
    vault.lock();
    const typo = recoveryKey.replace(/^(.)/, (c) => (c === 'A' ? 'B' : 'A'));
    await expect(Vault.open(file, { recoveryKey: typo })).rejects.toMatchObject({ reason: 'badRecoveryKey' });
    expect(await refusalOf(open('one real guess'))).toMatchObject({ params: { attemptsLeft: 4 } });
  });
});

describe('recovery shares', () => {
  it('every 2-of-3 pair opens the vault; the old recovery key stops working; a wrong set is named', async () => {
    const { vault, recoveryKey } = await makeVault();
    const shares = await vault.splitRecovery(3, 2);
    vault.lock();
    await expect(Vault.open(file, { recoveryKey })).rejects.toMatchObject({ reason: 'wrongRecoveryKey' });
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const v = await Vault.open(file, { recoveryShares: [shares[a]!.text, shares[b]!.text] });
      expect(v.listCases()).toHaveLength(1);
      v.lock();
    }
    // A newer set replaces the older one: its shares are well formed but open nothing any more.
    const again = await Vault.open(file, { passphrase: PASSPHRASE });
    const newer = await again.splitRecovery(3, 2);
    again.lock();
    await expect(Vault.open(file, { recoveryShares: [shares[0]!.text, shares[1]!.text] })).rejects.toMatchObject({
      reason: 'wrongRecoveryShares',
    });
    await expect(Vault.open(file, { recoveryShares: [newer[0]!.text, shares[1]!.text] })).rejects.toMatchObject({
      reason: 'recoveryShareOtherSet',
      params: { share: 2 },
    });
  });
});

describe('what an erase would lose', () => {
  it('is nothing right after a backup, and any change or import after it', async () => {
    const { vault } = await makeVault();
    expect(unsavedChanges(vault)).toEqual({ lastSaved: null, changedSince: true, lastBackupAt: null });
    await backupVault(vault, path.join(dir, 'backup.crossing'), new Date('2026-12-01T10:00:00Z'));
    expect(unsavedChanges(vault)).toEqual({
      lastSaved: { kind: 'backup', at: '2026-12-01T10:00:00.000Z' },
      changedSince: false,
      lastBackupAt: '2026-12-01T10:00:00.000Z',
    });
    vault.addNote(vault.listCases()[0]!.id, 'after the backup');
    expect(unsavedChanges(vault).changedSince).toBe(true);
    // A backup that could not be written saves nothing: the note stays as it was.
    await expect(backupVault(vault, path.join(dir, 'no-such-folder', 'b.crossing'))).rejects.toThrow();
    expect(unsavedChanges(vault)).toEqual({
      lastSaved: { kind: 'backup', at: '2026-12-01T10:00:00.000Z' },
      changedSince: true,
      lastBackupAt: '2026-12-01T10:00:00.000Z',
    });
    vault.lock();
  });
});
