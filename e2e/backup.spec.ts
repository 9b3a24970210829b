import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

/** Issue 13: backup and restore from the app, and how long since the last backup, in Russian at 1024×700. */
test('backs up from Settings, the dashboard says when, and the backup restores', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru' });
  await control.value('createCase', { input: { alias: 'Хава' } });
  await goTo(page, 'dashboard');
  await expect(page.getByTestId('backup-notice')).toContainText('Резервной копии этого хранилища ещё не было.');
  await page.getByRole('button', { name: 'Сделать копию…' }).click();

  const panel = page.getByRole('region', { name: 'Резервная копия' });
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: 'Сделать резервную копию…' }).click();
  await expect(page.getByRole('status').getByText(/Резервная копия сохранена: .*дел: 1/)).toBeVisible();
  await expect(panel.getByTestId('last-backup')).toContainText('Последняя резервная копия: сегодня');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'settings-backup-1024', 'ru');

  const backup = (await control.value('getBackupState', {})).lastBackupAt;
  expect(backup).not.toBeNull();
  const [saved] = await import('node:fs').then((fs) =>
    fs.readdirSync(control.outDir).filter((name) => name.startsWith('crossing-backup-')),
  );
  await control.queueDialog('openImportFile', `${control.outDir}/${saved}`);
  await panel.getByRole('button', { name: 'Восстановить из копии…' }).click();
  await expect(panel.getByText(`Выбрана копия: ${saved}`)).toBeVisible();
  await panel.getByRole('button', { name: 'Восстановить', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('новых изменений — 0; дел теперь — 1');

  await goTo(page, 'dashboard');
  await expect(page.getByTestId('backup-notice')).toContainText('Последняя резервная копия: сегодня');
});
