import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from './vault.js';

/** Purge: the case's ops leave the file, a tombstone stays, and no merge brings them back. */
const PASSPHRASE = 'purge test passphrase';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('crossing-purge-')));
afterEach(() => cleanup());

it('removes every op of the case from every segment, keeps the others, and blocks re-merging', async () => {
  const file = path.join(dir, 'v.crossing-vault');
  const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf: 'interactive' });
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
