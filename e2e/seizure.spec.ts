import { expect, test, waitReady } from './fixtures.js';
import { PASSPHRASE, goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

/** Issue 14 in the UI: quick erase with its countdown, the duress passphrase, the wipe, recovery shares. */
const DURESS = 'a quiet field of rye at dawn';

test('quick erase: the countdown any key cancels, then the shortcut erases to the first-run screen', async ({
  app,
}) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  await control.value('createCase', { input: { alias: 'Магомед И.' } });
  await goTo(page, 'settings');
  const panel = page.getByRole('region', { name: 'If the laptop is taken' });
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByText('There has been no backup or export of these cases')).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreen(page, 'settings-seizure', 'en');

  await panel.getByRole('button', { name: 'Erase this vault…' }).click();
  const countdown = page.getByRole('alertdialog', { name: 'Erasing this vault' });
  await expect(countdown).toBeVisible();
  await expect(countdown.getByTestId('erase-seconds')).toHaveText(/^[45]$/);
  await expect(countdown.getByText(/everything in this vault will be lost/)).toBeVisible();
  await saveScreen(page, 'erase-countdown', 'en');
  await page.keyboard.press('Shift');
  await expect(countdown).toBeHidden();
  // Cancelled: well past the five seconds, the vault is still there and open.
  await page.waitForTimeout(5500);
  expect(await control.value('getAppState', {})).toMatchObject({ vaultExists: true, unlocked: true });

  // The emergency shortcut, chosen by pressing it, starts the same countdown; let it run out.
  const recorder = panel.getByRole('button', { name: 'Emergency erase shortcut' });
  await recorder.click();
  await page.keyboard.press('Control+Alt+KeyE');
  await expect(recorder).toHaveText('Ctrl+Alt+E');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await control.value('getSettings', {})).eraseShortcut).toBe('CommandOrControl+Alt+E');
  await goTo(page, 'cases');
  await page.keyboard.press('Control+Alt+KeyE');
  await expect(page.getByRole('alertdialog', { name: 'Erasing this vault' })).toBeVisible();
  await waitReady(page, 'create');
  expect(await control.value('getAppState', {})).toMatchObject({ vaultExists: false, unlocked: false });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('duress passphrase (Russian, 1024×700): set in Settings, typed at unlock it erases and says only "wrong"', async ({
  app,
}) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru' });
  await goTo(page, 'settings');
  const form = page.getByRole('form', { name: 'Парольная фраза под принуждением' });
  await form.scrollIntoViewIfNeeded();
  await form.getByLabel('Текущая парольная фраза').fill(PASSPHRASE);
  await form.getByLabel('Парольная фраза под принуждением', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Повторите парольную фразу под принуждением').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Задать' }).click();
  await expect(form.getByText('должна отличаться от парольной фразы хранилища')).toBeVisible();
  await form.getByLabel('Парольная фраза под принуждением', { exact: true }).fill(DURESS);
  await form.getByLabel('Повторите парольную фразу под принуждением').fill(DURESS);
  await form.getByRole('button', { name: 'Задать' }).click();
  await expect(form.getByTestId('duress-status')).toHaveText('Парольная фраза под принуждением задана.');
  await saveScreen(page, 'settings-seizure-1024', 'ru');

  await page.keyboard.press('Control+KeyL');
  await waitReady(page, 'unlock');
  await page.getByLabel('Парольная фраза').fill('совсем не та фраза');
  await page.keyboard.press('Enter');
  const wrong = page.getByText('Неверная парольная фраза.');
  await expect(wrong).toBeVisible();
  await page.getByLabel('Парольная фраза').fill(DURESS);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Разблокировать' })).toBeEnabled();
  await expect(wrong).toBeVisible();
  expect(await control.value('getAppState', {})).toMatchObject({ vaultExists: false });
});

test('wipe after failed unlocks: the unlock screen counts down the last attempts', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru' });
  await goTo(page, 'settings');
  await page.getByLabel('Удалить хранилище после').selectOption('5');
  await expect.poll(async () => (await control.value('getSeizureState', {})).wipeAfter).toBe(5);
  await page.keyboard.press('Control+KeyL');
  await waitReady(page, 'unlock');
  for (const guess of ['первая', 'вторая']) {
    await page.getByLabel('Парольная фраза').fill(guess);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Разблокировать' })).toBeEnabled();
  }
  await expect(page.getByTestId('attempts-left')).toHaveText('Осталось 3 попытки, затем хранилище будет удалено.');
  await saveScreen(page, 'unlock-attempts-left', 'ru');
  await page.getByLabel('Парольная фраза').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await waitReady(page, 'app');
});

test('recovery shares: shown first, then they replace the recovery key and two of them unlock', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  await goTo(page, 'settings');
  await page.getByRole('button', { name: 'Make shares…' }).click();
  const texts = await Promise.all([1, 2, 3].map((n) => page.getByTestId(`share-${n}`).textContent()));
  const replace = page.getByRole('button', { name: 'Replace the recovery key with these shares' });
  await expect(replace).toBeDisabled();
  await page.getByLabel('Every share is written down or printed').check();
  await page.getByTestId('share-1').scrollIntoViewIfNeeded();
  await saveScreen(page, 'recovery-shares', 'en');
  await replace.click();
  await expect(page.getByRole('status').getByText('The recovery key is replaced')).toBeVisible();

  await page.keyboard.press('Control+KeyL');
  await waitReady(page, 'unlock');
  await page.getByRole('button', { name: 'Recovery shares' }).click();
  await page.getByLabel('Share 1').fill(texts[2]!);
  await page.getByLabel('Share 2').fill(texts[0]!.replace(/-/g, ' ').toLowerCase());
  await saveScreen(page, 'unlock-shares', 'en');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await waitReady(page, 'app');
});

test('Russian at 1440×900: the panel, the countdown and shares that are dropped change nothing', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control, { lang: 'ru' });
  await goTo(page, 'settings');
  const panel = page.getByRole('region', { name: 'Если ноутбук изымут' });
  await panel.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page);
  await saveScreen(page, 'settings-seizure', 'ru');
  await panel.getByRole('button', { name: 'Удалить хранилище…' }).click();
  const countdown = page.getByRole('alertdialog', { name: 'Удаление хранилища' });
  await expect(countdown.getByText('Нажмите любую клавишу или щёлкните, чтобы отменить.')).toBeVisible();
  await saveScreen(page, 'erase-countdown', 'ru');
  await page.mouse.click(10, 10);
  await expect(countdown).toBeHidden();

  await panel.getByLabel('Долей').selectOption('5');
  await panel.getByLabel('Нужно для входа').selectOption('3');
  await panel.getByRole('button', { name: 'Создать доли…' }).click();
  await expect(panel.getByText('любые 3 из этих 5 долей открывают хранилище')).toBeVisible();
  await page.getByTestId('share-5').scrollIntoViewIfNeeded();
  await saveScreen(page, 'recovery-shares', 'ru');
  await panel.getByRole('button', { name: 'Отказаться' }).click();
  await expect(panel.getByRole('button', { name: 'Создать доли…' })).toBeVisible();
  expect(await control.value('getAppState', {})).toMatchObject({ vaultExists: true, unlocked: true });
});
