import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, makeTestService } from './testing.js';

/** Issue 14 through the service the app calls: the same rows Settings and the unlock screen use. */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function unlockedService() {
  const t = makeTestService();
  cleanups.push(t.cleanup);
  await t.createVault('Aset');
  await t.call('createCase', { input: { alias: 'Магомед' } });
  return t;
}

describe('vault service: when the laptop is taken', () => {
  it('says cases changed since the last backup or full export, and erases to the first-run state', async () => {
    const t = await unlockedService();
    expect(await t.call('getSeizureState', {})).toEqual({
      duressPassphraseSet: false,
      wipeAfter: 0,
      lastSaved: null,
      changedSinceSaved: true,
    });
    const state = await t.call('getAppState', {});
    expect(await t.call('eraseVault', {})).toMatchObject({ removed: expect.any(Number) });
    expect(fs.existsSync(state.vaultPath)).toBe(false);
    expect(await t.call('getAppState', {})).toMatchObject({ vaultExists: false, unlocked: false, attemptsLeft: null });
  });

  it('erases a locked vault too, without its passphrase', async () => {
    const t = await unlockedService();
    await t.call('lockVault', {});
    await t.call('eraseVault', {});
    expect((await t.call('getAppState', {})).vaultExists).toBe(false);
  });

  it('duress set in Settings: at unlock it erases and gets the wrong-passphrase answer', async () => {
    const t = await unlockedService();
    await t.call('setDuressPassphrase', { current: TEST_PASSPHRASE, duress: 'a quiet field of rye at dawn' });
    expect((await t.call('getSeizureState', {})).duressPassphraseSet).toBe(true);
    await t.call('lockVault', {});
    const wrong = await t.service.handle('unlockVault', { method: 'passphrase', passphrase: 'not it at all' });
    const duress = await t.service.handle('unlockVault', {
      method: 'passphrase',
      passphrase: 'a quiet field of rye at dawn',
    });
    expect(duress).toEqual(wrong);
    expect((await t.call('getAppState', {})).vaultExists).toBe(false);
  });

  it('the unlock screen learns the attempts left once three or fewer remain', async () => {
    const t = await unlockedService();
    await t.call('setWipeAfter', { wipeAfter: 5 });
    await t.call('lockVault', {});
    const lefts: Array<number | null> = [];
    for (let i = 0; i < 3; i++) {
      await t.service.handle('unlockVault', { method: 'passphrase', passphrase: `guess ${i}` });
      lefts.push((await t.call('getAppState', {})).attemptsLeft);
    }
    expect(lefts).toEqual([null, 3, 2]);
  });

  it('recovery shares change nothing until confirmed; dropped, the recovery key still works', async () => {
    const t = makeTestService();
    cleanups.push(t.cleanup);
    const { recoveryKey } = await t.createVault('Aset');
    const first = await t.call('splitRecovery', { count: 3, threshold: 2 });
    expect(first.shares.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(await t.call('confirmRecoveryShares', { setId: first.setId, keep: false })).toEqual({ replaced: false });
    await t.call('lockVault', {});
    await t.call('unlockVault', { method: 'recoveryKey', recoveryKey });

    const kept = await t.call('splitRecovery', { count: 3, threshold: 2 });
    expect(await t.call('confirmRecoveryShares', { setId: kept.setId, keep: true })).toEqual({ replaced: true });
    await t.call('lockVault', {});
    expect(await t.service.handle('unlockVault', { method: 'recoveryKey', recoveryKey })).toMatchObject({
      ok: false,
      error: { reason: 'wrongRecoveryKey' },
    });
    const opened = await t.call('unlockVault', {
      method: 'recoveryShares',
      shares: [kept.shares[2]!.text, kept.shares[0]!.text],
    });
    expect(opened.cases).toBe(0);

    // Shown, then the vault locked before they were confirmed: they never take effect.
    const stale = await t.call('splitRecovery', { count: 2, threshold: 2 });
    await t.call('lockVault', {});
    await t.call('unlockVault', { method: 'recoveryShares', shares: [kept.shares[1]!.text, kept.shares[2]!.text] });
    expect(await t.service.handle('confirmRecoveryShares', { setId: stale.setId, keep: true })).toMatchObject({
      ok: false,
      error: { reason: 'badRequest' },
    });
  });
});
