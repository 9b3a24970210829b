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
  await expect(contact.getByLabel('Safety number with Anzor')).toHaveText(listed.safetyNumber);
  await expectNoAxeViolations(page);

  await contact.getByRole('button', { name: 'Mark Anzor verified' }).click();
  await expect(contact.getByText('Verified', { exact: true })).toBeVisible();
  expect((await first.control.value('listContacts', {})).contacts[0]!.verified).toBe(true);
  await saveScreen(page, 'contacts', 'en');
});
