import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeTestService, TEST_PASSPHRASE } from '../service/testing.js';
import { makeTempDir } from '../testing/tempDir.js';
import { keepDraft, listDrafts } from './caseDrafts.js';
import { Vault } from './vault.js';

const services: Array<{ cleanup: () => void }> = [];
function setup() {
  const t = makeTestService({ now: () => new Date('2026-12-02T14:05:00Z') });
  services.push(t);
  return t;
}
afterEach(() => {
  for (const t of services.splice(0)) t.cleanup();
});

describe('case drafts', () => {
  it('keeps one sealed draft per case across a lock, until it is discarded', async () => {
    const t = setup();
    await t.createVault();
    const { id } = await t.call('createCase', { input: { alias: 'Магомед И.' } });
    await t.call('keepDraft', { caseId: id, subject: 'Магомед И.', body: '{"v":1}' });
    await t.call('keepDraft', { caseId: id, subject: 'Магомед И.', body: '{"v":2}' });
    t.service.lock('idle');
    await t.call('unlockVault', { method: 'passphrase', passphrase: TEST_PASSPHRASE });
    expect((await t.call('listDrafts', {})).drafts).toEqual([
      { caseId: id, subject: 'Магомед И.', savedAt: '2026-12-02T14:05:00.000Z', body: '{"v":2}' },
    ]);
    await t.call('discardDraft', { caseId: id });
    expect((await t.call('listDrafts', {})).drafts).toEqual([]);
  });

  it('are refused while the vault is locked', async () => {
    const t = setup();
    await t.createVault();
    t.service.lock('panic');
    const response = await t.service.handle('keepDraft', { caseId: 'x', subject: 'x', body: '{}' });
    expect(response).toMatchObject({ ok: false, error: { code: 'auth' } });
  });

  it('go with the case when it is purged, and the vault still checks clean', async () => {
    const temp = makeTempDir('crossing-drafts-');
    services.push(temp);
    const file = path.join(temp.dir, 'v.crossing-vault');
    const { vault } = await Vault.create(file, {
      passphrase: TEST_PASSPHRASE,
      kdf: 'interactive',
      displayName: 'Test',
    });
    const [doomed, kept] = vault.addCases([{ alias: 'Luiza' }, { alias: 'Aset' }]);
    keepDraft(vault, { caseId: doomed!, subject: 'Luiza', savedAt: 'then', body: '{}' });
    keepDraft(vault, { caseId: kept!, subject: 'Aset', savedAt: 'then', body: '{}' });
    vault.purgeCase(doomed!);
    expect(listDrafts(vault).map((d) => d.caseId)).toEqual([kept]);
    vault.lock();
    const reopened = await Vault.open(file, { passphrase: TEST_PASSPHRASE });
    expect(listDrafts(reopened).map((d) => d.subject)).toEqual(['Aset']);
    expect(reopened.check().cases).toBe(1);
    reopened.lock();
  });
});
