import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
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

  // With the keyboard: Alt+→ moves one stage on.
  await column('Verification').getByRole('button', { name: 'Movsar' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(column('Shelter').getByRole('button', { name: 'Movsar' })).toBeVisible();

  // By dragging.
  await column('Shelter').getByRole('button', { name: 'Movsar' }).dragTo(column('Documents'));
  await expect(column('Documents').getByRole('button', { name: 'Movsar' })).toBeVisible();

  const { case: moved } = await control.value('getCase', { id });
  expect(moved.fields.stage).toBe('documents');
  await saveScreen(page, 'board', 'en');
});
