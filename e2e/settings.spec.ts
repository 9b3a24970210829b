import { expect, test, waitReady } from './fixtures.js';
import { PASSPHRASE, goTo, openVault, saveScreen, switchLanguage } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

test('switches to Russian, dark theme and auto-lock time; settings survive a reload', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  await goTo(page, 'settings');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'settings', 'en');

  await page.getByRole('button', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoAxeViolations(page);
  await page.getByLabel('Lock automatically after').selectOption({ label: '15 minutes' });

  await switchLanguage(page, 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройки');
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Дела', exact: true })).toBeVisible();
  await expect(page.getByLabel('Блокировать автоматически через')).toHaveValue('15');
  await saveScreen(page, 'settings-dark', 'ru');

  await page.reload();
  await waitReady(page, 'app');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await control.value('getSettings', {})).toMatchObject({ language: 'ru', theme: 'dark', autoLockMinutes: 15 });
});

test('changes the passphrase: a wrong current one and a weak new one are refused', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  await goTo(page, 'settings');
  const form = page.getByRole('form', { name: 'Change passphrase' });
  await form.getByLabel('Current passphrase').fill('not it at all, sorry');
  await form.getByLabel('New passphrase').fill('tiny');
  await form.getByLabel('Repeat the passphrase').fill('tiny');
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(form.getByText('Use at least 12 characters and make it harder to guess.')).toBeVisible();

  const next = 'Aprel-Granat-Vishnya-2031';
  await form.getByLabel('New passphrase').fill(next);
  await form.getByLabel('Repeat the passphrase').fill(next);
  await form.getByRole('radio', { name: /^Fast/ }).check();
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(form.getByText('Wrong passphrase.')).toBeVisible();

  await form.getByLabel('Current passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status').getByText('Passphrase changed.')).toBeVisible();

  await page.keyboard.press('Control+KeyL');
  await waitReady(page, 'unlock');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Wrong passphrase.')).toBeVisible();
  await page.getByLabel('Passphrase').fill(next);
  await page.keyboard.press('Enter');
  await waitReady(page, 'app');
});
