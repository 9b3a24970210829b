import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsSnapshot } from '../exchange/testing/fixtures.js';
import { writesUntilFull } from '../testing/diskFull.js';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from '../vault/vault.js';
import { CHUNK_BYTES } from './chunks.js';
import { prepareFile } from './prepareFile.js';
import { saveCopy } from './saveCopy.js';
import { minimalPng } from './testing/images.js';

/** Evidence files in a real vault file: sealed in chunks, read back checked, removed, purged. */
const PASSPHRASE = 'evidence test passphrase';
let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('crossing-evidence-'));
  file = path.join(dir, 'v.crossing-vault');
});
afterEach(() => cleanup());

async function newVault(): Promise<{ vault: Vault; caseId: string }> {
  const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
  return { vault, caseId: vault.addCase({ alias: 'A.' }).id };
}

function writeRandom(name: string, size: number): { path: string; bytes: Buffer } {
  const bytes = crypto.randomBytes(size);
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return { path: target, bytes };
}

const readAll = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((c) => Buffer.from(c)));

describe('adding and reading', () => {
  it('seals a file in 64 KiB chunks and gives it back byte for byte, with its description as an op', async () => {
    const { vault, caseId } = await newVault();
    const source = writeRandom('scan.bin', 3 * CHUNK_BYTES + 17);
    const added = vault.addFile(caseId, source.path, { kind: 'medical', caption: 'report' });
    expect(added).toMatchObject({ name: 'scan.bin', size: source.bytes.length, kind: 'medical', caption: 'report' });
    expect(added.sha256).toBe(crypto.createHash('sha256').update(source.bytes).digest('hex'));
    expect(vault.getCase(caseId).files.map((f) => f.id)).toEqual([added.id]);
    expect(vault.listCases()[0]!.fileCount).toBe(1);
    expect(readAll(vault.readFile(added.id)).equals(source.bytes)).toBe(true);
    vault.lock();

    const reopened = await Vault.open(file, { passphrase: PASSPHRASE });
    expect(reopened.check()).toMatchObject({ files: 1 });
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM file_chunks').get() as { n: number }).n).toBe(4);
    db.close();
    expect(readAll(reopened.readFile(added.id.slice(0, 6))).equals(source.bytes)).toBe(true);
    reopened.lock();
  });

  it('takes the type from the content, not the name, and never calls a program a picture', async () => {
    const { vault, caseId } = await newVault();
    const elf = path.join(dir, 'passport.jpg');
    fs.writeFileSync(elf, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), crypto.randomBytes(100)]));
    const png = path.join(dir, 'photo.dat');
    fs.writeFileSync(png, minimalPng());
    const [program, picture] = vault.addFiles(caseId, [elf, png]);
    expect(program).toMatchObject({ type: 'application/x-elf', kind: 'other' });
    expect(picture).toMatchObject({ type: 'image/png', kind: 'photo' });
    vault.lock();
  });

  it('renames and recaptions through ops the history shows, and removes content with the file', async () => {
    const { vault, caseId } = await newVault();
    const added = vault.addFile(caseId, writeRandom('a.bin', 1000).path);
    vault.updateFile(added.id, { name: 'passport page.bin', caption: 'data page', kind: 'travel_passport' });
    expect(vault.getCase(caseId).files[0]).toMatchObject({ name: 'passport page.bin', caption: 'data page' });
    vault.removeFile(added.id);
    expect(vault.getCase(caseId).files).toEqual([]);
    expect(vault.holdsFileContent(added.id)).toBe(false);
    expect(vault.caseOps(caseId).filter((op) => op.type === 'item')).toHaveLength(3);
    expect(vault.check()).toMatchObject({ files: 0 });
    vault.lock();
  });

  it('removes the content of every file when the case is purged', async () => {
    const { vault, caseId } = await newVault();
    const other = vault.addCase({ alias: 'B.' }).id;
    vault.addFile(caseId, writeRandom('a.bin', 2 * CHUNK_BYTES).path);
    const kept = vault.addFile(other, writeRandom('b.bin', 500).path);
    vault.purgeCase(caseId);
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM file_keys').get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM file_chunks').get() as { n: number }).n).toBe(1);
    db.close();
    expect(vault.check()).toMatchObject({ files: 1 });
    expect(vault.holdsFileContent(kept.id)).toBe(true);
    vault.lock();
  });
});

it('check counts content held for a file no case lists (received removals, before they took it out)', async () => {
  const { vault, caseId } = await newVault();
  const listed = vault.addFile(caseId, writeRandom('listed.bin', 1000).path);
  expect(vault.check()).toMatchObject({ files: 1, unlistedFiles: 0 });
  // What a vault that merged a colleague's removal before this version holds: the content, no file.
  vault.transaction((db) => vault.storeReceivedFile(db, 'f'.repeat(32), caseId, [crypto.randomBytes(500)]));
  expect(vault.check()).toMatchObject({ files: 2, unlistedFiles: 1 });
  vault.removeFile(listed.id);
  expect(vault.check()).toMatchObject({ files: 1, unlistedFiles: 1 });
  vault.lock();
});

describe('bad input leaves the vault as it was', () => {
  it('refuses a folder, a FIFO, an empty file, a missing file and one over the limit, naming each', async () => {
    const { vault, caseId } = await newVault();
    const fifo = path.join(dir, 'pipe');
    fs.mkdirSync(path.join(dir, 'folder'));
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    fs.writeFileSync(path.join(dir, 'empty'), '');
    const big = writeRandom('big.bin', 2 * 1024 * 1024 + 1);
    const before = vault.counter;
    expect(() => vault.addFile(caseId, path.join(dir, 'folder'))).toThrow(/is a folder/);
    expect(() => vault.addFile(caseId, fifo)).toThrow(/not a regular file/);
    expect(() => vault.addFile(caseId, path.join(dir, 'empty'))).toThrow(/is empty/);
    expect(() => vault.addFile(caseId, path.join(dir, 'nothing-here'))).toThrow(/no file at/);
    expect(() => vault.addFile(caseId, big.path, { maxBytes: 2 * 1024 * 1024 })).toThrow(/over the limit of 2 MB/);
    // Several at once: one bad file means none is added.
    const good = writeRandom('good.bin', 10);
    expect(() => vault.addFiles(caseId, [good.path, path.join(dir, 'empty')])).toThrow(/is empty/);
    expect(vault.getCase(caseId).files).toEqual([]);
    expect(vault.counter).toBe(before);
    expect(vault.check()).toMatchObject({ files: 0 });
    vault.lock();
  });

  it('refuses a file that changes while it is read, and keeps nothing of it', async () => {
    const { vault, caseId } = await newVault();
    const source = writeRandom('growing.bin', 4 * CHUNK_BYTES);
    const prepared = prepareFile(source.path);
    const chunks = prepared.chunks()[Symbol.iterator]();
    chunks.next();
    fs.appendFileSync(source.path, 'more');
    expect(() => {
      for (let step = chunks.next(); !step.done; step = chunks.next());
    }).toThrow(/changed while it was being read/);
    prepared.close();
    // And through the vault: a file whose size no longer matches is refused, nothing written.
    const sneaky = writeRandom('sneaky.bin', 2 * CHUNK_BYTES);
    const original = fs.fstatSync;
    let calls = 0;
    fs.fstatSync = ((fd: number) => {
      const stat = original(fd);
      if (++calls === 1) fs.appendFileSync(sneaky.path, 'x');
      return stat;
    }) as typeof fs.fstatSync;
    try {
      expect(() => vault.addFile(caseId, sneaky.path)).toThrow(/changed while it was being read/);
    } finally {
      fs.fstatSync = original;
    }
    expect(vault.check()).toMatchObject({ files: 0 });
    vault.lock();
  });

  it('refuses a file it may not read, saying so, and writes nothing (no op, no chunk)', async () => {
    const { vault, caseId } = await newVault();
    const locked = writeRandom('locked.bin', 3 * CHUNK_BYTES);
    const good = writeRandom('good.bin', 10);
    const before = rowsSnapshot(vault);
    const opsBefore = vault.caseOps(caseId).length;
    // Tests run as root, whom chmod 000 does not stop: the open fails as it would for anyone else.
    const realOpen = fs.openSync;
    const open = vi.spyOn(fs, 'openSync').mockImplementation(((
      target: fs.PathLike,
      flags?: fs.OpenMode,
      mode?: fs.Mode | null,
    ) => {
      if (target === locked.path) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${locked.path}'`), {
          code: 'EACCES',
          errno: -13,
          syscall: 'open',
        });
      }
      return realOpen(target, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    try {
      for (const paths of [[locked.path], [good.path, locked.path]]) {
        expect(() => vault.addFiles(caseId, paths)).toThrow(
          expect.objectContaining({
            code: 'usage',
            reason: 'cannotRead',
            params: { name: 'locked.bin' },
            message: expect.stringMatching(/locked\.bin cannot be read: permission denied \(ask whoever owns it/),
          }),
        );
      }
      expect(open).toHaveBeenCalledWith(locked.path, expect.any(Number));
    } finally {
      open.mockRestore();
    }
    expect(vault.getCase(caseId).files).toEqual([]);
    expect(vault.caseOps(caseId)).toHaveLength(opsBefore);
    expect(rowsSnapshot(vault)).toBe(before);
    expect(vault.check()).toMatchObject({ files: 0 });
    vault.lock();
  });

  it('stops "Save a copy" on a full disk, saying so: no copy, no temp file, the vault as it was', async () => {
    const { vault, caseId } = await newVault();
    const source = writeRandom('scan.bin', 5 * CHUNK_BYTES);
    const added = vault.addFile(caseId, source.path);
    const before = rowsSnapshot(vault);
    const target = path.join(dir, 'copy.bin');
    const write = vi.spyOn(fs, 'writeSync').mockImplementation(writesUntilFull(2 * CHUNK_BYTES + 100));
    try {
      expect(() => saveCopy(vault.readFile(added.id), target)).toThrow(
        expect.objectContaining({
          reason: 'diskFull',
          message: expect.stringMatching(/the disk is full: .*copy\.bin was not written.*free some space/),
        }),
      );
      expect(write).toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(rowsSnapshot(vault)).toBe(before);
    expect(readAll(vault.readFile(added.id)).equals(source.bytes)).toBe(true);
    vault.lock();
  });

  it('rolls a full disk back: no chunk, no key, no op', async () => {
    const { vault, caseId } = await newVault();
    vault.lock();
    // A vault file that may not grow beyond its current pages: SQLite answers SQLITE_FULL midway.
    const db = new Database(file);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    const reopened = await Vault.open(file, { passphrase: PASSPHRASE });
    reopened.transaction((d) => d.pragma(`max_page_count = ${pages + 40}`));
    const big = writeRandom('big.bin', 20 * CHUNK_BYTES);
    expect(() => reopened.addFile(caseId, big.path)).toThrow(/disk is full/);
    expect(reopened.getCase(caseId).files).toEqual([]);
    expect(reopened.check()).toMatchObject({ files: 0 });
    reopened.lock();
  });
});

describe('a damaged or altered vault', () => {
  async function vaultWithFile() {
    const { vault, caseId } = await newVault();
    const source = writeRandom('a.bin', 3 * CHUNK_BYTES + 5);
    const added = vault.addFile(caseId, source.path);
    vault.lock();
    return added.id;
  }

  function alter(work: (db: Database.Database) => void) {
    const db = new Database(file);
    work(db);
    db.close();
  }

  const target = () => path.join(dir, 'copy.bin');

  const flipByte = (db: Database.Database) => {
    const row = db.prepare('SELECT rowid, sealed FROM file_chunks WHERE n = 2').get() as {
      rowid: number;
      sealed: Buffer;
    };
    row.sealed.writeUInt8(row.sealed.readUInt8(100) ^ 1, 100);
    db.prepare('UPDATE file_chunks SET sealed = ? WHERE rowid = ?').run(row.sealed, row.rowid);
  };

  it.each([
    [
      'two chunks swapped',
      (db: Database.Database) =>
        db.exec(
          'UPDATE file_chunks SET n = -1 WHERE n = 0; UPDATE file_chunks SET n = 0 WHERE n = 1; UPDATE file_chunks SET n = 1 WHERE n = -1',
        ),
    ],
    ['the last chunk dropped (truncation)', (db: Database.Database) => db.exec('DELETE FROM file_chunks WHERE n = 3')],
    ['a byte of a chunk flipped', flipByte],
  ])('refuses the file with %s, and writes no copy', async (_what, change) => {
    const fileId = await vaultWithFile();
    alter(change);
    const vault = await Vault.open(file, { passphrase: PASSPHRASE });
    expect(() => saveCopy(vault.readFile(fileId), target())).toThrow(/damaged in the vault/);
    expect(fs.existsSync(target())).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(() => vault.check()).toThrow(/damaged in the vault/);
    vault.lock();
  });

  it('sees a file row removed as tampering at open (the manifest names it)', async () => {
    await vaultWithFile();
    alter((db) => db.exec('DELETE FROM file_keys'));
    await expect(Vault.open(file, { passphrase: PASSPHRASE })).rejects.toThrow(/file_keys\/.* is missing/);
  });

  it('never overwrites an existing file when saving a copy', async () => {
    const fileId = await vaultWithFile();
    fs.writeFileSync(target(), 'mine');
    const vault = await Vault.open(file, { passphrase: PASSPHRASE });
    expect(() => saveCopy(vault.readFile(fileId), target())).toThrow(/already exists/);
    expect(fs.readFileSync(target(), 'utf8')).toBe('mine');
    vault.lock();
  });
});

it('leaves no byte of a file in the vault, its WAL, or the temp folder (canary)', async () => {
  const canary = `CANARY-EVIDENCE-${crypto.randomBytes(6).toString('hex')}`;
  const tempBefore = new Set(fs.readdirSync(os.tmpdir()));
  const { vault, caseId } = await newVault();
  const png = path.join(dir, 'canary.png');
  fs.writeFileSync(png, minimalPng({ text: { Comment: canary } }));
  // Kept as it is, so the canary is in the stored content.
  const added = vault.addFile(caseId, png, { keepMetadata: true });
  expect(added.keptMetadata).toBe(true);
  fs.rmSync(png);
  const scan = () => {
    const hits: string[] = [];
    for (const name of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, name));
      if (bytes.includes(Buffer.from(canary)) || bytes.includes(Buffer.from('IHDR'))) hits.push(name);
    }
    for (const name of fs.readdirSync(os.tmpdir())) {
      const full = path.join(os.tmpdir(), name);
      if (tempBefore.has(name) || !fs.statSync(full).isFile()) continue;
      if (fs.readFileSync(full).includes(Buffer.from(canary))) hits.push(full);
    }
    return hits;
  };
  expect(fs.readdirSync(dir).some((n) => n.endsWith('-wal'))).toBe(true);
  expect(scan()).toEqual([]);
  expect(readAll(vault.readFile(added.id)).includes(Buffer.from(canary))).toBe(true);
  vault.lock();
  expect(scan()).toEqual([]);
});
