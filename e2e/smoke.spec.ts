import { expect, test, waitReady } from './fixtures.js';
import { GatePage } from './models/GatePage.js';
import { WorkspacePage } from './models/WorkspacePage.js';

const PASSPHRASE = 'seven tired owls cross the river';

test('create a vault, add a case, lock, unlock, and the case is there', async ({ app }) => {
  const { page } = app;
  await waitReady(page, 'create');
  const gate = new GatePage(page);
  const recoveryKey = await gate.createVault('Aset', PASSPHRASE);
  expect(recoveryKey.length).toBeGreaterThan(20);

  const workspace = new WorkspacePage(page);
  await workspace.addCase('Zelimkhan');
  await workspace.goTo('cases');
  await expect(workspace.caseRow('Zelimkhan')).toBeVisible();

  await workspace.lock();
  await expect(workspace.caseRow('Zelimkhan')).toHaveCount(0);
  await gate.unlock(PASSPHRASE);
  await workspace.goTo('cases');
  await expect(workspace.caseRow('Zelimkhan')).toBeVisible();
});

test('a wrong passphrase is refused and the vault stays locked', async ({ app }) => {
  const { page, control } = app;
  await control.value('createVault', { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Aset' });
  await control.value('lockVault', {});
  await page.reload();
  await waitReady(page, 'unlock');
  const gate = new GatePage(page);
  await gate.fillUnlock('not the passphrase at all');
  await expect(gate.wrongPassphrase).toBeVisible();
  expect((await control.value('getAppState', {})).unlocked).toBe(false);
});

test('a panic lock from outside takes the app back to the unlock screen', async ({ app }, testInfo) => {
  testInfo.skip(testInfo.project.metadata.target !== 'harness', 'the harness simulates the lock event');
  const { page, control } = app;
  await waitReady(page, 'create');
  await new GatePage(page).createVault('Aset', PASSPHRASE);
  await control.lock('panic');
  await waitReady(page, 'unlock');
});
