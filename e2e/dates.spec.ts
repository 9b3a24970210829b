import { expect, test, waitReady } from './fixtures.js';
import { openVault, type Lang } from './models/app.js';

/**
 * One date and one date-and-time format per language, in every place a caseworker reads one: the
 * table's last change, a task's due date, a line of the history. ru 02.12.2026 and 02.12.2026, 14:05;
 * en 02/12/2026 and 02/12/2026, 14:05.
 */
const SEPARATOR: Record<Lang, string> = { ru: '.', en: '/' };

/** A moment as the UI should write it, in this machine's time zone (the browser's too). */
function dateTime(at: number, lang: Lang): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const s = SEPARATOR[lang];
  return `${pad(d.getDate())}${s}${pad(d.getMonth() + 1)}${s}${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const DUE: Record<Lang, string> = { ru: 'Срок', en: 'Due' };
const OVERDUE: Record<Lang, string> = { ru: 'Просрочено с', en: 'Overdue since' };

for (const lang of ['ru', 'en'] as const satisfies readonly Lang[]) {
  test(`dates in ${lang}: table, task and history in one format`, async ({ app }) => {
    const { page, control } = app;
    await openVault(page, control, { lang });
    // The task comes in an edit, so the history has a line that names it with its date.
    const { id } = await control.value('createCase', { input: { alias: 'Заур' } });
    await control.value('updateCase', {
      id,
      patch: { tasks: [{ text: 'Позвонить адвокату', due: '2025-12-02', done: false }] },
    });
    await page.reload();
    await waitReady(page, 'app');
    const [row] = (await control.value('queryCases', { filter: {} })).rows;
    const day = `02${SEPARATOR[lang]}12${SEPARATOR[lang]}2025`;

    const tableRow = page.getByRole('table').getByRole('row').nth(1);
    await expect(tableRow.locator('.col-updatedAt')).toHaveText(dateTime(row!.updatedAt, lang));

    await tableRow.getByRole('button', { name: 'Заур' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Заур');
    await expect(page.locator('.overdue-label')).toHaveText(`${OVERDUE[lang]} ${day}`);
    await expect(page.getByLabel(DUE[lang], { exact: true })).toHaveValue(day);

    const history = page.locator('.timeline-entry').filter({ hasText: 'Позвонить адвокату' });
    await expect(history.locator('time')).toHaveText(dateTime(row!.updatedAt, lang));
    await expect(history.locator('.change-lines')).toContainText(`Позвонить адвокату · ${day}`);
  });
}
