import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupVault, restoreBackup } from '../exchange/backup.js';
import { findContact } from '../exchange/contacts.js';
import { exportCases, writeBundle } from '../exchange/exportCases.js';
import { importSealedFile } from '../exchange/importSealedFile.js';
import { parseEnvelope } from '../exchange/bundle.js';
import { itemOp } from '../oplog/caseOps.js';
import { casesSnapshot, introduce, makeVault, rowsSnapshot } from '../exchange/testing/fixtures.js';
import { writesUntilFull } from '../testing/diskFull.js';
import { makeTempDir } from '../testing/tempDir.js';
import { ManifestTracker } from '../vault/manifestStore.js';
import type { Vault } from '../vault/vault.js';
import { minimalPng } from './testing/images.js';

/** Evidence files travel with their cases: exports, "leave files out", backups, and a lying sender. */
let dir: string;
let cleanup: () => void;
let alice: Vault;
let bob: Vault;
const file = (name: string) => path.join(dir, name);
const readAll = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((c) => Buffer.from(c)));

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-evidence-exchange-'));
  alice = await makeVault(dir, 'Alice');
  bob = await makeVault(dir, 'Bob');
  introduce(alice, bob);
});
afterEach(() => {
  alice.lock();
  bob.lock();
  cleanup();
});

const describeFile = (f: { id: string; size: number; sha256: string }, caseId: string) => ({
  fileId: f.id,
  caseId,
  size: f.size,
  sha256: f.sha256,
});

function caseWithPhoto() {
  const kase = alice.addCase({ alias: 'Zarema' });
  fs.writeFileSync(file('photo.png'), minimalPng({ width: 40, height: 30 }));
  fs.writeFileSync(file('scan.bin'), crypto.randomBytes(150_000));
  const [photo, scan] = alice.addFiles(kase.id, [file('photo.png'), file('scan.bin')], { caption: 'arm' });
  return { caseId: kase.id, photo: photo!, scan: scan! };
}

it('sends the files with the case; the colleague sees the same bytes, and age -d opens the file', async () => {
  const { caseId, photo, scan } = caseWithPhoto();
  await exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: file('a.crossing') });
  await importSealedFile(bob, file('a.crossing'));
  expect(bob.getCase(caseId).files).toEqual(alice.getCase(caseId).files);
  for (const f of [photo, scan]) {
    expect(bob.holdsFileContent(f.id)).toBe(true);
    expect(readAll(bob.readFile(f.id)).equals(readAll(alice.readFile(f.id)))).toBe(true);
  }
  expect(bob.check()).toMatchObject({ files: 2 });
  // The standard age command decrypts the whole export with the recipient's identity.
  fs.writeFileSync(file('bob.key'), bob.revealAgeIdentity(), { mode: 0o600 });
  const age = spawnSync('age', ['-d', '-i', file('bob.key'), file('a.crossing')], { maxBuffer: 64 * 1024 * 1024 });
  expect(age.status, age.stderr?.toString()).toBe(0);
  const shown = age.stdout.toString('latin1');
  expect(shown).toContain(`"fileId":"${scan.id}"`);
  // The files' raw bytes follow the bundle text, in the order it lists them, then the padding.
  const { rest } = parseEnvelope(new Uint8Array(age.stdout));
  const raw = Buffer.concat([readAll(alice.readFile(photo.id)), readAll(alice.readFile(scan.id))]);
  expect(Buffer.from(rest.subarray(0, raw.length)).equals(raw)).toBe(true);
  expect(rest.subarray(raw.length).every((byte) => byte === 0x20)).toBe(true);
});

it('leaves no byte of a file in the export, either vault, their WALs or the temp folder (canary)', async () => {
  const canary = `CANARY-EXPORTED-${crypto.randomBytes(6).toString('hex')}`;
  const tempBefore = new Set(fs.readdirSync(os.tmpdir()));
  const kase = alice.addCase({ alias: 'Canary' });
  fs.writeFileSync(file('canary.png'), minimalPng({ width: 40, height: 30, text: { Comment: canary } }));
  // Kept as it is, so the canary is in the content that travels.
  const [photo] = alice.addFiles(kase.id, [file('canary.png')], { keepMetadata: true });
  fs.rmSync(file('canary.png'));
  await exportCases(alice, { to: ['Bob'], cases: [kase.id], outFile: file('canary.crossing') });
  await importSealedFile(bob, file('canary.crossing'), { dryRun: true });
  await importSealedFile(bob, file('canary.crossing'));
  expect(readAll(bob.readFile(photo!.id)).includes(Buffer.from(canary))).toBe(true);
  const hits = () => {
    const found: string[] = [];
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isFile() && fs.readFileSync(full).includes(Buffer.from(canary))) found.push(name);
    }
    for (const name of fs.readdirSync(os.tmpdir())) {
      const full = path.join(os.tmpdir(), name);
      if (tempBefore.has(name) || !fs.statSync(full).isFile()) continue;
      if (fs.readFileSync(full).includes(Buffer.from(canary))) found.push(full);
    }
    return found;
  };
  expect(fs.readdirSync(dir).filter((n) => n.endsWith('-wal')).length).toBeGreaterThanOrEqual(2);
  expect(hits()).toEqual([]);
});

it('leaves the content out on request: the colleague sees which files exist and who holds them', async () => {
  const { caseId, photo } = caseWithPhoto();
  const sent = await exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: file('a.crossing'), omit: ['files'] });
  expect(sent.omitted).toEqual(['files']);
  await importSealedFile(bob, file('a.crossing'));
  const received = bob.getCase(caseId).files.find((f) => f.id === photo.id);
  expect(received).toMatchObject({ name: 'photo.png', caption: 'arm', addedBy: alice.me.fingerprint });
  expect(bob.holdsFileContent(photo.id)).toBe(false);
  expect(() => readAll(bob.readFile(photo.id))).toThrow(/not in this vault/);
  // Sent again later with the files, the content arrives.
  await exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: file('b.crossing') });
  await importSealedFile(bob, file('b.crossing'));
  expect(bob.holdsFileContent(photo.id)).toBe(true);
});

it('refuses a bundle whose file does not match its description, and changes nothing', async () => {
  const { caseId, photo } = caseWithPhoto();
  const bobContact = findContact(alice, 'Bob');
  const before = rowsSnapshot(bob);
  await writeBundle(alice, {
    kind: 'export',
    recipients: [{ name: 'Bob', fingerprint: bobContact.fingerprint, ageRecipient: bobContact.ageRecipient }],
    caseIds: [caseId],
    ops: [...alice.caseOps(caseId)],
    omitted: [],
    files: [{ ...describeFile(photo, caseId), content: () => [Buffer.alloc(photo.size, 0x41)] }],
    outFile: file('lie.crossing'),
  });
  await expect(importSealedFile(bob, file('lie.crossing'))).rejects.toThrow(
    /refused by the files check: file 1 of the bundle .* does not match its SHA-256.*Nothing was changed/,
  );
  expect(rowsSnapshot(bob)).toBe(before);
});

it('refuses a bundle that calls a program a picture, and changes nothing', async () => {
  const kase = alice.addCase({ alias: 'Lie' });
  fs.writeFileSync(file('tool'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), crypto.randomBytes(300)]));
  const program = alice.addFile(kase.id, file('tool'));
  // A sender's vault that states another type than the content's own (Alice's stands in for it).
  const added = alice.caseOps(kase.id).find((op) => op.type === 'item' && op.itemId === program.id)!;
  const { id: _id, ...described } = program;
  alice.mergeOps([
    itemOp(kase.id, 'files', program.id, { ...described, type: 'image/png' }, [added.id], alice.opContext()),
  ]);
  await exportCases(alice, { to: ['Bob'], cases: [kase.id], outFile: file('lie.crossing') });
  const before = rowsSnapshot(bob);
  await expect(importSealedFile(bob, file('lie.crossing'))).rejects.toMatchObject({
    reason: 'importFiles',
    message: expect.stringMatching(/described as image\/png but its content is application\/x-elf/),
  });
  expect(rowsSnapshot(bob)).toBe(before);
});

it('stops an export on a full disk, saying so: no file, no temp file, the cases and their files as they were', async () => {
  const { caseId, photo, scan } = caseWithPhoto();
  const cases = casesSnapshot(alice);
  const target = file('full.crossing');
  const write = vi.spyOn(fs, 'writeSync').mockImplementation(writesUntilFull(100_000));
  try {
    await expect(exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: target })).rejects.toMatchObject({
      reason: 'diskFull',
      message: expect.stringMatching(/the disk is full: .*full\.crossing was not written.*free some space/),
    });
    expect(write).toHaveBeenCalled();
  } finally {
    write.mockRestore();
  }
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  // The export's number is taken before the file is written, so that two exports never share one;
  // the one a failed export took is a gap its receivers never see. Nothing else in the vault moved.
  expect(casesSnapshot(alice)).toBe(cases);
  for (const f of [photo, scan]) expect(alice.holdsFileContent(f.id)).toBe(true);
  expect(alice.check()).toMatchObject({ files: 2 });
  // With room again, the same export goes through and arrives whole.
  await exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: target });
  await importSealedFile(bob, target);
  expect(bob.holdsFileContent(scan.id)).toBe(true);
});

it('holds the files in a backup, and a restore brings them back', async () => {
  const { photo, scan } = caseWithPhoto();
  await backupVault(alice, file('alice.backup'));
  const fresh = await makeVault(dir, 'Alice again');
  await restoreBackup(fresh, file('alice.backup'), { ageIdentity: alice.revealAgeIdentity() });
  for (const f of [photo, scan]) expect(readAll(fresh.readFile(f.id)).equals(readAll(alice.readFile(f.id)))).toBe(true);
  fresh.lock();
});

describe('a removal received from a colleague', () => {
  async function sendToBob(name: string, caseId: string) {
    await exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: file(name) });
    return importSealedFile(bob, file(name));
  }

  it('takes the content and its key out of the vault with the import, the other files kept', async () => {
    const { caseId, photo, scan } = caseWithPhoto();
    await sendToBob('a.crossing', caseId);
    expect(bob.holdsFileContent(photo.id)).toBe(true);
    alice.removeFile(photo.id);
    await sendToBob('b.crossing', caseId);
    expect(bob.getCase(caseId).files.map((f) => f.id)).toEqual([scan.id]);
    expect(bob.holdsFileContent(photo.id)).toBe(false);
    expect(bob.holdsFileContent(scan.id)).toBe(true);
    // check() refuses chunks left without their key: none are.
    expect(bob.check()).toMatchObject({ files: 1 });
  });

  it('keeps the content when the import rolls back: the file is still listed and held', async () => {
    const { caseId, photo } = caseWithPhoto();
    await sendToBob('a.crossing', caseId);
    alice.removeFile(photo.id);
    await exportCases(alice, { to: ['Bob'], cases: [caseId], outFile: file('b.crossing') });
    const before = rowsSnapshot(bob);
    // The last step of the transaction fails, after the content was deleted in it.
    const seal = vi.spyOn(ManifestTracker.prototype, 'seal').mockImplementationOnce(() => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    });
    await expect(importSealedFile(bob, file('b.crossing'))).rejects.toThrow();
    seal.mockRestore();
    expect(rowsSnapshot(bob)).toBe(before);
    expect(bob.holdsFileContent(photo.id)).toBe(true);
    expect(bob.getCase(caseId).files.map((f) => f.id)).toContain(photo.id);
  });

  it('keeps the content when a later rename here wins over the removal (last writer wins)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
      const { caseId, photo } = caseWithPhoto();
      await sendToBob('a.crossing', caseId);
      vi.setSystemTime(new Date('2026-01-01T11:00:00Z'));
      alice.removeFile(photo.id);
      vi.setSystemTime(new Date('2026-01-01T12:00:00Z'));
      bob.updateFile(photo.id, { caption: 'left forearm' });
      await sendToBob('b.crossing', caseId);
      const shown = bob.getCase(caseId);
      expect(shown.files.find((f) => f.id === photo.id)).toMatchObject({ caption: 'left forearm' });
      expect(shown.conflicts.map((c) => c.key)).toContain(`files/${photo.id}`);
      expect(bob.holdsFileContent(photo.id)).toBe(true);
      // Settling the conflict for the removal takes the content out, as removing the file does.
      const removal = shown.conflicts
        .find((c) => c.key === `files/${photo.id}`)!
        .candidates.find((w) => w.value === null)!;
      bob.resolveConflict(caseId, `files/${photo.id}`, removal.opId);
      expect(bob.getCase(caseId).files.map((f) => f.id)).not.toContain(photo.id);
      expect(bob.holdsFileContent(photo.id)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes the content out when the removal is the later of a removal and a rename', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
      const { caseId, photo } = caseWithPhoto();
      await sendToBob('a.crossing', caseId);
      vi.setSystemTime(new Date('2026-01-01T11:00:00Z'));
      bob.updateFile(photo.id, { caption: 'left forearm' });
      vi.setSystemTime(new Date('2026-01-01T12:00:00Z'));
      alice.removeFile(photo.id);
      await sendToBob('b.crossing', caseId);
      expect(bob.getCase(caseId).files.map((f) => f.id)).not.toContain(photo.id);
      expect(bob.holdsFileContent(photo.id)).toBe(false);
      expect(bob.check()).toMatchObject({ files: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
