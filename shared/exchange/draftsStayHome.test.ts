import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openFileSource } from '../files/byteSource.js';
import { makeTempDir } from '../testing/tempDir.js';
import { keepDraft, listDrafts } from '../vault/caseDrafts.js';
import type { Vault } from '../vault/vault.js';
import { backupVault, restoreBackup } from './backup.js';
import { exportCases } from './exportCases.js';
import { openSignedBundle } from './openBundle.js';
import { introduce, makeVault } from './testing/fixtures.js';

/**
 * Unsaved drafts are a caseworker's half-typed work: they stay in the vault they were typed in.
 * The bundles are decrypted here, so the check reads what a recipient (or a restore) would read.
 */
let dir: string;
let cleanup: () => void;
const open: Vault[] = [];
beforeEach(() => ({ dir, cleanup } = makeTempDir('crossing-drafts-travel-')));
afterEach(() => {
  for (const v of open.splice(0)) v.lock();
  cleanup();
});

async function bundleText(file: string, ageIdentity: string): Promise<string> {
  const source = openFileSource(file);
  try {
    const opened = await openSignedBundle(source, ageIdentity);
    opened.close();
    return JSON.stringify(opened.bundle);
  } finally {
    source.close();
  }
}

it('no export or backup carries a draft, of a case or of a new-case intake', async () => {
  const alice = await makeVault(dir, 'Alice');
  const bob = await makeVault(dir, 'Bob');
  open.push(alice, bob);
  introduce(alice, bob);
  const kase = alice.addCase({ alias: 'Saved-Alias-Visible' });
  keepDraft(alice, {
    caseId: kase.id,
    subject: 'Saved-Alias-Visible',
    savedAt: '2026-12-02T14:05:00.000Z',
    body: JSON.stringify({ fields: { location: 'Unsaved-Draft-Word-Qx7' } }),
  });
  keepDraft(alice, {
    caseId: 'new-case',
    subject: 'Intake-Subject-Word-Zk3',
    savedAt: '2026-12-02T14:05:00.000Z',
    body: JSON.stringify({ alias: 'Intake-Subject-Word-Zk3', note: 'Intake-Note-Word-Pw9' }),
  });
  const words = ['Unsaved-Draft-Word-Qx7', 'Intake-Subject-Word-Zk3', 'Intake-Note-Word-Pw9', 'caseDrafts'];

  const exported = path.join(dir, 'export.crossing');
  await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: exported });
  const exportText = await bundleText(exported, bob.revealAgeIdentity());
  expect(exportText).toContain('Saved-Alias-Visible'); // the check reads the real bundle
  expect(words.filter((w) => exportText.includes(w))).toEqual([]);

  const backup = path.join(dir, 'backup.crossing');
  await backupVault(alice, backup);
  const backupText = await bundleText(backup, alice.revealAgeIdentity());
  expect(backupText).toContain('Saved-Alias-Visible');
  expect(words.filter((w) => backupText.includes(w))).toEqual([]);

  // And a vault restored from the backup starts with no drafts.
  const fresh = await makeVault(dir, 'Alice again', { file: 'alice-fresh' });
  open.push(fresh);
  await restoreBackup(fresh, backup, { ageIdentity: alice.revealAgeIdentity() });
  expect(listDrafts(fresh)).toEqual([]);
  expect(listDrafts(alice)).toHaveLength(2);
});
