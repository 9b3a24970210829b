import { expect, test } from './fixtures.js';
import { openDemoVault, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { CasesPage } from './models/casesPage.js';

test('filters, sorts and finds a Latin name from a Cyrillic query', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  for (const input of [
    { alias: 'Akhmed Khasanov', risk: 'critical' as const, passport: 'confiscated' as const },
    { alias: 'Zarema', risk: 'low' as const, passport: 'held' as const, otherNames: ['Зарема'] },
    { alias: 'Ruslan', risk: 'high' as const, passport: 'destroyed' as const },
  ])
    await control.value('createCase', { input });
  await page.reload();
  const cases = new CasesPage(page);
  await expect(cases.rows).toHaveCount(3);

  // Cyrillic query, Latin name.
  await cases.search.fill('Ахмед');
  await expect(cases.rows).toHaveCount(1);
  await expect(cases.row('Akhmed Khasanov')).toBeVisible();
  await cases.search.fill('');
  await expect(cases.rows).toHaveCount(3);

  // Saved filters and per-field filters.
  await cases.preset('Passport confiscated').click();
  await expect(cases.rows).toHaveCount(1);
  await cases.preset('All cases').click();
  await cases.filter('Risk', 'High');
  await expect(cases.rows).toHaveCount(1);
  await expect(cases.row('Ruslan')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Sorting by alias, both ways.
  await page.getByRole('columnheader', { name: 'Alias' }).getByRole('button').click();
  await expect(cases.rows.first()).toContainText('Akhmed Khasanov');
  await page.getByRole('columnheader', { name: 'Alias' }).getByRole('button').click();
  await expect(cases.rows.first()).toContainText('Zarema');

  // Nothing matches: said in words.
  await cases.search.fill('nobody-by-this-name');
  await expect(page.getByText('No case matches these filters.')).toBeVisible();
});

test('shows a realistic vault, virtualized, and passes axe', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemoVault(page, control, { cases: 150 });
  const cases = new CasesPage(page);
  await expect(cases.count()).toHaveText('150 cases');
  // Only the rows in view exist in the DOM.
  expect(await cases.rows.count()).toBeLessThan(60);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'cases', 'en');

  // Keyboard: Ctrl+F focuses the search.
  await page.keyboard.press('Control+KeyF');
  await expect(cases.search).toBeFocused();
});
