import { expect, test } from './fixtures.js';
import { openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { CasePage } from './models/casePage.js';

test('adds a case with the keyboard, edits it with inline validation, and shows its history', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await openVault(page, control);

  // Ctrl+N opens intake; an empty alias is refused inline.
  await page.keyboard.press('Control+KeyN');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByText('Enter an alias (up to 200 characters).')).toBeVisible();
  await page.getByLabel('Alias').fill('Luiza');
  await page.getByLabel('First note (from the call)').fill('Called from a friend’s phone.');
  await page.getByRole('button', { name: 'Open case' }).click();

  const kase = new CasePage(page);
  await expect(kase.title).toHaveText('Luiza');
  await expectNoAxeViolations(page);

  // Inline validation: a year that is not a year.
  await kase.field('Year of birth').fill('19x5');
  await expect(page.getByText('A four-digit year, not later than this year.')).toBeVisible();
  await kase.field('Year of birth').fill('1995');
  await expect(page.getByText('A four-digit year, not later than this year.')).toHaveCount(0);

  await kase.field('Travel passport').selectOption({ label: 'Confiscated' });
  await kase.field('Stage').selectOption({ label: 'Shelter' });
  await kase.field('Refuge country').selectOption({ label: 'Germany' });
  await page.getByRole('checkbox', { name: 'Legal' }).check();

  // A contact with a safety note, and a task that is already overdue.
  await page.getByRole('button', { name: '+ Add contact' }).click();
  await page.getByLabel('Number / username').fill('@luiza_safe');
  await page.getByLabel('Safety note').fill('brother reads this phone');
  await page.getByRole('button', { name: '+ Add task' }).click();
  await page.getByLabel('Task', { exact: true }).fill('Apply for travel document');
  await page.getByLabel('Due').fill('2024-01-15');
  await kase.save();
  await expect(page.getByText(/Overdue since/)).toBeVisible();

  // Closing requires a reason.
  await kase.field('Stage').selectOption({ label: 'Closed' });
  await expect(page.getByText('Choose why the case is closed.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await kase.field('Stage').selectOption({ label: 'Shelter' });

  // Every change is in the timeline: who, when, what.
  await expect(kase.timeline.getByText('Travel passport: Unknown → Confiscated')).toBeVisible();
  await expect(kase.timeline.getByText('Stage: Intake → Shelter')).toBeVisible();
  await expect(kase.timeline.getByText('Called from a friend’s phone.')).toBeVisible();
  await saveScreen(page, 'case', 'en');

  const stored = await control.value('queryCases', { filter: { search: 'Luiza' } });
  expect(stored.rows[0]).toMatchObject({
    passport: 'confiscated',
    stage: 'shelter',
    refugeCountry: 'DE',
    overdueTasks: 1,
  });
});

test('user text is data: markup in an alias or a note shows as text', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  const evil = '<img src=x onerror="document.body.dataset.pwned=1"><script>document.body.dataset.pwned=2</script>';
  const { id } = await control.value('createCase', { input: { alias: evil, notes: [`<b>bold?</b> ${evil}`] } });
  await page.reload();
  await page.getByRole('button', { name: evil, exact: true }).click();
  const kase = new CasePage(page);
  await expect(kase.title).toHaveText(evil);
  await expect(kase.timeline.getByText(`<b>bold?</b> ${evil}`)).toBeVisible();
  await page.getByRole('textbox', { name: 'New note' }).fill('<iframe src="javascript:alert(1)"></iframe>');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(kase.timeline.getByText('<iframe src="javascript:alert(1)"></iframe>')).toBeVisible();
  await expect(page.locator('img[src="x"], iframe, b')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  expect(id).toBeTruthy();
});
