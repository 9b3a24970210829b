import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { runChildVault } from './testing/childVault.js';
import { Vault } from './vault.js';

/** Purge: the case's ops leave the file, a tombstone stays, and no merge brings them back. */
const PASSPHRASE = 'purge test passphrase';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('crossing-purge-')));
afterEach(() => cleanup());

it('removes every op of the case from every segment, keeps the others, and blocks re-merging', async () => {
  const file = path.join(dir, 'v.crossing-vault');
  const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
  const ids = vault.addCases(Array.from({ length: 30 }, (_, i) => ({ alias: `case ${i}`, notes: ['x'.repeat(3000)] })));
  const doomed = ids[7]!;
  // Ops of the doomed case spread over a large segment and several small ones.
  for (let i = 0; i < 5; i++) {
    vault.addNote(doomed, `later note ${i}`);
    vault.addNote(ids[8]!, `other note ${i}`);
  }
  const doomedOps = [...vault.caseOps(doomed)];
  const keptSnapshot = ids.filter((id) => id !== doomed).map((id) => vault.getCase(id));
  const opsBefore = vault.opCount;

  expect(vault.purgeCase(doomed, '2025-05-05T00:00:00.000Z')).toBe(doomedOps.length);
  expect(vault.isTombstoned(doomed)).toBe(true);
  expect(() => vault.getCase(doomed)).toThrow();
  expect(vault.opCount).toBe(opsBefore - doomedOps.length);
  expect(vault.mergeOps(doomedOps)).toEqual([]);
  vault.lock();

  const reopened = await Vault.open(file, { passphrase: PASSPHRASE });
  expect(reopened.check()).toMatchObject({ ops: opsBefore - doomedOps.length, cases: 29 });
  for (const op of doomedOps) expect(reopened.heldOpIds(op.caseId).has(op.id)).toBe(false);
  expect(ids.filter((id) => id !== doomed).map((id) => reopened.getCase(id))).toEqual(keptSnapshot);
  expect(reopened.mergeOps(doomedOps)).toEqual([]);
  expect(reopened.compact()).toBeGreaterThanOrEqual(0);
  expect(reopened.check().ops).toBe(opsBefore - doomedOps.length);
  expect(() => reopened.purgeCase('AAAAAAAAAAAAAAAAAAAAAA')).toThrow(/no case/);
  reopened.lock();
});

/**
 * Issue 10, finding 5: purged segments stayed whole in the WAL and the main file until the next
 * clean close, longer still while another connection held the vault. The purge now checkpoints
 * with TRUNCATE, waiting for readers on an older snapshot (up to the busy timeout).
 */
it('leaves no byte of the purged sealed rows in the vault, its WAL or its SHM, even with a reader open', async () => {
  const file = path.join(dir, 'v.crossing-vault');
  const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Test' });
  const ids = vault.addCases(Array.from({ length: 5 }, (_, i) => ({ alias: `case ${i}`, notes: ['y'.repeat(2000)] })));
  const doomed = ids[2]!;
  for (let i = 0; i < 4; i++) vault.addNote(doomed, `note ${i} ${'z'.repeat(500)}`);
  vault.lock();

  // A second process opens the vault for reading and holds its snapshot for a while.
  const reader = runChildVault(
    `const v = await Vault.open(vaultPath, { passphrase }, { readOnly: true });
     say('reading ' + v.caseCount);
     await new Promise((r) => setTimeout(r, 1500));
     v.lock();`,
    file,
    PASSPHRASE,
  );
  const writer = await Vault.open(file, { passphrase: PASSPHRASE });
  // Every sealed row that holds an op of the doomed case (and the index snapshot, which names it).
  const sealedBefore = (() => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare('SELECT sealed FROM op_segments UNION ALL SELECT sealed FROM index_snapshot')
        .all()
        .map((r) => Buffer.from((r as { sealed: Buffer }).sealed));
    } finally {
      db.close();
    }
  })();
  await reader.waitFor('reading 5');
  expect(writer.purgeCase(doomed)).toBeGreaterThan(0);

  const leftovers: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const bytes = fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix) : Buffer.alloc(0);
    sealedBefore.forEach((sealed, n) => {
      // Three 32-byte windows of each row: its start, middle and end.
      for (const at of [0, Math.floor(sealed.length / 2), sealed.length - 32]) {
        if (bytes.includes(sealed.subarray(at, at + 32))) leftovers.push(`row ${n} at ${at} in ${suffix || 'vault'}`);
      }
    });
  }
  const kept = new Set(writer.allOps().map((op) => op.caseId));
  expect(kept.has(doomed)).toBe(false);
  // Rows of other cases were rewritten too (new ids, new nonces): none of the old bytes may remain.
  expect(leftovers).toEqual([]);
  expect(fs.statSync(`${file}-wal`).size).toBe(0);
  writer.lock();
  expect((await reader.done).code).toBe(0);
});
