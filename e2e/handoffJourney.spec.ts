import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppControl } from './control.js';
import { expect, test, waitReady } from './fixtures.js';
import { goTo, openVault, saveScreen, type Lang } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { say } from './models/strings.js';
import { introduce } from './models/twoVaults.js';

/**
 * A hand-off as a journey between vaults: handed off with the person's consent (and purged), accepted
 * or declined by the receiver, whose receipt comes back to the sender; handed back by its holder, and
 * refused from anyone else. Screens: hand-off-consent, handoff-import, handoffs and handoff-return,
 * at 1440 in both languages, and the hand-offs and the return at 1024×700 in Russian.
 */

type App = { page: Page; control: AppControl };

let saved = 0;
/** Answers the app's next "save as…" with a fresh file in its output folder, and returns its path. */
async function saveNextAs(control: AppControl, name: string): Promise<string> {
  fs.mkdirSync(control.outDir, { recursive: true });
  const file = path.join(control.outDir, `${name}-${++saved}.crossing`);
  await control.queueDialog('saveFile', file);
  return file;
}

/** The date as the UI writes it in that language (format.ts). */
const uiDate = (lang: Lang, at = new Date()) =>
  new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);

const fingerprintOf = async (control: AppControl) => (await control.value('getKeyCard', {})).me.fingerprint;

/** Chooses a file in Exchange → Import (its answer queued) and waits for the preview or a refusal. */
async function chooseImport(app: App, lang: Lang, file: string) {
  const s = (key: string) => say(lang, key);
  await goTo(app.page, 'exchange');
  await app.page
    .getByRole('group', { name: s('exchange.title') })
    .getByRole('button', { name: s('exchange.view.import'), exact: true })
    .click();
  await app.control.queueDialog('openImportFile', file);
  await app.page.getByRole('button', { name: s('exchange.chooseFile') }).click();
}

/** Hand-offs, opened from the button in the Cases header. */
async function openHandoffs(page: Page, lang: Lang) {
  await goTo(page, 'cases');
  await page.getByRole('button', { name: say(lang, 'handoffs.title'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: say(lang, 'handoffs.title') })).toBeVisible();
}

/** The window itself never scrolls: only the screen's own panes do. */
async function expectWindowStill(page: Page) {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow).toEqual({ x: 0, y: 0 });
}

/**
 * The same screen at 1024×700 too: nothing scrolls the window, nor the screen's pane when its lists
 * scroll inside (the hand-offs); axe finds nothing. Then back to 1440.
 */
async function alsoAt1024(page: Page, screen: string, lang: Lang) {
  await page.setViewportSize({ width: 1024, height: 700 });
  await expectWindowStill(page);
  const lists = page.locator('.handoff-list');
  if (await lists.count()) {
    const main = await page.locator('#main').evaluate((m) => m.scrollHeight - m.clientHeight);
    expect(main).toBeLessThanOrEqual(0);
    const sent = await lists.first().evaluate((l) => l.scrollHeight - l.clientHeight);
    expect(sent, 'the list of hand-offs made scrolls inside its panel').toBeGreaterThan(0);
  }
  await expectNoAxeViolations(page);
  await saveScreen(page, `${screen}-1024`, lang);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** A hand-off made and answered through the contract, to fill the list with each state. */
async function handOffAndAnswer(
  a: App,
  b: App,
  alias: string,
  options: { decline?: string; purge?: boolean; answer?: boolean; override?: string; lang: Lang },
) {
  const { id } = await a.control.value('createCase', { input: { alias } });
  const file = await saveNextAs(a.control, 'handoff');
  await a.control.value('handOffCase', {
    id,
    to: await fingerprintOf(b.control),
    consent: options.override
      ? { override: options.override }
      : { agreedTo: options.lang === 'ru' ? '«Гражданское содействие»' : 'Civic Assistance' },
    purge: options.purge ?? false,
    keepAlias: true,
  });
  if (options.answer === false) return;
  await b.control.queueDialog('openImportFile', file);
  const chosen = await b.control.value('chooseImportFile', {});
  const applied = await b.control.value('applyImport', {
    token: chosen.file!.token,
    ...(options.decline ? { decline: options.decline } : {}),
  });
  const receipt = await saveNextAs(b.control, 'receipt');
  await b.control.value('saveReceipt', { handoffId: applied.handoff!.handoffId });
  await a.control.queueDialog('openImportFile', receipt);
  const back = await a.control.value('chooseImportFile', {});
  await a.control.value('applyImport', { token: back.file!.token });
}

for (const lang of ['en', 'ru'] as const satisfies readonly Lang[]) {
  test(`a hand-off's journey in ${lang}: consent, purge, accepted with a receipt, handed back with its history`, async ({
    openApp,
  }) => {
    test.setTimeout(180_000);
    const s = (key: string, values: Record<string, string | number> = {}) => say(lang, key, values);
    const a = await openApp();
    const b = await openApp();
    for (const app of [a, b]) await app.page.setViewportSize({ width: 1440, height: 900 });
    const madina = lang === 'ru' ? 'Мадина' : 'Madina';
    const bela = lang === 'ru' ? 'Бела' : 'Bela';
    await openVault(a.page, a.control, { name: madina, lang });
    await openVault(b.page, b.control, { name: bela, lang });
    await introduce(a.control, b.control);
    // Hand-offs made earlier, still awaiting their receipts (copies kept here): the list grows long.
    for (const other of lang === 'ru'
      ? ['Аслан Ш.', 'Петимат В.', 'Мовсар У.', 'Хадижат У.', 'Ислам Э.']
      : ['Aslan Sh.', 'Petimat V.', 'Movsar U.', 'Khadizhat U.', 'Islam E.'])
      await handOffAndAnswer(a, b, other, { lang, answer: false });
    const alias = lang === 'ru' ? 'Хава И.' : 'Khava I.';
    const { id } = await a.control.value('createCase', { input: { alias, legalName: 'Khava Isaeva', risk: 'high' } });
    await a.page.reload();
    await waitReady(a.page, 'app');

    // A: from the case page, hand it off to B with the person's consent, purged, the alias kept.
    await goTo(a.page, 'cases');
    await a.page.getByRole('button', { name: alias, exact: true }).click();
    await a.page.getByRole('button', { name: s('case.handOff') }).click();
    const form = a.page.getByRole('form', { name: s('exchange.handOffTitle') });
    await form
      .getByRole('group', { name: s('exchange.handOffTo') })
      .getByRole('radio', { name: new RegExp(bela) })
      .check();
    await form.getByRole('checkbox', { name: s('exchange.purge') }).check();
    await form.getByRole('checkbox', { name: s('exchange.purgeConfirm') }).check();
    await form.getByRole('checkbox', { name: s('exchange.keepAlias') }).check();
    const handOff = form.getByRole('button', { name: s('exchange.handOff'), exact: true });
    await expect(handOff).toBeDisabled();
    await form.getByRole('radio', { name: s('exchange.consentAgreed') }).check();
    const agreedTo = lang === 'ru' ? 'Бела, «Гражданское содействие»' : 'Bela at Civic Assistance';
    await form.getByRole('textbox', { name: s('exchange.consentAgreedLabel') }).fill(agreedTo);
    await expect(handOff).toBeEnabled();
    await expectNoAxeViolations(a.page);
    await saveScreen(a.page, 'handoff-consent', lang);
    const handoffFile = await saveNextAs(a.control, 'handoff');
    await handOff.click();
    await expect(form.getByText(s('exchange.purgedNow'))).toBeVisible();
    await expect(form.getByText(s('exchange.handedOffReceipt', { name: bela }))).toBeVisible();
    await form.getByRole('button', { name: s('exchange.openHandoffs') }).click();
    const sentList = a.page.getByRole('list', { name: s('handoffs.sentList') });
    await expect(sentList.getByRole('listitem').filter({ hasText: alias })).toContainText(s('handoffs.state.sent'));
    expect((await a.control.call('getCase', { id })).ok).toBe(false);

    // B: the preview says it is a hand-off, to accept or decline; accepting saves the receipt at once.
    await chooseImport(b, lang, handoffFile);
    const preview = b.page.getByLabel(s('exchange.previewTitle'));
    await expect(preview.getByRole('heading', { name: s('exchange.kind.handoff') })).toBeVisible();
    await expect(b.page.getByRole('button', { name: s('exchange.decline') })).toBeVisible();
    await expectNoAxeViolations(b.page);
    await saveScreen(b.page, 'handoff-import', lang);
    const receiptFile = await saveNextAs(b.control, 'receipt');
    await b.page.getByRole('button', { name: s('exchange.accept') }).click();
    await expect(b.page.getByText(s('exchange.accepted'))).toBeVisible();
    await expect(b.page.getByText(s('exchange.receiptSaved', { path: receiptFile, name: madina }))).toBeVisible();

    // A: the receipt's preview is headed as one and names the answer; applied, the hand-off is accepted.
    await chooseImport(a, lang, receiptFile);
    await expect(a.page.getByRole('heading', { name: s('exchange.kind.receipt') })).toBeVisible();
    await expect(a.page.getByText(s('exchange.receiptAccepted', { name: bela, alias }))).toBeVisible();
    await a.page.getByRole('button', { name: s('exchange.apply'), exact: true }).click();
    await expect(a.page.getByText(s('exchange.receiptsRecorded', { count: 1 }))).toBeVisible();
    await openHandoffs(a.page, lang);
    await expect(sentList.getByRole('listitem').filter({ hasText: alias })).toContainText(
      s('handoffs.state.accepted', { date: uiDate(lang) }),
    );

    // More hand-offs, so that the list shows each state: declined and back, awaiting, kept here.
    await handOffAndAnswer(a, b, lang === 'ru' ? 'Ибрагим У.' : 'Ibragim U.', {
      lang,
      purge: true,
      decline: lang === 'ru' ? 'Не могу взять: уезжаю на месяц' : 'I cannot take it: away for a month',
    });
    await handOffAndAnswer(a, b, lang === 'ru' ? 'Зарема А.' : 'Zarema A.', {
      lang,
      answer: false,
      purge: true,
      override:
        lang === 'ru' ? 'Связи с ней нет, а документы истекают' : 'No way to reach her, and her documents expire',
    });

    // B works on the case, then hands it back to A (purged at B); written last, since A refuses a file older than one it has.
    await b.control.value('updateCase', { id, patch: { stage: 'documents' } });
    await b.control.value('addNote', { id, text: lang === 'ru' ? 'Документы поданы.' : 'Papers filed.' });
    const back = await saveNextAs(b.control, 'handoff');
    await b.control.value('handOffCase', {
      id,
      to: await fingerprintOf(a.control),
      consent: { agreedTo: madina },
      purge: true,
    });

    // A: the file hands the case back; the preview says so in one sentence, and A takes it back.
    expect((await b.control.call('getCase', { id })).ok).toBe(false);
    await a.control.queueDialog('openImportFile', back);
    const peek = await a.control.value('chooseImportFile', {});
    const [returning] = (await a.control.value('previewImport', { token: peek.file!.token })).returns;
    expect(returning?.changes).toBeGreaterThan(1);
    await chooseImport(a, lang, back);
    await expect(a.page.locator('.import-returns')).toContainText(
      `${alias}: ${s('exchange.returnLine', { name: bela, date: uiDate(lang), count: returning!.changes })}`,
    );
    const takeBack = a.page.getByRole('button', { name: s('exchange.takeBack', { count: 1 }) });
    await expect(takeBack).toBeVisible();
    await expectNoAxeViolations(a.page);
    await saveScreen(a.page, 'handoff-return', lang);
    if (lang === 'ru') await alsoAt1024(a.page, 'handoff-return', lang);
    await saveNextAs(a.control, 'receipt');
    await takeBack.click();
    await expect(a.page.getByText(s('exchange.returned', { count: 1 }))).toBeVisible();

    // The list of hand-offs: returned, declined and back, awaiting; and the one received here.
    await openHandoffs(a.page, lang);
    await expect(sentList.getByRole('listitem').filter({ hasText: alias })).toContainText(
      s('handoffs.state.returned', { date: uiDate(lang) }),
    );
    await expect(a.page.getByRole('list', { name: s('handoffs.receivedList') })).toContainText(alias);
    await expectNoAxeViolations(a.page);
    await saveScreen(a.page, 'handoffs', lang);
    if (lang === 'ru') await alsoAt1024(a.page, 'handoffs', lang);

    // The case is back with its whole history: the consent given at each hand-off, and B's work.
    await sentList.getByRole('button', { name: alias, exact: true }).first().click();
    const timeline = a.page.getByRole('region', { name: s('timeline.title') });
    await expect(timeline).toContainText(s('timeline.consentAgreed', { name: bela, what: agreedTo }));
    await expect(timeline).toContainText(s('timeline.consentAgreed', { name: madina, what: madina }));
    await expect(timeline).toContainText(lang === 'ru' ? 'Документы поданы.' : 'Papers filed.');
    await expect(timeline).toContainText(s('stage.documents'));
    await saveScreen(a.page, 'case-handed-back', lang);
    await goTo(a.page, 'cases');
    await expect(a.page.getByRole('button', { name: alias, exact: true })).toBeVisible();

    // The dashboard counts them: six awaiting a receipt, none accepted still, one declined, one returned.
    await goTo(a.page, 'dashboard');
    const card = a.page.getByRole('region', { name: s('dashboard.handoffs') });
    for (const [key, count] of [
      ['handoffsAwaiting', 6],
      ['handoffsAccepted', 0],
      ['handoffsDeclined', 1],
      ['handoffsReturned', 1],
    ] as const)
      await expect(
        card.locator('div', { has: a.page.getByText(s(`dashboard.${key}`), { exact: true }) }),
      ).toContainText(String(count));
    await card.getByRole('button', { name: s('dashboard.openHandoffs') }).click();
    await expect(a.page.getByRole('heading', { level: 1, name: s('handoffs.title') })).toBeVisible();
  });
}

test('a declined hand-off: the reason goes back with the receipt, and so does the case', async ({ openApp }) => {
  const a = await openApp();
  const b = await openApp();
  await openVault(a.page, a.control, { name: 'Madina' });
  await openVault(b.page, b.control, { name: 'Bela' });
  await introduce(a.control, b.control);
  // Before any hand-off, the list says what one is and how to make one.
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await openHandoffs(a.page, 'en');
  await expect(a.page.getByText(say('en', 'handoffs.empty'))).toBeVisible();
  await expectNoAxeViolations(a.page);
  await saveScreen(a.page, 'handoffs-empty', 'en');
  const { id } = await a.control.value('createCase', { input: { alias: 'Ibragim U.' } });
  const file = await saveNextAs(a.control, 'handoff');
  await a.control.value('handOffCase', {
    id,
    to: await fingerprintOf(b.control),
    consent: { override: 'He is in hiding and cannot be reached' },
    purge: true,
  });
  expect((await a.control.value('queryCases', { filter: {} })).total).toBe(0);

  // B declines, with a reason; the receipt's save is cancelled first, and the case stays until it is saved.
  await chooseImport(b, 'en', file);
  await b.page.getByRole('button', { name: say('en', 'exchange.decline') }).click();
  const decline = b.page.getByRole('button', { name: say('en', 'exchange.declineConfirm') });
  await expect(decline).toBeDisabled();
  await b.page.getByRole('textbox', { name: say('en', 'exchange.declineReason') }).fill('Not my region');
  await b.page.setViewportSize({ width: 1440, height: 900 });
  await expectNoAxeViolations(b.page);
  await saveScreen(b.page, 'handoff-decline', 'en');
  await b.control.queueDialog('saveFile', null);
  await decline.click();
  await expect(b.page.getByText(say('en', 'exchange.declined'))).toBeVisible();
  await expect(b.page.getByText(say('en', 'exchange.receiptNotSavedDeclined', { name: 'Madina' }))).toBeVisible();
  expect((await b.control.value('queryCases', { filter: {} })).total).toBe(1);
  const receipt = await saveNextAs(b.control, 'receipt');
  await b.page.getByRole('button', { name: say('en', 'exchange.saveReceipt') }).click();
  await expect(b.page.getByText(say('en', 'exchange.receiptSaved', { path: receipt, name: 'Madina' }))).toBeVisible();
  expect((await b.control.value('queryCases', { filter: {} })).total).toBe(0);

  // A: the receipt declines, with B's reason; applied, the case is back in A's list.
  await chooseImport(a, 'en', receipt);
  await expect(a.page.getByRole('heading', { name: say('en', 'exchange.kind.receipt') })).toBeVisible();
  const stub = say('en', 'exchange.caseStub', { id: id.slice(0, 4) });
  await expect(a.page.locator('.import-receipts')).toContainText(
    say('en', 'exchange.receiptDeclined', { name: 'Bela', alias: stub, reason: 'Not my region' }),
  );
  await a.page.getByRole('button', { name: say('en', 'exchange.apply'), exact: true }).click();
  await expect(a.page.getByText(say('en', 'exchange.returned', { count: 1 }))).toBeVisible();
  await openHandoffs(a.page, 'en');
  const item = a.page.getByRole('list', { name: say('en', 'handoffs.sentList') }).getByRole('listitem');
  await expect(item).toContainText(
    say('en', 'handoffs.state.declined', { date: uiDate('en'), reason: 'Not my region' }),
  );
  // The case was purged when it left: its stub says there was no agreement, not the reason, which is
  // about the person and stays in the case's history.
  await expect(item).toContainText(say('en', 'handoffs.overrideWithCase'));
  await expect(item).not.toContainText('He is in hiding and cannot be reached');
  await goTo(a.page, 'cases');
  await expect(a.page.getByRole('button', { name: 'Ibragim U.', exact: true })).toBeVisible();
});

test('only the holder hands a purged case back: a third vault is refused, in Russian, and the holder takes it back', async ({
  openApp,
}) => {
  test.setTimeout(120_000);
  const a = await openApp();
  const b = await openApp();
  const c = await openApp();
  await openVault(a.page, a.control, { name: 'Мадина', lang: 'ru' });
  await openVault(b.page, b.control, { name: 'Bela' });
  await openVault(c.page, c.control, { name: 'Zelim' });
  await introduce(a.control, b.control);
  await introduce(b.control, c.control);
  await introduce(a.control, c.control);
  const { id } = await a.control.value('createCase', { input: { alias: 'Зарема А.' } });

  /** `from` hands the case to `to` (purged at `from` when asked); `to` imports it and saves its receipt. */
  const pass = async (from: App, to: App, purge: boolean) => {
    const file = await saveNextAs(from.control, 'handoff');
    await from.control.value('handOffCase', {
      id,
      to: await fingerprintOf(to.control),
      consent: { agreedTo: 'Civic Assistance' },
      purge,
    });
    return file;
  };
  const accept = async (app: App, file: string) => {
    await app.control.queueDialog('openImportFile', file);
    const chosen = await app.control.value('chooseImportFile', {});
    const applied = await app.control.value('applyImport', { token: chosen.file!.token });
    await saveNextAs(app.control, 'receipt');
    await app.control.value('saveReceipt', { handoffId: applied.handoff!.handoffId });
  };
  await accept(b, await pass(a, b, true));
  await accept(c, await pass(b, c, true));

  // C is not whom A handed the case to: A's import refuses it, in Russian, and nothing changes.
  await chooseImport(a, 'ru', await pass(c, a, false));
  await expect(a.page.getByRole('alert')).toContainText(say('ru', 'errors.reasons.importHandoff'));
  await expect(a.page.getByRole('button', { name: say('ru', 'exchange.accept') })).toHaveCount(0);
  expect((await a.control.value('queryCases', { filter: {} })).total).toBe(0);

  // C hands it back to B, who holds it as far as B knows: B takes it back.
  const back = await pass(c, b, true);
  await chooseImport(b, 'en', back);
  await expect(b.page.locator('.import-returns')).toContainText('Зарема А.: handed to Zelim on');
  await saveNextAs(b.control, 'receipt');
  await b.page.getByRole('button', { name: say('en', 'exchange.takeBack', { count: 1 }) }).click();
  await expect(b.page.getByText(say('en', 'exchange.returned', { count: 1 }))).toBeVisible();
  await goTo(b.page, 'cases');
  await expect(b.page.getByRole('button', { name: 'Зарема А.', exact: true })).toBeVisible();
});
