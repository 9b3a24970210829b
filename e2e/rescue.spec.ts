import Database from 'better-sqlite3';
import { expect, test, waitReady } from './fixtures.js';
import { expectNoAxeViolations } from './models/axe.js';
import { openVault, PASSPHRASE, saveScreen } from './models/app.js';

test('a vault changed without its key is refused, then opens for reading only with its cases', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  const { vaultPath } = await openVault(page, control, { lang: 'ru' });
  await control.value('createCase', { input: { alias: 'Зелимхан' } });
  await control.value('lockVault', {});
  // No case was purged, so every tombstone row is padding: removing one loses nothing but is noticed.
  const db = new Database(vaultPath);
  db.prepare('DELETE FROM tombstones WHERE rowid = (SELECT min(rowid) FROM tombstones)').run();
  db.close();

  await page.reload();
  await waitReady(page, 'unlock');
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  const altered = page.getByRole('alert').filter({ hasText: 'Хранилище изменено без ключа' });
  await expect(altered).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreen(page, 'unlock-altered', 'ru');
  expect((await control.value('getAppState', {})).unlocked).toBe(false);

  await altered.getByRole('button', { name: 'Открыть только для чтения' }).click();
  await waitReady(page, 'app');
  const banner = page.getByRole('alert').filter({ hasText: 'Только чтение: хранилище изменено без ключа' });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('table').getByText('Зелимхан')).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreen(page, 'rescue', 'ru');
  await banner.getByText('Подробности').click();
  await expect(banner).toContainText(/tombstones\/\w+ is missing/);
});
