import { expect, test } from './fixtures.js';
import { goTo, openDemoVault, openVault, saveScreen } from './models/app.js';
import { CasesPage } from './models/casesPage.js';
import { expectNoAxeViolations } from './models/axe.js';

test('moving a card changes the stage (menu, keyboard and drag)', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  const { id } = await control.value('createCase', { input: { alias: 'Movsar', risk: 'high' } });
  await control.value('createCase', { input: { alias: 'Petimat', stage: 'shelter' } });
  await goTo(page, 'board');
  const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(column('Intake').getByRole('button', { name: 'Movsar' })).toBeVisible();
  await expectNoAxeViolations(page);

  // With its menu.
  await page.getByLabel('Stage of Movsar').selectOption({ label: 'Verification' });
  await expect(column('Verification').getByRole('button', { name: 'Movsar' })).toBeVisible();

  // With the keyboard: Alt+→ moves one stage on, and the card keeps focus in its new column, so the
  // next Alt+← or → moves it again.
  await column('Verification').getByRole('button', { name: 'Movsar' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(column('Shelter').getByRole('button', { name: 'Movsar' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(column('Documents').getByRole('button', { name: 'Movsar' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(column('Shelter').getByRole('button', { name: 'Movsar' })).toBeFocused();

  // By dragging.
  await column('Shelter').getByRole('button', { name: 'Movsar' }).dragTo(column('Documents'));
  await expect(column('Documents').getByRole('button', { name: 'Movsar' })).toBeVisible();

  const { case: moved } = await control.value('getCase', { id });
  expect(moved.fields.stage).toBe('documents');
  await saveScreen(page, 'board', 'en');
});

test('a column shows its 60 latest cards and opens the rest in the case list', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  // 500 invented cases: more than 60 of them have arrived.
  await openDemoVault(page, control, { cases: 500 });
  await goTo(page, 'board');
  const arrived = page.getByRole('region', { name: /^Arrived/ });
  await expect(arrived.locator('.board-card')).toHaveCount(60);
  const total = Number((await arrived.getByRole('heading').textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(60);
  const more = arrived.getByRole('button', { name: `${total - 60} more cases — show in the list` });
  await expect(more).toBeVisible();
  await expectNoAxeViolations(page);

  await more.click();
  const cases = new CasesPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(cases.count()).toHaveText(`${total} cases`);
  const stage = page.getByRole('group', { name: 'Filters' }).locator('summary', { hasText: 'Stage' });
  await expect(stage).toContainText('1');
  await stage.click();
  await expect(page.getByRole('group', { name: 'Stage' }).getByRole('checkbox', { name: 'Arrived' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(cases.rows.first()).toContainText('Arrived');
});
