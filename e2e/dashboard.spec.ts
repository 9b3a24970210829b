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
  // Two cases: no count in the saved report is exact, and the report says why.
  expect(report).toContain('Totals,All cases,<5');
  expect(report).toContain('By refuge country,Germany,<5');
  expect(report).toContain('Counts from 1 to 4 are shown as <5');
  expect(report.split('\n').filter((line) => /,[1-4]$/.test(line))).toEqual([]);
  await saveScreen(page, 'dashboard', 'en');
});

test('the saved report speaks the UI’s language', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control, { lang: 'ru' });
  for (let i = 0; i < 6; i++)
    await control.value('createCase', { input: { alias: `Дело ${i}`, stage: 'arrived', refugeCountry: 'DE' } });
  await goTo(page, 'dashboard');
  await page.getByRole('button', { name: 'Сохранить отчёт (CSV)' }).click();
  await expect(page.getByRole('status').getByText(/Отчёт сохранён/)).toBeVisible();
  const [file] = fs.readdirSync(control.outDir);
  const report = fs.readFileSync(`${control.outDir}/${file}`, 'utf8');
  expect(report.split('\n')[0]).toBe('Раздел,Показатель,Дел');
  expect(report).toContain('Итого,Всего дел,6');
  expect(report).toContain('По стране убежища,Германия,6');
  expect(report).toContain('По этапам,Прибыл(а),6');
  expect(report).toContain('Числа от 1 до 4 показаны как <5');
  expect(report).not.toMatch(/byStage|arrived|totals/);
});
