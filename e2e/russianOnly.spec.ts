import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { goTo, openVault, SCREENS } from './models/app.js';

/**
 * Every screen in Russian shows no English word outside what a person typed. Latin letters that
 * belong in Russian text too (the app's name, key names, file formats, messengers) are listed.
 */
const ALLOWED = new Set([
  'Crossing',
  'crossing', // the command's name, as it is typed
  'SSD', // the kind of disk that may keep old copies, named as Russian users know it
  'Ctrl',
  'Alt',
  'Shift',
  'Enter',
  'Esc',
  'CSV',
  'JSON',
  'Signal',
  'Telegram',
  'WhatsApp',
  'email',
  'Email',
  'age',
  'Linux',
  'Windows',
  'macOS',
  'Wayland',
  'X11',
  'D-Bus',
  'AppArmor',
  'Electron',
  'Chromium',
  'Node',
  'js', // of Node.js
  'SHA256SUMS',
  'minisign',
  'deb',
  'NSIS',
  'dmg',
  'ML-KEM',
  'X25519',
  'PDF',
  // The language switch names each language in itself; technical names kept as they are.
  'English',
  'Argon2id',
  'Debian',
  'minisig',
]);

/** Latin words in the visible text, minus user data (form values are not in innerText) and the allowed ones. */
async function englishWords(page: Page, userData: string[]): Promise<string[]> {
  let text = await page.locator('body').innerText();
  for (const value of userData) text = text.split(value).join(' ');
  const words = text.match(/[A-Za-z][A-Za-z0-9-]*[A-Za-z]/g) ?? [];
  // Hexadecimal runs are key fingerprints, which are data in every language.
  // Headings set in capitals by CSS read as CROSSING.
  const allowed = (w: string) => ALLOWED.has(w) || [...ALLOWED].some((a) => a.toUpperCase() === w);
  return [...new Set(words.filter((w) => !allowed(w) && !/^[a-f0-9]+$/i.test(w)))];
}

test('every screen in Russian speaks Russian', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control, { lang: 'ru', name: 'Мадина' });
  const { id } = await control.value('createCase', {
    input: {
      alias: 'Магомед И.',
      stage: 'documents',
      refugeCountry: 'DE',
      tasks: [{ text: 'Позвонить юристу', due: '2024-01-10', done: false }],
      notes: ['Звонил с чужого телефона.'],
    },
  });
  await control.value('updateCase', { id, patch: { risk: 'critical', passport: 'confiscated' } });
  await page.reload();
  // What runs the app and the release key are data, not words.
  const about = await control.value('getAbout', {});
  const { vaultPath } = await control.value('getAppState', {});
  const runtime = [
    about.appVersion,
    about.electron,
    about.chromium,
    about.node,
    about.releasePublicKey,
    about.releaseKeyId,
    vaultPath,
  ].filter((value) => value !== null);
  const found: Record<string, string[]> = {};
  for (const screen of SCREENS) {
    await goTo(page, screen);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    found[screen] = await englishWords(page, runtime);
  }
  // Hand-offs (from the Cases header), empty: what a hand-off is and how to make one.
  await goTo(page, 'cases');
  await page.getByRole('button', { name: 'Передачи', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Передачи');
  found.handoffs = await englishWords(page, []);
  // The hand-off form, with its consent section.
  await goTo(page, 'exchange');
  await page.getByRole('button', { name: 'Передача', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Согласие человека' })).toBeVisible();
  found.handOff = await englishWords(page, []);
  await goTo(page, 'cases');
  await page.getByRole('button', { name: 'Магомед И.', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Магомед И.');
  found.case = await englishWords(page, []);
  await page.keyboard.press('Control+KeyN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новое дело');
  found.newCase = await englishWords(page, []);
  // A refusal from the vault, in Russian, its English detail folded away.
  await goTo(page, 'contacts');
  await page.getByLabel('Карточка ключа', { exact: true }).fill('привет, это не карточка');
  await page.getByRole('button', { name: 'Добавить контакт' }).click();
  await expect(page.getByRole('alert')).toContainText('Это не карточка ключа');
  found.refusal = await englishWords(page, []);
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});
