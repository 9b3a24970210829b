import fs from 'node:fs';
import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

test('counts, charts and an anonymous report without names', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  await control.value('createCase', { input: { alias: 'Secret Alias One', stage: 'arrived', refugeCountry: 'DE' } });
  await control.value('createCase', {
    input: { alias: 'Secret Alias Two', risk: 'critical', passport: 'confiscated' },
  });
  await goTo(page, 'dashboard');
  const total = page.getByRole('term').filter({ hasText: 'All cases' }).locator('xpath=following-sibling::dd[1]');
  await expect(total).toHaveText('2');
  await expect(page.getByRole('img', { name: /^Pipeline: cases by stage\. Intake: 1/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^By refuge country\. Germany: 1/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Save report (CSV)' }).click();
  await expect(page.getByRole('status').getByText(/Report saved/)).toBeVisible();
  const files = fs.readdirSync(control.outDir).map((f) => `${control.outDir}/${f}`);
  expect(files.length).toBe(1);
  const report = fs.readFileSync(files[0]!, 'utf8');
  expect(report).not.toContain('Secret Alias');
  await saveScreen(page, 'dashboard', 'en');
});
