import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildXlsx } from '../shared/sheets/testing/buildXlsx.js';
import { encodeWindows1251, russianCsvText, russianSheet } from '../shared/sheets/testing/russianSheet.js';
import { expect, test } from './fixtures.js';
import { openVault, saveScreen, type Lang } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { SheetWizard, say } from './models/sheetWizard.js';

/**
 * Onboarding from a network's spreadsheet, through the wizard, in both languages: the Russian Excel
 * CSV (Windows-1251, semicolons) and the XLSX with a title row and date cells, built here by code.
 */
function writeFixtures(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, 'подопечные.csv');
  fs.writeFileSync(csv, encodeWindows1251(russianCsvText()));
  const xlsx = path.join(dir, 'подопечные.xlsx');
  fs.writeFileSync(xlsx, buildXlsx([russianSheet(), { name: 'Архив', rows: [['ФИО'], ['Старое дело']] }]));
  return { csv, xlsx };
}

const SIZES = [
  [1440, 900],
  [1024, 700],
] as const;

for (const [lang, format] of [
  ['en', 'csv'],
  ['ru', 'xlsx'],
] as const satisfies ReadonlyArray<readonly [Lang, 'csv' | 'xlsx']>) {
  test(`imports the Russian ${format} through the wizard in ${lang}, every row accounted for; again is a no-op`, async ({
    app,
  }) => {
    const { page, control } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await openVault(page, control, { lang });
    const files = writeFixtures(path.join(control.outDir, 'sheets'));
    const file = files[format];
    const wizard = new SheetWizard(page, control, lang);
    await wizard.open();
    await wizard.choose(file);
    if (format === 'csv') {
      await expect(page.getByLabel(say(lang, 'sheets.encoding'))).toHaveValue('windows-1251');
      await expect(page.getByLabel(say(lang, 'sheets.delimiter'))).toHaveValue(';');
    } else {
      await expect(page.getByLabel(say(lang, 'sheets.sheet'))).toHaveValue('Подопечные');
    }
    await shoot(page, `sheets-source-${format}`, lang);
    await wizard.next();

    // Columns: the curator stays in the note as proposed; the "№" column is left out by choice.
    const numberColumn = page.getByLabel(say(lang, 'sheets.targetOf', { header: '№' }));
    await expect(page.getByLabel(say(lang, 'sheets.targetOf', { header: 'Статус' }))).toHaveValue('stage');
    await numberColumn.selectOption('skip');
    await shoot(page, 'sheets-columns', lang);
    await wizard.next();

    // Values: every distinct value with its count; one unknown is mapped by hand, one left to the note.
    const unknown = page.getByLabel(say(lang, 'sheets.valueOf', { value: 'непонятно что', header: 'Загранпаспорт' }));
    await expect(unknown).toHaveValue('');
    await unknown.selectOption('unknown');
    await expect(page.getByLabel(say(lang, 'sheets.valueOf', { value: 'ждёт визу', header: 'Статус' }))).toHaveValue(
      'documents',
    );
    await expectNoAxeViolations(page);
    await shoot(page, 'sheets-values', lang);
    await wizard.toPreview();

    await expect(wizard.count('rows')).toHaveText('8');
    await expect(wizard.count('new')).toHaveText('6');
    await expect(wizard.count('refused')).toHaveText('0');
    await expect(page.getByRole('row', { name: /Зарема/ })).toBeVisible();
    await expect(page.getByText(/около 30 лет/)).toBeVisible(); // a date in words, kept and listed
    await expectNoAxeViolations(page);
    await shoot(page, 'sheets-preview', lang);
    expect((await control.value('queryCases', { filter: {} })).total).toBe(0);

    await page.getByRole('button', { name: say(lang, 'sheets.import', { n: 6 }) }).click();
    await expect(page.getByRole('status').filter({ hasText: say(lang, 'sheets.done', { n: 6 }) })).toBeVisible();
    const cases = await control.value('queryCases', { filter: {} });
    expect(cases.total).toBe(6);
    const zarema = cases.rows.find((r) => r.alias === 'Зарема')!;
    expect(zarema).toMatchObject({ passport: 'confiscated', stage: 'documents', refugeCountry: 'DE' });
    const ramzan = await control.value('getCase', { id: cases.rows.find((r) => r.alias === 'Рамзан')!.id });
    expect(ramzan.case.fields.passport).toBe('unknown');
    expect(ramzan.case.notes[0]!.text).toContain('Статус: потерялся в Стамбуле');
    expect(ramzan.case.notes[0]!.text).not.toContain('№');
    await expect(page.getByText(say(lang, 'sheets.removeWarning', { name: path.basename(file) }))).toBeVisible();
    await shoot(page, 'sheets-report', lang);

    // The same sheet again: recognised row by row, nothing to import.
    await page.getByRole('button', { name: say(lang, 'sheets.another') }).click();
    await wizard.choose(file);
    await wizard.next();
    await wizard.next();
    await wizard.toPreview();
    await expect(wizard.count('new')).toHaveText('0');
    await expect(wizard.count('alreadyImported')).toHaveText('6');
    await expect(page.getByRole('button', { name: say(lang, 'sheets.import', { n: 0 }) })).toBeDisabled();

    // The spreadsheet is removed only when the person asks (see below).
    expect(fs.existsSync(file)).toBe(true);
  });
}

test('removes the spreadsheet after an import when asked, and refuses a protected workbook saying why', async ({
  app,
}) => {
  const { page, control } = app;
  await openVault(page, control, { lang: 'en' });
  const { xlsx } = writeFixtures(path.join(control.outDir, 'sheets'));
  const wizard = new SheetWizard(page, control, 'en');
  await wizard.open();

  const locked = path.join(control.outDir, 'sheets', 'locked.xlsx');
  const cfb = new Uint8Array(1024);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  fs.writeFileSync(locked, cfb);
  await control.queueDialog('openSpreadsheet', locked);
  await page.getByRole('button', { name: say('en', 'sheets.chooseFile') }).click();
  await expect(page.getByRole('alert')).toContainText(say('en', 'errors.reasons.sheetProtected'));

  await wizard.choose(xlsx);
  await wizard.next();
  await wizard.next();
  await wizard.toPreview();
  await page.getByRole('button', { name: say('en', 'sheets.import', { n: 6 }) }).click();
  await page.getByRole('button', { name: say('en', 'sheets.removeFile', { name: 'подопечные.xlsx' }) }).click();
  await expect(page.getByText(say('en', 'sheets.removed', { name: 'подопечные.xlsx' }))).toBeVisible();
  expect(fs.existsSync(xlsx)).toBe(false);
});

/** The screen at both sizes the app is checked at. */
async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await saveScreen(page, `${name}-${width}`, lang);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
