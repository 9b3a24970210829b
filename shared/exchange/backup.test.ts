import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { backupVault, restoreBackup } from './backup.js';
import { listContacts } from './contacts.js';
import { listImports, listSenderSequences } from './exchangeLog.js';
import { exportCases } from './exportCases.js';
import { importSealedFile } from './importSealedFile.js';
import { listTombstones } from './tombstones.js';
import { casesSnapshot, introduce, makeVault } from './testing/fixtures.js';

let dir: string;
let cleanup: () => void;
const open: Vault[] = [];
const make = async (name: string, file?: string) => {
  const v = await makeVault(dir, name, file ? { file } : {});
  open.push(v);
  return v;
};
beforeEach(() => ({ dir, cleanup } = makeTempDir('crossing-backup-')));
afterEach(() => {
  for (const v of open.splice(0)) v.lock();
  cleanup();
});

it('a backup restored into a new vault loses nothing: cases, conflicts, contacts, tombstones, logs', async () => {
  const alice = await make('Alice');
  const bob = await make('Bob');
  introduce(alice, bob);
  const shared = alice.addCase({
    alias: 'Shared',
    legalName: 'L',
    contacts: [{ channel: 'email', value: 'x@y', safetyNote: null }],
  });
  const gone = alice.addCase({ alias: 'Purged later' });
  await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: path.join(dir, '1.crossing') });
  await importSealedFile(bob, path.join(dir, '1.crossing'));
  alice.updateCase(shared.id, { stage: 'shelter' });
  bob.updateCase(shared.id, { stage: 'exit' });
  await exportCases(bob, { to: ['Alice'], cases: 'all', outFile: path.join(dir, '2.crossing') });
  await importSealedFile(alice, path.join(dir, '2.crossing'));
  alice.purgeCase(gone.id);
  expect(alice.getCase(shared.id).conflicts).toHaveLength(1);

  const out = path.join(dir, 'alice.backup.crossing');
  const made = await backupVault(alice, out);
  expect(made.kind).toBe('backup');
  expect(made.recipients).toEqual([{ name: 'Alice', fingerprint: alice.me.fingerprint }]);

  const fresh = await make('Alice', 'alice-new');
  const restored = await restoreBackup(fresh, out, { ageIdentity: alice.revealAgeIdentity() });
  expect(restored.newOps).toBe(alice.opCount);
  expect(casesSnapshot(fresh)).toBe(casesSnapshot(alice));
  expect(listContacts(fresh)).toEqual(listContacts(alice));
  expect(listTombstones(fresh)).toEqual(listTombstones(alice));
  expect(fresh.isTombstoned(gone.id)).toBe(true);
  expect(listImports(fresh)).toEqual(listImports(alice));
  expect(listSenderSequences(fresh)).toEqual(listSenderSequences(alice));
  // The import log came along: Bob's file is recognised, not merged again.
  expect((await importSealedFile(alice, path.join(dir, '2.crossing'))).status).toBe('already imported');

  // Restoring twice changes nothing; another vault's identity does not open it.
  expect((await restoreBackup(fresh, out, { ageIdentity: alice.revealAgeIdentity() })).newOps).toBe(0);
  await expect(restoreBackup(fresh, out, { ageIdentity: bob.revealAgeIdentity() })).rejects.toMatchObject({
    check: 'decrypt',
  });
  // An ordinary export is not a backup.
  await expect(
    restoreBackup(fresh, path.join(dir, '2.crossing'), { ageIdentity: alice.revealAgeIdentity() }),
  ).rejects.toMatchObject({ check: 'format' });
});

it('a backup imports into its own vault like any self-addressed file', async () => {
  const alice = await make('Alice');
  alice.addCase({ alias: 'Only here' });
  const out = path.join(dir, 'self.crossing');
  await backupVault(alice, out);
  const report = await importSealedFile(alice, out);
  expect(report.sender.self).toBe(true);
  expect(report.newOps).toBe(0);
});
