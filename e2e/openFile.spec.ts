import fs from 'node:fs';
import path from 'node:path';
import { expect, test, waitReady } from './fixtures.js';
import { openVault, PASSPHRASE, saveScreen } from './models/app.js';
import { introduce, newestExport } from './models/twoVaults.js';

test('a file opened with the app while the vault is locked waits for the unlock, then shows its preview', async ({
  openApp,
}) => {
  const a = await openApp();
  const b = await openApp();
  await openVault(a.page, a.control, { name: 'Madina' });
  await openVault(b.page, b.control, { name: 'Anzor' });
  const cards = await introduce(a.control, b.control);
  const { id } = await b.control.value('createCase', { input: { alias: 'Zelimkhan' } });
  await b.control.value('exportCases', { caseIds: [id], to: [cards.a.fingerprint] });

  await a.control.value('lockVault', {});
  await a.page.reload();
  await waitReady(a.page, 'unlock');
  await a.control.openFile(newestExport(b.control));
  await expect(a.page.getByTestId('file-open-waiting')).toContainText(
    'its import preview opens once the vault is unlocked',
  );

  await a.page.locator('input[type="password"]').fill(PASSPHRASE);
  await a.page.keyboard.press('Enter');
  await waitReady(a.page, 'app');
  await expect(a.page.getByText('1 new case')).toBeVisible();
  await expect(a.page.getByRole('listitem').filter({ hasText: 'Zelimkhan' })).toBeVisible();
  await expect(a.page.getByTestId('file-open-waiting')).toHaveCount(0);
});

test('a file that cannot be read says so, in the language of the UI, instead of doing nothing', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru' });
  await control.openFile(path.join(control.outDir, 'moved-away.crossing'));
  const alert = page.getByTestId('file-open-failed');
  await expect(alert).toContainText('Не удалось открыть «moved-away.crossing»: файла нет на месте');
  await saveScreen(page, 'file-open-failed', 'ru');
  await alert.getByRole('button', { name: 'Закрыть' }).click();
  await expect(alert).toHaveCount(0);

  const folder = path.join(control.outDir, 'stick.crossing');
  fs.mkdirSync(folder, { recursive: true });
  await control.openFile(folder);
  await expect(page.getByTestId('file-open-failed')).toContainText('это папка или устройство, а не файл');
});
