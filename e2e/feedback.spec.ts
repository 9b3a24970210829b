import { expect, test, waitReady } from './fixtures.js';
import { goTo, openVault, PASSPHRASE } from './models/app.js';

/** Feedback a person can act on: closable toasts, next steps in empty screens, focus that follows moves. */

test('empty screens say what to do next, with a way to do it', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  await expect(page.getByText('No cases yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Open the first case (Ctrl N)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New case');
  await goTo(page, 'exchange');
  await expect(page.getByText('No contacts yet: a file can only be sealed to a contact.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add a contact' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');
  await expect(page.getByText(/Ask a colleague for their key card/)).toBeVisible();
});

test('focus goes to the heading after a move; the skip link and a closable toast', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  const alias = 'Магомед Ибрагимович Исаев-Хасанов из Урус-Мартана';
  await control.value('createCase', { input: { alias } });
  await page.reload();
  await waitReady(page, 'app');

  await goTo(page, 'board');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // A long alias is shown whole in a tooltip wherever it may be cut.
  await expect(page.getByRole('button', { name: alias, exact: true })).toHaveAttribute('title', alias);
  await goTo(page, 'cases');
  await expect(page.getByRole('button', { name: alias, exact: true })).toHaveAttribute('title', alias);
  await page.getByRole('button', { name: alias, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', alias);

  // The skip link comes first, before the navigation, and jumps past it.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^New case/ })
    .focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to the page' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.getByLabel('Current city').fill('Tbilisi');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const toast = page.getByRole('status').getByText('Saved.');
  await expect(toast).toBeVisible();
  // Toasts sit below the screen: they never cover a control.
  const toastBox = (await page.locator('.toasts').boundingBox())!;
  const mainBox = (await page.locator('#main').boundingBox())!;
  expect(toastBox.y).toBeGreaterThanOrEqual(mainBox.y + mainBox.height - 1);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
});

test('the panic shortcut is chosen by pressing it', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  await goTo(page, 'settings');
  const recorder = page.getByRole('button', { name: 'Panic shortcut' });
  await expect(recorder).toHaveText('Ctrl+Shift+L');
  await recorder.click();
  await expect(recorder).toHaveText('Press the keys…');
  // Pressing the current panic keys here chooses them again instead of locking.
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(recorder).toHaveText('Ctrl+Shift+L');
  await waitReady(page, 'app');
  await recorder.click();
  await page.keyboard.press('Control+Alt+KeyP');
  await expect(recorder).toHaveText('Ctrl+Alt+P');
  // The panic shortcut's own Apply (the emergency erase shortcut has one too, further down).
  await page.getByRole('form', { name: 'Panic shortcut' }).getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await control.value('getSettings', {})).panicShortcut).toBe('CommandOrControl+Alt+P');
  await page.keyboard.press('Control+Alt+KeyP');
  await waitReady(page, 'unlock');
  await expect(page.getByText('Locked by the panic shortcut.')).toBeVisible();
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await waitReady(page, 'app');
});
