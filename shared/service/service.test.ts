import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService, TEST_PASSPHRASE } from './testing.js';

const services: Array<{ cleanup: () => void }> = [];
function setup(options: Parameters<typeof makeTestService>[0] = {}) {
  const t = makeTestService(options);
  services.push(t);
  return t;
}
afterEach(() => {
  for (const t of services.splice(0)) t.cleanup();
});

describe('vault service: session', () => {
  it('reports a missing vault, then creates one in the data folder', async () => {
    const t = setup();
    const before = await t.call('getAppState', {});
    expect(before).toMatchObject({ vaultExists: false, unlocked: false, me: null, version: '0.0.0-test' });
    expect(before.vaultPath).toBe(path.join(t.dir, 'vault.crossing-vault'));
    const created = await t.createVault('Aset');
    expect(created.recoveryKey.length).toBeGreaterThan(20);
    expect(created.me.displayName).toBe('Aset');
    const after = await t.call('getAppState', {});
    expect(after).toMatchObject({ vaultExists: true, unlocked: true, me: { displayName: 'Aset' } });
    expect(before.changeNumber).toBeNull();
    // The change number rises with every write: shown in settings, so an older copy can be noticed.
    await t.call('createCase', { input: { alias: 'Zelimkhan' } });
    expect((await t.call('getAppState', {})).changeNumber).toBeGreaterThan(after.changeNumber!);
  });

  it('keeps a case across lock and unlock', async () => {
    const t = setup();
    await t.createVault();
    const { id } = await t.call('createCase', { input: { alias: 'Zelimkhan', risk: 'high' } });
    await t.call('lockVault', {});
    expect(t.events).toEqual([{ event: 'locked', payload: { reason: 'user' } }]);
    const locked = await t.service.handle('queryCases', { filter: {} });
    expect(locked).toEqual({ ok: false, error: { code: 'auth', message: 'the vault is locked', reason: 'locked' } });
    const unlocked = await t.call('unlockVault', { method: 'passphrase', passphrase: TEST_PASSPHRASE });
    expect(unlocked.cases).toBe(1);
    const { rows } = await t.call('queryCases', { filter: {} });
    expect(rows.map((r) => [r.id, r.alias, r.risk])).toEqual([[id, 'Zelimkhan', 'high']]);
  });

  it('refuses a wrong passphrase with an auth error', async () => {
    const t = setup();
    await t.createVault();
    await t.call('lockVault', {});
    const response = await t.service.handle('unlockVault', { method: 'passphrase', passphrase: 'not the passphrase' });
    expect(response).toEqual({
      ok: false,
      error: { code: 'auth', message: 'wrong passphrase', reason: 'wrongPassphrase' },
    });
    expect((await t.call('getAppState', {})).unlocked).toBe(false);
  });

  it('unlocks with the recovery key', async () => {
    const t = setup();
    const { recoveryKey } = await t.createVault();
    t.service.lock('panic');
    expect(t.events.at(-1)).toEqual({ event: 'locked', payload: { reason: 'panic' } });
    await t.call('unlockVault', { method: 'recoveryKey', recoveryKey });
    expect((await t.call('getAppState', {})).unlocked).toBe(true);
  });

  it('changes the passphrase only when the current one is right', async () => {
    const t = setup();
    await t.createVault();
    const wrong = await t.service.handle('changePassphrase', {
      current: 'wrong wrong wrong',
      next: 'a new passphrase here',
      kdf: 'interactive',
    });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'auth', message: 'the current passphrase is wrong', reason: 'wrongCurrentPassphrase' },
    });
    await t.call('changePassphrase', { current: TEST_PASSPHRASE, next: 'a new passphrase here', kdf: 'interactive' });
    await t.call('lockVault', {});
    const old = await t.service.handle('unlockVault', { method: 'passphrase', passphrase: TEST_PASSPHRASE });
    expect(old.ok).toBe(false);
    await t.call('unlockVault', { method: 'passphrase', passphrase: 'a new passphrase here' });
  });

  it('switches to another vault file only when the dialog answers', async () => {
    const t = setup();
    await t.createVault();
    expect(await t.call('chooseOtherVault', {})).toEqual({ vaultPath: null });
    expect((await t.call('getAppState', {})).unlocked).toBe(true);
    const other = path.join(t.dir, 'elsewhere.crossing-vault');
    t.answers.openVault.push(other);
    expect(await t.call('chooseOtherVault', {})).toEqual({ vaultPath: other });
    expect(await t.call('getAppState', {})).toMatchObject({ vaultPath: other, vaultExists: false, unlocked: false });
  });

  it('never overwrites an existing vault', async () => {
    const t = setup();
    await t.createVault();
    const again = await t.service.handle('createVault', {
      passphrase: TEST_PASSPHRASE,
      kdf: 'interactive',
      displayName: 'Again',
    });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe('usage');
  });
});

describe('vault service: boundary', () => {
  it('rejects an unknown channel and names a bad field', async () => {
    const t = setup();
    expect(await t.service.handle('deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'usage', message: 'there is no channel deleteEverything', reason: 'badRequest' },
    });
    const bad = await t.service.handle('createVault', { passphrase: 'x'.repeat(12), kdf: 'fast', displayName: 'A' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('usage');
    expect(!bad.ok && bad.error.message).toMatch(/^createVault: kdf: /);
  });

  it('answers a channel without arguments when given none', async () => {
    const t = setup();
    expect((await t.service.handle('getSettings', undefined)).ok).toBe(true);
  });

  it('turns unexpected errors into a message without a stack', async () => {
    const t = setup();
    await t.createVault();
    fs.rmSync(path.join(t.dir, 'vault.crossing-vault'));
    await t.call('lockVault', {});
    const response = await t.service.handle('unlockVault', { method: 'passphrase', passphrase: TEST_PASSPHRASE });
    expect(response.ok).toBe(false);
    const text = JSON.stringify(response);
    expect(text).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('registers files opened with the app and announces them', () => {
    const t = setup();
    const file = path.join(t.dir, 'from-aset.crossing');
    fs.writeFileSync(file, 'sealed');
    const ref = t.service.openFile(file);
    expect(ref).toEqual({ token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'from-aset.crossing' });
    expect(t.events).toEqual([{ event: 'importFileOpened', payload: ref }]);
  });

  it('says why a file opened with the app cannot be taken, instead of nothing', () => {
    const t = setup();
    fs.mkdirSync(path.join(t.dir, 'folder.crossing'));
    expect(t.service.openFile(path.join(t.dir, 'gone.crossing'))).toBeNull();
    expect(t.service.openFile(path.join(t.dir, 'folder.crossing'))).toBeNull();
    // What `path.resolve` made of a file: URI before main learned to read them.
    expect(t.service.openFile(path.join(process.cwd(), 'file:/home/a/x.crossing'))).toBeNull();
    expect(t.events).toEqual([
      { event: 'fileOpenFailed', payload: { name: 'gone.crossing', reason: 'missing' } },
      { event: 'fileOpenFailed', payload: { name: 'folder.crossing', reason: 'not-a-file' } },
      { event: 'fileOpenFailed', payload: { name: 'x.crossing', reason: 'missing' } },
    ]);
  });
});
