import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAgeHeader } from '../exchange/ageHeader.js';
import { backupVault, restoreBackup } from '../exchange/backup.js';
import { BUNDLE_FORMAT_1, bundleBytes, bundleSender, parseEnvelope, signBundle } from '../exchange/bundle.js';
import { exportCases } from '../exchange/exportCases.js';
import { importSealedFile } from '../exchange/importSealedFile.js';
import { ImportRefusedError, openSignedBundle } from '../exchange/openBundle.js';
import { decryptAgeFile, encryptToRecipients, padPlaintext } from '../exchange/seal.js';
import { introduce, makeVault, rowsSnapshot } from '../exchange/testing/fixtures.js';
import { validateOps } from '../exchange/validateOps.js';
import { randomId } from '../crypto/random.js';
import { memorySource } from '../files/byteSource.js';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { storeReceivedFiles } from './bundleFiles.js';

/**
 * Files stream in and out of sealed files (shared/exchange/bundle.ts, format 2): a payload damaged
 * anywhere in a file's bytes — flipped, cut, chunks swapped, changed between the two passes — is
 * refused and leaves the vault as it was; a dry run checks the files too.
 */
const AGE_CHUNK = 64 * 1024;
let dir: string;
let cleanup: () => void;
let alice: Vault;
let bob: Vault;
const file = (name: string) => path.join(dir, name);
const readAll = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((c) => Buffer.from(c)));
const count = (vault: Vault, table: string) =>
  vault.transaction(
    (db: Database.Database) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  );

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-streamed-import-'));
  alice = await makeVault(dir, 'Alice');
  bob = await makeVault(dir, 'Bob');
  introduce(alice, bob);
});
afterEach(() => {
  alice.lock();
  bob.lock();
  cleanup();
});

/** A case with two files spanning several age chunks, exported to Bob; where its files' bytes lie. */
async function exportedCase() {
  const kase = alice.addCase({ alias: 'Zarema' });
  fs.writeFileSync(file('a.bin'), crypto.randomBytes(200_000));
  fs.writeFileSync(file('b.bin'), crypto.randomBytes(300_000));
  const files = alice.addFiles(kase.id, [file('a.bin'), file('b.bin')]);
  await exportCases(alice, { to: ['Bob'], cases: [kase.id], outFile: file('case.crossing') });
  const sealed = new Uint8Array(fs.readFileSync(file('case.crossing')));
  const plain = await decryptAgeFile(sealed, bob.revealAgeIdentity());
  const filesStart = plain.length - parseEnvelope(plain).rest.length;
  const { headerLength } = readAgeHeader(sealed);
  /** The position in the sealed file of a plaintext byte. */
  const sealedOffset = (p: number) =>
    headerLength + 16 + Math.floor(p / AGE_CHUNK) * (AGE_CHUNK + 16) + (p % AGE_CHUNK);
  return { caseId: kase.id, files, sealed, filesStart, headerLength, sealedOffset };
}

/** Imports (or previews) and expects a refusal by one of `checks`, the vault unchanged to the row. */
async function expectRefused(bytes: Uint8Array, checks: string[], options = {}): Promise<ImportRefusedError> {
  fs.writeFileSync(file('damaged.crossing'), bytes);
  const before = { rows: rowsSnapshot(bob), chunks: count(bob, 'file_chunks'), keys: count(bob, 'file_keys') };
  const error = await importSealedFile(bob, file('damaged.crossing'), options).then(
    () => null,
    (e: unknown) => e,
  );
  fs.rmSync(file('damaged.crossing'));
  expect(error).toBeInstanceOf(ImportRefusedError);
  expect(checks).toContain((error as ImportRefusedError).check);
  expect((error as Error).message).toMatch(/Nothing was changed\.$/);
  expect({ rows: rowsSnapshot(bob), chunks: count(bob, 'file_chunks'), keys: count(bob, 'file_keys') }).toEqual(before);
  return error as ImportRefusedError;
}

it('brings every byte across, and a dry run first checks them without writing', async () => {
  const { caseId, files } = await exportedCase();
  const before = rowsSnapshot(bob);
  const preview = await importSealedFile(bob, file('case.crossing'), { dryRun: true });
  expect(preview.status).toBe('preview');
  expect(preview.filesInFile).toBe(2);
  expect(preview.fileBytes).toBe(files.reduce((sum, f) => sum + f.size, 0));
  expect(rowsSnapshot(bob)).toBe(before);
  await importSealedFile(bob, file('case.crossing'));
  for (const f of files) expect(readAll(bob.readFile(f.id)).equals(readAll(alice.readFile(f.id)))).toBe(true);
  expect(bob.getCase(caseId).files).toHaveLength(2);
  expect(count(bob, 'file_keys')).toBe(2);
});

describe('a damaged file region is refused, the vault as it was', () => {
  it('one byte flipped inside the second file', async () => {
    const { sealed, filesStart, sealedOffset } = await exportedCase();
    const damaged = Uint8Array.from(sealed);
    damaged[sealedOffset(filesStart + 200_000 + 150_000)]! ^= 0x01;
    const error = await expectRefused(damaged, ['integrity']);
    expect(error.message).toMatch(/does not authenticate/);
  });

  it('the same, in a dry run', async () => {
    const { sealed, filesStart, sealedOffset } = await exportedCase();
    const damaged = Uint8Array.from(sealed);
    damaged[sealedOffset(filesStart + 1000)]! ^= 0x80;
    await expectRefused(damaged, ['integrity'], { dryRun: true });
  });

  it('cut short inside the files, or at a chunk boundary', async () => {
    const { sealed, filesStart, sealedOffset, headerLength } = await exportedCase();
    await expectRefused(sealed.subarray(0, sealedOffset(filesStart + 250_000)), ['integrity']);
    const chunks = Math.floor((sealed.length - headerLength - 16) / (AGE_CHUNK + 16));
    await expectRefused(sealed.subarray(0, headerLength + 16 + (chunks - 1) * (AGE_CHUNK + 16)), ['integrity']);
  });

  it('two chunks of a file swapped', async () => {
    const { sealed, filesStart, headerLength } = await exportedCase();
    const first = Math.floor(filesStart / AGE_CHUNK) + 1;
    const at = (i: number) => headerLength + 16 + i * (AGE_CHUNK + 16);
    const swapped = Uint8Array.from(sealed);
    swapped.set(sealed.subarray(at(first + 1), at(first + 2)), at(first));
    swapped.set(sealed.subarray(at(first), at(first + 1)), at(first + 1));
    await expectRefused(swapped, ['integrity']);
  });

  it('changed between the check and the write: the transaction rolls back, no chunk of it left', async () => {
    const { sealed, filesStart, sealedOffset } = await exportedCase();
    const bytes = Uint8Array.from(sealed);
    const opened = await openSignedBundle(memorySource(bytes), bob.revealAgeIdentity());
    const checked = validateOps(opened.bundle.ops);
    if (!checked.ok) throw new Error('the ops should be valid');
    const before = { rows: rowsSnapshot(bob), chunks: count(bob, 'file_chunks'), keys: count(bob, 'file_keys') };
    bytes[sealedOffset(filesStart + 200_000 + 290_000)]! ^= 0x01; // late in the second file: the first is written
    expect(() => bob.mergeValidatedOps(checked.ops, (db) => storeReceivedFiles(bob, db, opened))).toThrow(
      /refused by the integrity check/,
    );
    opened.close();
    expect({ rows: rowsSnapshot(bob), chunks: count(bob, 'file_chunks'), keys: count(bob, 'file_keys') }).toEqual(
      before,
    );
  });
});

it('a backup whose file bytes were altered restores nothing', async () => {
  const kase = alice.addCase({ alias: 'Backed up' });
  fs.writeFileSync(file('c.bin'), crypto.randomBytes(180_000));
  alice.addFiles(kase.id, [file('c.bin')]);
  await backupVault(alice, file('alice.backup'));
  const sealed = new Uint8Array(fs.readFileSync(file('alice.backup')));
  const plain = await decryptAgeFile(sealed, alice.revealAgeIdentity());
  const p = plain.length - parseEnvelope(plain).rest.length + 100_000;
  sealed[readAgeHeader(sealed).headerLength + 16 + Math.floor(p / AGE_CHUNK) * (AGE_CHUNK + 16) + (p % AGE_CHUNK)]! ^=
    1;
  fs.writeFileSync(file('damaged.backup'), sealed);
  const fresh = await makeVault(dir, 'Alice again');
  const before = { rows: rowsSnapshot(fresh), chunks: count(fresh, 'file_chunks') };
  await expect(
    restoreBackup(fresh, file('damaged.backup'), { ageIdentity: alice.revealAgeIdentity() }),
  ).rejects.toThrow(/refused by the integrity check: .*does not authenticate/);
  expect({ rows: rowsSnapshot(fresh), chunks: count(fresh, 'file_chunks') }).toEqual(before);
  fresh.lock();
});

describe('format 1 (files as base64 inside the bundle text)', () => {
  async function format1(files?: unknown[]) {
    const kase = alice.addCase({ alias: 'Old' });
    const body = bundleBytes({
      format: BUNDLE_FORMAT_1 as never,
      kind: 'export',
      exportId: randomId(),
      sender: bundleSender(alice.me),
      recipients: [bob.me.fingerprint],
      createdAt: new Date().toISOString(),
      sequence: 1,
      omitted: [],
      ops: [...alice.caseOps(kase.id)],
      ...(files ? { files: files as never } : {}),
    });
    const signed = signBundle(body, alice.signingKeys().secretKey);
    return encryptToRecipients(padPlaintext(signed), [bob.me.ageRecipient]);
  }

  it('without files is still read', async () => {
    fs.writeFileSync(file('old.crossing'), await format1());
    expect((await importSealedFile(bob, file('old.crossing'))).newCases).toHaveLength(1);
  });

  it('with files is refused, naming the problem', async () => {
    const error = await expectRefused(
      await format1([{ fileId: 'f', caseId: 'c', sha256: '0'.repeat(64), content: 'AAAA' }]),
      ['format'],
    );
    expect(error.message).toMatch(/earlier Crossing that carried evidence files inside the bundle text/);
  });
});
