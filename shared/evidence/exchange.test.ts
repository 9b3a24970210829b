import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backupVault, restoreBackup } from '../exchange/backup.js';
import { findContact } from '../exchange/contacts.js';
import { exportCases, writeBundle } from '../exchange/exportCases.js';
import { importSealedFile } from '../exchange/importSealedFile.js';
import { parseEnvelope } from '../exchange/bundle.js';
import { introduce, makeVault, rowsSnapshot } from '../exchange/testing/fixtures.js';
import { makeTempDir } from '../testing/tempDir.js';
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

const describe = (f: { id: string; size: number; sha256: string }, caseId: string) => ({
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
    files: [{ ...describe(photo, caseId), content: () => [Buffer.alloc(photo.size, 0x41)] }],
    outFile: file('lie.crossing'),
  });
  await expect(importSealedFile(bob, file('lie.crossing'))).rejects.toThrow(
    /refused by the files check: file 1 of the bundle .* does not match its SHA-256.*Nothing was changed/,
  );
  expect(rowsSnapshot(bob)).toBe(before);
});

it('holds the files in a backup, and a restore brings them back', async () => {
  const { photo, scan } = caseWithPhoto();
  await backupVault(alice, file('alice.backup'));
  const fresh = await makeVault(dir, 'Alice again');
  await restoreBackup(fresh, file('alice.backup'), { ageIdentity: alice.revealAgeIdentity() });
  for (const f of [photo, scan]) expect(readAll(fresh.readFile(f.id)).equals(readAll(alice.readFile(f.id)))).toBe(true);
  fresh.lock();
});
