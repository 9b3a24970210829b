import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService } from './testing.js';

/** Issue 13: backup and restore from the app, and "last backup N days ago". */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function service(name: string) {
  const t = makeTestService({ now: () => new Date('2026-12-03T09:00:00Z') });
  cleanups.push(t.cleanup);
  await t.createVault(name);
  return t;
}

describe('vault service: backup and restore', () => {
  it('backs up where the person chooses, says when, and restores into this vault or a new one', async () => {
    const old = await service('Aset');
    await old.call('createCase', { input: { alias: 'Магомед' } });
    expect(await old.call('getBackupState', {})).toEqual({ lastBackupAt: null, changedSinceSaved: true });
    const file = path.join(old.dir, 'backup.crossing');
    old.answers.saveFile.push(file);
    const made = await old.call('backupVault', {});
    expect(made).toMatchObject({ savedAs: file, cases: 1 });
    expect(await old.call('getBackupState', {})).toEqual({
      lastBackupAt: '2026-12-03T09:00:00.000Z',
      changedSinceSaved: false,
    });

    // Restored into this vault: nothing new.
    old.answers.openImport.push(file);
    const { file: token } = await old.call('chooseImportFile', {});
    expect(await old.call('restoreBackup', { token: token!.token })).toMatchObject({ newOps: 0, cases: 1 });

    // The laptop is lost: a new vault restores it with the old vault's secret identity.
    const identityFile = path.join(old.dir, 'identity.txt');
    old.answers.saveFile.push(identityFile);
    await old.call('saveSecretIdentity', {});
    expect(fs.statSync(identityFile).mode & 0o777).toBe(0o600);
    const fresh = await service('Aset again');
    fresh.answers.openImport.push(file);
    const chosen = (await fresh.call('chooseImportFile', {})).file!;
    expect(await fresh.service.handle('restoreBackup', { token: chosen.token })).toMatchObject({
      ok: false,
      error: { code: 'rejected' },
    });
    const restored = await fresh.call('restoreBackup', {
      token: chosen.token,
      identity: fs.readFileSync(identityFile, 'utf8'),
    });
    expect(restored).toMatchObject({ cases: 1, newOps: expect.any(Number) });
    expect(restored.newOps).toBeGreaterThan(0);
  });
});
