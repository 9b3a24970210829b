import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

/** Issue 11 in the UI: the warning while a new case is typed, the review of pairs, a merge and its undo. */
test('a new case typed in Latin letters is flagged as maybe the Cyrillic one already there', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  await control.value('createCase', { input: { alias: 'Ахмед Жужелица', birthYear: 1990 } });
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.getByLabel('Alias').fill('Akhmed Zhuzhelitsa');
  const warning = page.getByTestId('duplicate-warning');
  await expect(warning).toContainText('May be the same person as Ахмед Жужелица');
  await expect(warning).toContainText('name Akhmed Zhuzhelitsa ~ Ахмед Жужелица');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'new-case-duplicate', 'en');
  await warning.getByRole('button', { name: 'Open Ахмед Жужелица' }).click();
  // Typed work is never dropped silently: leaving asks first.
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ахмед Жужелица');
});

test('Russian, 1024×700: review a pair, merge it into one history, and undo the merge', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru' });
  const { id: keep } = await control.value('createCase', {
    input: {
      alias: 'Магомед Исмаилов',
      contacts: [{ channel: 'phone', value: '+7 928 111-22-33' }],
      notes: ['звонил с горячей линии'],
    },
  });
  await control.value('createCase', {
    input: {
      alias: 'Magomed Ismailov',
      contacts: [{ channel: 'phone', value: '89281112233' }],
      notes: ['из приюта'],
    },
  });
  await goTo(page, 'cases');
  await page.getByRole('button', { name: 'Возможные дубликаты' }).click();
  const pair = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Magomed Ismailov', exact: true }) });
  await expect(pair).toContainText('тот же контакт');
  await expect(pair).toContainText('имя Магомед Исмаилов ~ Magomed Ismailov');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'duplicates-1024', 'ru');

  await pair.getByRole('button', { name: 'Объединить, оставить Магомед Исмаилов' }).click();
  await expect(page.getByRole('status').getByText('Объединено: одно дело, Магомед Исмаилов')).toBeVisible();
  await expect(page.getByText('Возможных дубликатов нет.')).toBeVisible();
  expect((await control.value('queryCases', { filter: {} })).total).toBe(1);

  // One case, both histories: both notes and the merge in its timeline.
  await goTo(page, 'cases');
  await page.getByRole('button', { name: 'Магомед Исмаилов', exact: true }).click();
  const history = page.getByRole('list', { name: 'История дела' });
  await expect(page.getByText('звонил с горячей линии')).toBeVisible();
  await expect(page.getByText('из приюта')).toBeVisible();
  await expect(history.getByText(/Объединено с делом/)).toBeVisible();
  await saveScreen(page, 'case-merged-1024', 'ru');

  await history.getByRole('button', { name: 'Отменить объединение' }).click();
  await expect(history.getByRole('button', { name: 'Отменить объединение' })).toHaveCount(0);
  expect((await control.value('queryCases', { filter: {} })).total).toBe(2);
  expect((await control.value('getCase', { id: keep })).case.fields.alias).toBe('Магомед Исмаилов');
});

test('English, 1440×900: the review lists each pair with its reasons, and Not the same person is remembered', async ({
  app,
}) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openVault(page, control);
  await control.value('createCase', { input: { alias: 'Хава И.', legalName: 'Исаева Хава', birthYear: 1992 } });
  await control.value('createCase', { input: { alias: 'Khava Isaeva', birthYear: 1993 } });
  await control.value('createCase', {
    input: { alias: 'Зарема', contacts: [{ channel: 'telegram', value: '@zarema_k' }] },
  });
  await control.value('createCase', {
    input: { alias: 'Z. K.', contacts: [{ channel: 'telegram', value: 'zarema_k' }] },
  });
  await goTo(page, 'cases');
  await page.getByRole('button', { name: 'Possible duplicates' }).click();
  await expect(page.getByText('2 pairs')).toBeVisible();
  const sameTelegram = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Z. K.', exact: true }) });
  await expect(sameTelegram).toContainText('same contact @zarema_k');
  const khava = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Khava Isaeva', exact: true }) });
  await expect(khava).toContainText('name Исаева Хава ~ Khava Isaeva');
  await expect(khava).toContainText('born 1992 / 1993');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'duplicates', 'en');

  await sameTelegram.getByRole('button', { name: 'Not the same person' }).click();
  await expect(page.getByText('1 pair', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Z. K.' })).toHaveCount(0);
});
