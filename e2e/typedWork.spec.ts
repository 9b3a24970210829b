import type { Page } from '@playwright/test';
import { expect, test, waitReady } from './fixtures.js';
import { goTo, openVault, PASSPHRASE, saveScreen } from './models/app.js';
import { CasePage } from './models/casePage.js';

/** Typed work is never lost: not by a click elsewhere, not by a half-typed date, not by the idle lock. */

async function reloadApp(page: Page) {
  await page.reload();
  await waitReady(page, 'app');
}
/** Saves the screen at the two sizes the docs show, 1440×900 and 1024×700, then puts the window back. */
async function saveAtBothSizes(page: Page, screen: string, lang: 'en' | 'ru') {
  const before = page.viewportSize();
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await saveScreen(page, `${screen}-${size.width}`, lang);
  }
  if (before) await page.setViewportSize(before);
}
const openCase = (page: Page, alias: string) => page.getByRole('button', { name: alias, exact: true }).click();

test('leaving an edited case asks Save, Discard or Stay', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  const { id } = await control.value('createCase', { input: { alias: 'Магомед И.' } });
  await reloadApp(page);
  await openCase(page, 'Магомед И.');
  const kase = new CasePage(page);
  await expect(kase.title).toHaveText('Магомед И.');

  await kase.field('Current city').fill('Tbilisi');
  await goTo(page, 'board');
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toContainText('unsaved changes to Магомед И.');
  await saveAtBothSizes(page, 'leave-dialog', 'en');
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(kase.field('Current city')).toHaveValue('Tbilisi');

  await goTo(page, 'board');
  await dialog.getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board');
  expect((await control.value('getCase', { id })).case.fields.location).toBe('Tbilisi');

  // Discard leaves the stored case as it was, and keeps no draft behind.
  await goTo(page, 'cases');
  await openCase(page, 'Магомед И.');
  await kase.field('Current city').fill('Batumi');
  await goTo(page, 'contacts');
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts');
  expect((await control.value('getCase', { id })).case.fields.location).toBe('Tbilisi');
  await expect.poll(async () => (await control.value('listDrafts', {})).drafts).toEqual([]);
});

test('a half-typed or impossible date is an error at the field, and Save waits for it', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  const { id } = await control.value('createCase', { input: { alias: 'Luiza' } });
  await reloadApp(page);
  await openCase(page, 'Luiza');
  const kase = new CasePage(page);
  await expect(kase.title).toHaveText('Luiza');
  const save = page.getByRole('button', { name: 'Save', exact: true });

  await page.getByRole('button', { name: '+ Add task' }).click();
  await page.getByLabel('Task', { exact: true }).fill('Book the bus to Vladikavkaz');
  const due = page.getByLabel('Due');
  await expect(due).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await due.fill('02/12');
  await expect(page.getByText('Not a date this app can read: type it as DD/MM/YYYY.')).toBeVisible();
  await expect(save).toBeDisabled();
  await due.fill('31/02/2027');
  await expect(save).toBeDisabled();
  await due.fill('02/12/2027');
  await expect(page.getByText('Not a date this app can read')).toHaveCount(0);

  await kase.field('Year of birth').fill(String(new Date().getFullYear() + 1));
  await expect(page.getByText('A four-digit year, not later than this year.')).toBeVisible();
  await expect(save).toBeDisabled();
  await kase.field('Year of birth').fill('1994');
  await kase.save();
  const stored = (await control.value('getCase', { id })).case;
  expect(stored.tasks).toMatchObject([{ text: 'Book the bus to Vladikavkaz', due: '2027-12-02' }]);
  expect(stored.fields.birthYear).toBe(1994);
});

test('the idle lock seals typed work as a draft, offered back after the unlock', async ({ app }) => {
  const { page, control } = app;
  await page.clock.install();
  await openVault(page, control);
  await control.value('updateSettings', { autoLockMinutes: 1 });
  const { id } = await control.value('createCase', { input: { alias: 'Магомед И.' } });
  await reloadApp(page);
  await openCase(page, 'Магомед И.');
  const kase = new CasePage(page);
  await expect(kase.title).toHaveText('Магомед И.');
  await kase.field('Current city').fill('Nalchik');
  await page.getByRole('button', { name: '+ Add task' }).click();
  await page.getByLabel('Task', { exact: true }).fill('Find a doctor');
  await page.getByLabel('Due').fill('02/1');

  // No question waits in front of the lock.
  await page.clock.runFor(61_000);
  await expect(page.locator('body[data-ready="unlock"]')).toBeAttached();
  expect((await control.value('getCase', { id }).catch(() => null))?.case.fields.location ?? null).toBeNull();

  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.locator('body[data-ready="app"]')).toBeAttached();
  const notice = page.getByRole('region', { name: 'Unsaved changes kept while locked' });
  await expect(notice).toContainText('Unsaved changes to Магомед И.');
  await saveAtBothSizes(page, 'draft-restore', 'en');
  await notice.getByRole('button', { name: 'Restore' }).click();
  await expect(kase.field('Current city')).toHaveValue('Nalchik');
  // Even the half-typed date comes back as typed, still refused.
  await expect(page.getByLabel('Due')).toHaveValue('02/1');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.getByLabel('Due').fill('02/12/2027');
  await kase.save();
  expect((await control.value('getCase', { id })).case.fields.location).toBe('Nalchik');
  await expect.poll(async () => (await control.value('listDrafts', {})).drafts).toEqual([]);
});

test('an intake typed before the idle lock is offered back after the unlock, and opens as a case', async ({ app }) => {
  const { page, control } = app;
  await page.clock.install();
  await openVault(page, control);
  await control.value('updateSettings', { autoLockMinutes: 1 });
  await reloadApp(page);
  await page.keyboard.press('Control+KeyN');
  await page.getByLabel('Alias').fill('Айшат Б.');
  await page.getByLabel('Current city').fill('Grozny');
  await page.getByLabel('Task', { exact: true }).fill('Call back at night');
  await page.getByLabel('Due').fill('14/12');

  // The lock asks nothing and saves nothing: the intake is sealed as a draft, not opened as a case.
  await page.clock.runFor(61_000);
  await expect(page.locator('body[data-ready="unlock"]')).toBeAttached();
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.locator('body[data-ready="app"]')).toBeAttached();
  expect((await control.value('queryCases', { filter: {} })).total).toBe(0);
  const notice = page.getByRole('region', { name: 'Unsaved changes kept while locked' });
  await expect(notice).toContainText('Unfinished new case: Айшат Б.');
  await notice.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New case');
  await expect(page.getByLabel('Alias')).toHaveValue('Айшат Б.');
  await expect(page.getByLabel('Current city')).toHaveValue('Grozny');
  await expect(page.getByLabel('Due')).toHaveValue('14/12');
  await expect(page.getByText('Not a date this app can read')).toBeVisible();
  await page.getByLabel('Due').fill('14/12/2027');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Айшат Б.');
  const [row] = (await control.value('queryCases', { filter: {} })).rows;
  const stored = (await control.value('getCase', { id: row!.id })).case;
  expect(stored.fields.location).toBe('Grozny');
  expect(stored.tasks).toMatchObject([{ text: 'Call back at night', due: '2027-12-14' }]);
  await expect.poll(async () => (await control.value('listDrafts', {})).drafts).toEqual([]);
});

test('after a crash the sealed draft is offered back on the next unlock', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  const { id } = await control.value('createCase', { input: { alias: 'Ибрагим' } });
  await reloadApp(page);
  await openCase(page, 'Ибрагим');
  const kase = new CasePage(page);
  await kase.field('Current city').fill('Vladikavkaz');
  // Past the sealing pause, the draft is in the vault without any lock or question.
  await expect.poll(async () => (await control.value('listDrafts', {})).drafts.map((d) => d.caseId)).toEqual([id]);

  // The window dies without locking (a crash); the app comes back locked, as after a restart.
  await page.reload();
  await control.lock('suspend');
  await waitReady(page, 'unlock');
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await waitReady(page, 'app');
  const notice = page.getByRole('region', { name: 'Unsaved changes kept while locked' });
  await expect(notice).toContainText('Unsaved changes to Ибрагим');
  await notice.getByRole('button', { name: 'Restore' }).click();
  await expect(kase.field('Current city')).toHaveValue('Vladikavkaz');
  expect((await control.value('getCase', { id })).case.fields.location).toBeNull();
});

test('intake on one screen: stage, risk, refuge country, both passports and a first task with its date', async ({
  app,
}) => {
  const { page, control } = app;
  await openVault(page, control, { lang: 'ru' });
  await page.keyboard.press('Control+KeyN');
  await page.getByLabel('Псевдоним').fill('Магомед И.');
  await page.getByLabel('Этап', { exact: true }).selectOption({ label: 'Проверка' });
  await page.getByLabel('Риск', { exact: true }).selectOption({ label: 'Критический' });
  await page.getByLabel('Загранпаспорт', { exact: true }).selectOption({ label: 'Изъят' });
  await page.getByLabel('Внутренний паспорт', { exact: true }).selectOption({ label: 'У семьи' });
  await page.getByLabel('Страна убежища').selectOption({ label: 'Германия' });
  await page.getByLabel('Задача', { exact: true }).fill('Купить билет до Тбилиси');
  const due = page.getByLabel('Срок');
  await expect(due).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');
  await due.fill('31.02.2027');
  await expect(page.getByText('Дата не распознана: введите её как ДД.ММ.ГГГГ.')).toBeVisible();
  await page.getByRole('button', { name: 'Открыть дело' }).click();
  expect((await control.value('queryCases', { filter: {} })).total).toBe(0);
  await due.fill('14.12.2027');
  await page.getByRole('button', { name: 'Открыть дело' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Магомед И.');
  const [row] = (await control.value('queryCases', { filter: {} })).rows;
  const stored = (await control.value('getCase', { id: row!.id })).case;
  expect(stored.fields).toMatchObject({
    stage: 'verification',
    risk: 'critical',
    passport: 'confiscated',
    internalPassport: 'held_by_family',
    refugeCountry: 'DE',
  });
  expect(stored.tasks).toMatchObject([{ text: 'Купить билет до Тбилиси', due: '2027-12-14', done: false }]);
});

test('in Russian at 1024×700: the leave question, and a draft kept by a panic lock', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru', name: 'Мадина' });
  const { id } = await control.value('createCase', { input: { alias: 'Магомед И.' } });
  await reloadApp(page);
  await openCase(page, 'Магомед И.');
  const kase = new CasePage(page);
  await expect(kase.title).toHaveText('Магомед И.');

  await kase.field('Текущий город').fill('Нальчик');
  await goTo(page, 'board');
  const dialog = page.getByRole('dialog', { name: 'Уйти без сохранения?' });
  await expect(dialog).toContainText('Магомед И.');
  await expect(dialog.getByRole('button', { name: 'Сохранить и уйти' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Отменить изменения' })).toBeVisible();
  await saveAtBothSizes(page, 'leave-dialog', 'ru');
  await dialog.getByRole('button', { name: 'Остаться' }).click();
  await expect(kase.field('Текущий город')).toHaveValue('Нальчик');

  await page.keyboard.press('Control+Shift+KeyL'); // the panic shortcut: the window seals the draft first
  await expect(page.locator('body[data-ready="unlock"]')).toBeAttached();
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.locator('body[data-ready="app"]')).toBeAttached();
  const notice = page.getByRole('region', { name: 'Несохранённые изменения, сбережённые при блокировке' });
  await expect(notice).toContainText('Магомед И.');
  await saveAtBothSizes(page, 'draft-restore', 'ru');
  await notice.getByRole('button', { name: 'Восстановить' }).click();
  await expect(kase.field('Текущий город')).toHaveValue('Нальчик');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Сохранить', exact: true })).toBeDisabled();
  expect((await control.value('getCase', { id })).case.fields.location).toBe('Нальчик');
});

test('in Russian at 1024×700: an intake kept by a panic lock is offered back on the new-case form', async ({ app }) => {
  const { page, control } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openVault(page, control, { lang: 'ru', name: 'Мадина' });
  await page.keyboard.press('Control+KeyN');
  await page.getByLabel('Псевдоним').fill('Хеда');
  await page.getByLabel('Первая заметка (по звонку)').fill('Звонила ночью из Гудермеса, боится брата.');
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('body[data-ready="unlock"]')).toBeAttached();
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.locator('body[data-ready="app"]')).toBeAttached();
  const notice = page.getByRole('region', { name: 'Несохранённые изменения, сбережённые при блокировке' });
  await expect(notice).toContainText('Незавершённое новое дело: Хеда');

  // Opening the form itself offers the kept intake too; the notice above gives way to it.
  await page.keyboard.press('Control+KeyN');
  const offer = page.getByRole('alert').filter({ hasText: 'Новое дело, которое вы заполняли' });
  await expect(offer).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(page.getByLabel('Псевдоним')).toHaveValue('');
  await saveAtBothSizes(page, 'new-case-draft', 'ru');
  await offer.getByRole('button', { name: 'Восстановить' }).click();
  await expect(page.getByLabel('Псевдоним')).toHaveValue('Хеда');
  await expect(page.getByLabel('Первая заметка (по звонку)')).toHaveValue('Звонила ночью из Гудермеса, боится брата.');
  await page.getByRole('button', { name: 'Открыть дело' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Хеда');
  await expect.poll(async () => (await control.value('listDrafts', {})).drafts).toEqual([]);
});

test('discarding an old draft after typing anew keeps the new typing sealed', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  const { id } = await control.value('createCase', { input: { alias: 'Ислам' } });
  await reloadApp(page);
  await openCase(page, 'Ислам');
  const kase = new CasePage(page);
  await kase.field('Current city').fill('Nalchik');
  await page.keyboard.press('Control+Shift+KeyL');
  await waitReady(page, 'unlock');
  await page.locator('input[type="password"]').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await waitReady(page, 'app');

  // The case opened from the table offers the old draft; the caseworker types on instead, then drops the offer.
  await openCase(page, 'Ислам');
  const offer = page.getByRole('alert').filter({ hasText: 'This case has unsaved changes' });
  await expect(offer).toBeVisible();
  await kase.field('Current city').fill('Mozdok');
  const sealed = async () => (await control.value('listDrafts', {})).drafts.map((d) => d.body.includes('Mozdok'));
  await expect.poll(sealed).toEqual([true]);
  await offer.getByRole('button', { name: 'Discard' }).click();
  await expect(offer).toHaveCount(0);
  await expect(kase.field('Current city')).toHaveValue('Mozdok');
  expect(await sealed()).toEqual([true]);
  expect((await control.value('getCase', { id })).case.fields.location).toBeNull();
});
