import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen, switchLanguage } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { FilesSection, makeEvidence } from './models/filesSection.js';
import { introduce, newestExport } from './models/twoVaults.js';
import { minimalPng } from '../shared/evidence/testing/images.js';
import type { Page } from '@playwright/test';

/** Opens a case made through the contract: the list is read again when the screen is entered. */
async function openCase(page: Page, alias: string) {
  await goTo(page, 'board');
  await goTo(page, 'cases');
  await page.getByRole('button', { name: alias, exact: true }).click();
}

test('attaches a photo and a PDF, shows a thumbnail, opens both in the viewer, saves a copy', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  const { id } = await control.value('createCase', { input: { alias: 'Zarema', stage: 'documents' } });
  const { photo, pdf } = makeEvidence(control);

  await openCase(page, 'Zarema');
  const files = new FilesSection(page);
  await expect(page.getByText('No files yet: add a scan of a document or a photo.')).toBeVisible();

  // The picker: two files at once; the photo's text chunk is metadata, and is removed.
  await files.addThroughPicker(control, [photo, pdf]);
  await expect(
    page.getByRole('status').getByText(/2 files added; location and camera data removed from 1/),
  ).toBeVisible();
  await expect(files.items).toHaveCount(2);
  await expect(files.item('injury-photo.png').getByText('Removed from the photo: text notes')).toBeVisible();
  const thumbnail = page.getByRole('img', { name: 'Thumbnail of injury-photo.png' });
  await expect(thumbnail).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);

  // A caption is an op, like any other change.
  const caption = files.item('injury-photo.png').getByLabel('Caption');
  await caption.fill('Left arm, after detention');
  await caption.press('Enter');
  await expect
    .poll(async () => (await control.value('listEvidenceFiles', { caseId: id })).files[0]?.caption)
    .toBe('Left arm, after detention');
  await expectNoAxeViolations(page);
  await files.region.scrollIntoViewIfNeeded();
  await saveScreen(page, 'files', 'en');

  // The viewer: the picture from memory, then the PDF drawn by pdf.js; Escape closes it.
  await files.item('injury-photo.png').getByRole('button', { name: 'Open' }).click();
  const picture = files.viewer.getByRole('img', { name: /injury-photo.png/ });
  await expect(picture).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'files-viewer', 'en');
  await page.keyboard.press('ArrowRight');
  await expect(files.viewer.getByTestId('pdf-pages')).toHaveAttribute('data-pages', '1');
  await expect(files.viewer.getByRole('img', { name: /Page 1 of 1/ })).toBeVisible();
  await saveScreen(page, 'files-viewer-pdf', 'en');
  await page.keyboard.press('Escape');
  await expect(files.viewer).toHaveCount(0);

  // Save a copy: a plain warning first, then the save dialog; the copy is the stripped photo.
  await files.item('visa-letter.pdf').getByRole('button', { name: 'Save a copy…' }).click();
  await expect(page.getByText(/The copy will NOT be encrypted/)).toBeVisible();
  const copy = path.join(control.outDir, 'copy-of-letter.pdf');
  await control.queueDialog('saveFile', copy);
  await page.getByRole('button', { name: 'Save an unencrypted copy' }).click();
  await expect(page.getByRole('status').getByText(/Copy saved to .*It is not encrypted/)).toBeVisible();
  expect(fs.readFileSync(copy).equals(fs.readFileSync(pdf))).toBe(true);

  // The count shows on the case row and on the board card.
  await goTo(page, 'cases');
  await expect(page.getByRole('row').filter({ hasText: 'Zarema' }).getByText('2 files')).toBeVisible();
  await goTo(page, 'board');
  await expect(page.getByText('2 files', { exact: true })).toBeVisible();
});

test('takes a dropped file, refuses an empty one in words, and forgets every picture on lock', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control);
  await control.value('createCase', { input: { alias: 'Aslan' } });
  await openCase(page, 'Aslan');
  const files = new FilesSection(page);

  await files.drop('empty.png', Buffer.alloc(0), 'image/png');
  await expect(page.getByText(/^Not possible: empty.png is empty: there is nothing to keep/)).toBeVisible();
  await files.drop('scan.png', minimalPng({ width: 64, height: 64 }), 'image/png');
  await expect(files.items).toHaveCount(1);
  const thumbnail = page.getByRole('img', { name: 'Thumbnail of scan.png' });
  await expect(thumbnail).toHaveAttribute('src', /^blob:/);
  const url = await thumbnail.getAttribute('src');

  await control.lock('panic');
  await expect(page.locator('input[type="password"]')).toBeVisible();
  const loads = await page.evaluate(
    (src) =>
      new Promise<boolean>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = src!;
      }),
    url,
  );
  expect(loads).toBe(false);
});

test('Russian, at 1024×700 and 1440×900: the Files section and the viewer', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control, { lang: 'ru', name: 'Мадина' });
  const { id } = await control.value('createCase', {
    input: { alias: 'Зарема', stage: 'documents', documents: [{ kind: 'visa', status: 'applied' }] },
  });
  const { photo, pdf } = makeEvidence(control);
  const state = await control.value('getAppState', {});
  expect(state.settings.language).toBe('ru');
  await control.queueDialog('openEvidenceFiles', photo);
  await control.queueDialog('openEvidenceFiles', pdf);
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await openCase(page, 'Зарема');
    const files = new FilesSection(page);
    if ((await files.items.count()) === 0) {
      await files.region.locator('.panel-head button').click();
      await expect(files.items).toHaveCount(2);
      await control.value('updateEvidenceFile', {
        fileId: (await control.value('listEvidenceFiles', { caseId: id })).files[0]!.id,
        caption: 'Левая рука, после задержания',
      });
      await page.reload();
      await page
        .locator('input[type="password"]')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await goTo(page, 'cases');
      await page.getByRole('button', { name: 'Зарема', exact: true }).click();
    }
    await expect(page.getByRole('img', { name: 'Миниатюра: injury-photo.png' })).toHaveAttribute('src', /^blob:/);
    await expect(page.getByText('Удалено из фото: текстовые заметки')).toBeVisible();
    await expectNoAxeViolations(page);
    await files.region.scrollIntoViewIfNeeded();
    await saveScreen(page, `files-${size.width}`, 'ru');
    await files.item('injury-photo.png').getByRole('button', { name: 'Открыть' }).click();
    await expect(files.viewer.getByRole('img', { name: /injury-photo.png/ })).toBeVisible();
    await saveScreen(page, `files-viewer-${size.width}`, 'ru');
    await page.keyboard.press('Escape');
  }
  await switchLanguage(page, 'en');
});

test('in Russian: renames a file, links it to a document, and refuses a drop over the size set in Settings', async ({
  app,
}) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru', name: 'Мадина' });
  await control.value('createCase', {
    input: { alias: 'Лейла', documents: [{ kind: 'visa', status: 'applied' }] },
  });
  const { pdf } = makeEvidence(control);
  await openCase(page, 'Лейла');
  const files = new FilesSection(page);
  await files.addThroughPicker(control, [pdf]);
  await expect(files.items).toHaveCount(1);

  const name = files.items.getByLabel('Имя файла');
  await name.fill('Приглашение на визу.pdf');
  await name.press('Enter');
  await expect(files.item('Приглашение на визу.pdf').getByRole('button', { name: 'Открыть' })).toBeVisible();
  await files.items.getByLabel('Относится к документу').selectOption({ label: 'Виза — Подано' });
  await expect(files.items.getByLabel('Относится к документу')).toHaveValue(/.+/);
  await page.reload();
  await openCase(page, 'Лейла');
  await expect(files.items.getByLabel('Имя файла')).toHaveValue('Приглашение на визу.pdf');
  await expect(files.items.getByLabel('Относится к документу').locator('option:checked')).toHaveText('Виза — Подано');

  await goTo(page, 'settings');
  await page.getByLabel('Наибольший размер файла в деле').selectOption({ label: '20 МБ' });
  await openCase(page, 'Лейла');
  await files.dropOfSize('скан.tif', 21 * 1024 * 1024);
  await expect(page.getByRole('alert').filter({ hasText: 'Файл «скан.tif» больше предела в 20 МБ' })).toBeVisible();
  await expect(files.items).toHaveCount(1);
});

test('a colleague receives the case with its photo, and sees the same image', async ({ openApp }) => {
  const a = await openApp();
  const b = await openApp();
  await b.page.setViewportSize({ width: 1440, height: 900 });
  await openVault(a.page, a.control, { name: 'Madina' });
  await openVault(b.page, b.control, { name: 'Anzor' });
  await introduce(a.control, b.control);
  const { id } = await a.control.value('createCase', { input: { alias: 'Khava' } });
  const { photo } = makeEvidence(a.control);
  await a.control.queueDialog('openEvidenceFiles', photo);
  const [chosen] = (await a.control.value('chooseEvidenceFiles', {})).files;
  const added = await a.control.value('addEvidenceFiles', { caseId: id, tokens: [chosen!.token] });
  await a.control.value('exportCases', {
    caseIds: [id],
    to: [(await b.control.value('getKeyCard', {})).me.fingerprint],
  });

  await goTo(b.page, 'exchange');
  await b.page.getByRole('button', { name: 'Import', exact: true }).click();
  await b.control.queueDialog('openImportFile', newestExport(a.control));
  await b.page.getByRole('button', { name: 'Choose file…' }).click();
  await expect(b.page.getByText('1 file, 1 KB')).toBeVisible(); // the preview says what it carries
  await b.page.getByRole('button', { name: 'Apply' }).click();
  await expect(b.page.getByText('Imported: 1 new, 0 updated, 0 new conflicts.')).toBeVisible();
  await openCase(b.page, 'Khava');
  const thumbnail = b.page.getByRole('img', { name: 'Thumbnail of injury-photo.png' });
  await expect(thumbnail).toHaveAttribute('src', /^blob:/);
  const [sent, received] = await Promise.all([
    a.control.value('readEvidenceFile', { fileId: added.added[0]!.id }),
    b.control.value('readEvidenceFile', { fileId: added.added[0]!.id }),
  ]);
  expect(received.base64).toBe(sent.base64);
  await expect(b.page.getByText(/added by Madina/)).toBeVisible();
});
