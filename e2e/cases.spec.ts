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

test('back from a case, the list keeps its search, filters, sort and place, paints at once, and shows the edit', async ({
  app,
}) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  const ids = new Map<string, string>();
  for (let i = 1; i <= 120; i++) {
    const alias = `Akhmed ${String(i).padStart(3, '0')}`;
    const { id } = await control.value('createCase', { input: { alias, risk: i % 2 ? 'high' : 'low' } });
    ids.set(alias, id);
  }
  await control.value('createCase', { input: { alias: 'Zarema', risk: 'high' } });
  await page.reload();
  const cases = new CasesPage(page);
  await expect(cases.count()).toHaveText('121 cases');

  await cases.search.fill('Akhmed');
  await cases.filter('Risk', 'High');
  await expect(cases.count()).toHaveText('60 cases');
  const alias = page.getByRole('columnheader', { name: 'Alias' });
  await alias.getByRole('button').click();
  await alias.getByRole('button').click();
  await expect(alias).toHaveAttribute('aria-sort', 'descending');
  await expect(cases.rows.first()).toContainText('Akhmed 119');
  // Down to the 31st row: Akhmed 059 (odd numbers only, from 119 down).
  await cases.scroller.evaluate((el) => el.scrollTo(0, 30 * 36));
  await expect(cases.row('Akhmed 059')).toBeInViewport();
  const place = await cases.scroller.evaluate((el) => el.scrollTop);
  expect(place).toBeGreaterThan(0);

  await cases.open('Akhmed 059');
  await expect(page.getByRole('heading', { level: 1, name: 'Akhmed 059' })).toBeVisible();
  // Changed while the case is open (as a save here would): the list shows it on return.
  await control.value('updateCase', { id: ids.get('Akhmed 059')!, patch: { stage: 'shelter' } });

  // Back: in the very first frame, the rows where the list was, not placeholders and not the top.
  const first = await page.evaluate(async () => {
    const back = document.querySelector<HTMLButtonElement>('.screen-case .screen-head button');
    const started = performance.now();
    back!.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const scroll = document.querySelector('.case-scroll');
    return {
      ms: performance.now() - started,
      top: scroll?.scrollTop,
      placeholders: scroll?.querySelectorAll('.skeleton').length,
      rows: [...(scroll?.querySelectorAll('.row-open') ?? [])].map((b) => b.textContent),
    };
  });
  expect(first.placeholders).toBe(0);
  expect(first.rows).toContain('Akhmed 059');
  expect(first.top).toBe(place);
  expect(first.ms).toBeLessThan(100);
  // The row of the case just left has the focus: the keyboard goes on from there.
  await expect(cases.row('Akhmed 059').locator('.row-open')).toBeFocused();

  await expect(cases.search).toHaveValue('Akhmed');
  await expect(page.getByRole('group', { name: 'Filters' }).locator('summary', { hasText: 'Risk' })).toContainText('1');
  await expect(cases.count()).toHaveText('60 cases');
  await expect(alias).toHaveAttribute('aria-sort', 'descending');
  // Fetched again in the background: the edit shows, in the same place.
  await expect(cases.row('Akhmed 059')).toContainText('Shelter');
  await expect(cases.row('Akhmed 059')).toBeInViewport();
  expect(await cases.scroller.evaluate((el) => el.scrollTop)).toBe(place);
});
