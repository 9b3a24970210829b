import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { AppControl } from '../control.js';
import { expect, waitReady } from '../fixtures.js';

export const PASSPHRASE = 'river-lantern-copper-71';
export type Lang = 'en' | 'ru';

/** A vault created through the contract (fast KDF), the language set, and the page reloaded into the app. */
export async function openVault(page: Page, control: AppControl, options: { lang?: Lang; name?: string } = {}) {
  await control.value('createVault', {
    passphrase: PASSPHRASE,
    kdf: 'interactive',
    displayName: options.name ?? 'Madina',
  });
  await control.value('updateSettings', { language: options.lang ?? 'en' });
  await page.reload();
  await waitReady(page, 'app');
  return control.value('getAppState', {});
}

/**
 * Fills the harness's vault with invented cases from the `crossing demo` command, then unlocks it
 * in the UI. For screenshots that look like a working day, not an empty app.
 */
export async function openDemoVault(page: Page, control: AppControl, options: { lang?: Lang; cases?: number } = {}) {
  const state = await control.value('getAppState', {});
  await promisify(execFile)(
    process.execPath,
    [
      'bin/crossing.js',
      'demo',
      state.vaultPath,
      '--cases',
      String(options.cases ?? 150),
      '--seed',
      '7',
      '--kdf',
      'interactive',
    ],
    { env: { ...process.env, CROSSING_PASSPHRASE: PASSPHRASE, CROSSING_NAME: 'Madina' } },
  );
  await control.value('updateSettings', { language: options.lang ?? 'en' });
  await page.reload();
  await waitReady(page, 'unlock');
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await waitReady(page, 'app');
}

/**
 * The demo vault with one unverified contact (Anzor, a second app's vault), so that Contacts and
 * Exchange show a working day: the page reloaded into the app.
 */
export async function openDemoVaultWithContact(
  page: Page,
  control: AppControl,
  peer: AppControl,
  options: { lang?: Lang; cases?: number } = {},
) {
  await peer.value('createVault', { passphrase: 'peer-passphrase-long-1', kdf: 'interactive', displayName: 'Anzor' });
  await openDemoVault(page, control, options);
  await control.value('addContact', { card: (await peer.value('getKeyCard', {})).card, verified: false });
  await page.reload();
  await waitReady(page, 'app');
}

/** Saves the screen as test-results/screens/<screen>-<lang>.png. */
export async function saveScreen(page: Page, screen: string, lang: Lang) {
  const dir = path.resolve('test-results', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(dir, `${screen}-${lang}.png`) });
}

export const SCREENS = ['cases', 'board', 'dashboard', 'contacts', 'exchange', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** Opens a screen from the sidebar, by position so it works in either language. */
export async function goTo(page: Page, screen: Screen) {
  await page.getByRole('navigation').getByRole('listitem').nth(SCREENS.indexOf(screen)).getByRole('button').click();
}

/** Switches the UI language from Settings, the way a person does it. */
export async function switchLanguage(page: Page, lang: Lang) {
  await goTo(page, 'settings');
  await page.getByRole('button', { name: lang === 'ru' ? 'Русский' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
