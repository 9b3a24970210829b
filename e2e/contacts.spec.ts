import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

test('adds a contact from a key card, compares the safety number and marks it verified', async ({ openApp }) => {
  const first = await openApp();
  const second = await openApp();
  const { page } = first;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, first.control, { name: 'Madina' });
  await second.control.value('createVault', {
    passphrase: 'another-long-phrase-42',
    kdf: 'interactive',
    displayName: 'Anzor',
  });
  const theirs = await second.control.value('getKeyCard', {});

  await goTo(page, 'contacts');
  // This vault's own card is there to copy or save.
  const myCard = page.getByRole('textbox', { name: "This vault's key card" });
  await expect(myCard).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'Save as file…' }).click();
  await expect(page.getByRole('status').getByText(/Key card saved/)).toBeVisible();

  // A card that is not a card is refused in plain words.
  await page.getByLabel('Key card', { exact: true }).fill('hello, this is not a key card');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('alert')).toContainText('not a valid key card');

  await page.getByLabel('Key card', { exact: true }).fill(theirs.card);
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contact = page.getByRole('listitem').filter({ hasText: 'Anzor' });
  await expect(contact.getByText('Not verified')).toBeVisible();
  const listed = (await first.control.value('listContacts', {})).contacts[0]!;
  // A fixed grid of 3 rows of 4 groups, as `crossing contact list` prints it.
  const grid = contact.getByRole('group', { name: 'Safety number with Anzor' });
  await expect(grid.locator('span')).toHaveText(listed.safetyNumber.split(/\s+/));
  await expectNoAxeViolations(page);

  await contact.getByRole('button', { name: 'Mark Anzor verified' }).click();
  await expect(contact.getByText('Verified', { exact: true })).toBeVisible();
  expect((await first.control.value('listContacts', {})).contacts[0]!.verified).toBe(true);
  await saveScreen(page, 'contacts', 'en');
});

test('Russian, 1024×700: a card added from a file, a contact renamed, then removed with its cases counted', async ({
  openApp,
}) => {
  const first = await openApp();
  const second = await openApp();
  const { page, control } = first;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { name: 'Мадина', lang: 'ru' });
  await second.control.value('createVault', {
    passphrase: 'another-long-phrase-42',
    kdf: 'interactive',
    displayName: 'Anzor',
  });
  const cardFile = path.join(control.outDir, 'anzor-card.txt');
  fs.mkdirSync(control.outDir, { recursive: true });
  fs.writeFileSync(cardFile, (await second.control.value('getKeyCard', {})).card);

  await goTo(page, 'contacts');
  await control.queueDialog('openKeyCard', cardFile);
  await page.getByRole('button', { name: 'Добавить из файла…' }).click();
  await expect(page.getByLabel('Карточка ключа', { exact: true })).toHaveValue(/BEGIN CROSSING KEY CARD/);
  await page.getByRole('button', { name: 'Добавить контакт' }).click();
  const contact = page.getByRole('listitem').filter({ hasText: 'Anzor' });
  await expect(contact.getByText('Не подтверждён')).toBeVisible();
  await expect(page.getByText('Каждая сторона должна добавить и подтвердить карточку другой')).toBeVisible();

  await contact.getByRole('button', { name: 'Переименовать' }).click();
  await contact.getByLabel('Новое имя для Anzor').fill('Анзор (Назрань)');
  await contact.getByRole('button', { name: 'Сохранить имя' }).click();
  const renamed = page.getByRole('listitem').filter({ hasText: 'Анзор (Назрань)' });
  await expect(renamed).toBeVisible();
  const fingerprint = (await control.value('listContacts', {})).contacts[0]!.fingerprint;
  await control.value('createCase', { input: { alias: 'Муса', assignedTo: fingerprint } });
  await goTo(page, 'cases');
  await goTo(page, 'contacts');
  await renamed.getByRole('button', { name: 'Удалить' }).click();
  await expect(renamed.getByText('За ним закреплено 1 дело')).toBeVisible();
  await saveScreen(page, 'contacts-remove-1024', 'ru');
  await renamed.getByRole('button', { name: 'Удалить Анзор (Назрань)' }).click();
  await expect(page.getByRole('status').getByText('За ним осталось 1 дело')).toBeVisible();
  expect((await control.value('listContacts', {})).contacts).toEqual([]);
});
