import { expect, test, waitReady } from './fixtures.js';
import { PASSPHRASE, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

test.describe('create and unlock', () => {
  test('creates a vault, shows the recovery key once, locks and unlocks', async ({ app }) => {
    const { page, control } = app;
    await waitReady(page, 'create');
    await control.value('updateSettings', { language: 'en' });
    await page.reload();
    await waitReady(page, 'create');
    await expect(page.getByRole('heading', { name: 'Create a vault' })).toBeVisible();
    await expectNoAxeViolations(page);

    // A weak passphrase and a mismatch are named inline; nothing is created.
    await page.getByLabel('Your name for contacts').fill('Madina');
    await page.getByLabel('Passphrase', { exact: true }).fill('short');
    await page.getByLabel('Repeat the passphrase').fill('different');
    await page.getByRole('radio', { name: /^Fast/ }).check();
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByText('Use at least 12 characters and make it harder to guess.')).toBeVisible();
    await expect(page.getByText('The two passphrases differ.')).toBeVisible();
    await saveScreen(page, 'create', 'en');
    expect((await control.value('getAppState', {})).vaultExists).toBe(false);

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await expect(page.getByText('Good').or(page.getByText('Strong'))).toBeVisible();
    await page.getByRole('button', { name: 'Create vault' }).click();

    // The recovery key is shown once; the app opens only after "I have written it down".
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
    const recoveryKey = (await page.getByLabel('Recovery key', { exact: true }).inputValue()).trim();
    expect(recoveryKey.length).toBeGreaterThan(20);
    const open = page.getByRole('button', { name: 'Open the vault' });
    await expect(open).toBeDisabled();
    await saveScreen(page, 'recovery-key', 'en');
    await page.getByLabel('I have written it down').check();
    await open.click();
    await waitReady(page, 'app');

    // The lock button is always there.
    await page.getByRole('button', { name: /^Lock/ }).click();
    await waitReady(page, 'unlock');
    await expectNoAxeViolations(page);

    // A wrong passphrase says so and nothing else.
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong passphrase.');
    await saveScreen(page, 'unlock', 'en');

    // The recovery key opens it too.
    await page.getByRole('button', { name: 'Recovery key' }).click();
    await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await waitReady(page, 'app');
  });

  test('locks by shortcut, by the panic signal and by idle time', async ({ app }) => {
    const { page, control } = app;
    await page.clock.install();
    await control.value('createVault', { passphrase: PASSPHRASE, kdf: 'interactive', displayName: 'Zelim' });
    await control.value('updateSettings', { language: 'en', autoLockMinutes: 1 });
    await page.reload();
    await waitReady(page, 'app');

    // Ctrl+L locks at once.
    await page.keyboard.press('Control+KeyL');
    await waitReady(page, 'unlock');
    expect((await control.value('getAppState', {})).unlocked).toBe(false);

    const unlock = async () => {
      await page.getByLabel('Passphrase').fill(PASSPHRASE);
      await page.keyboard.press('Enter');
      await waitReady(page, 'app');
    };
    await unlock();

    // The panic shortcut from Settings locks too.
    await page.keyboard.press('Control+Shift+KeyL');
    await waitReady(page, 'unlock');
    await expect(page.getByText('Locked by the panic shortcut.')).toBeVisible();
    await unlock();

    // Main's idle lock reaches the UI as an event.
    await control.lock('idle');
    await waitReady(page, 'unlock');
    await expect(page.getByText('Locked after a period of inactivity.')).toBeVisible();
    await unlock();

    // And the window's own idle timer locks after the chosen minutes without input.
    await page.clock.fastForward('00:30');
    expect((await control.value('getAppState', {})).unlocked).toBe(true);
    await page.clock.fastForward('00:31');
    await waitReady(page, 'unlock');
    expect((await control.value('getAppState', {})).unlocked).toBe(false);
  });
});
