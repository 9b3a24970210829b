import fs from 'node:fs';
import { expect, test, waitReady } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { CasePage } from './models/casePage.js';
import { introduce, newestExport } from './models/twoVaults.js';

test('exports to a contact, imports in a second vault with a preview, and resolves a conflict', async ({ openApp }) => {
  const a = await openApp();
  const b = await openApp();
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await b.page.setViewportSize({ width: 1440, height: 900 });
  await openVault(a.page, a.control, { name: 'Madina' });
  await openVault(b.page, b.control, { name: 'Anzor' });
  await introduce(a.control, b.control);
  const { id } = await a.control.value('createCase', {
    input: { alias: 'Khava', legalName: 'Khava Isaeva', birthYear: 1992, risk: 'high', passport: 'held_by_family' },
  });
  await a.control.value('createCase', { input: { alias: 'Not exported' } });
  // B already holds her, written in Cyrillic from a hotline call: the preview says so before import.
  await b.control.value('createCase', { input: { alias: 'Хава И.', legalName: 'Исаева Хава', birthYear: 1992 } });

  // A: export the one case to B through the UI.
  await goTo(a.page, 'exchange');
  const exportButton = a.page.getByRole('form', { name: 'Export cases' }).getByRole('button', { name: 'Export' });
  await expect(exportButton).toBeDisabled();
  await a.page.getByRole('checkbox', { name: /^Khava/ }).check();
  await a.page.getByRole('group', { name: 'Recipients' }).getByRole('checkbox', { name: /Anzor/ }).check();
  await expectNoAxeViolations(a.page);
  await exportButton.click();
  await expect(a.page.getByRole('status').filter({ hasText: /1 case sealed to/ })).toBeVisible();
  const file = newestExport(a.control);

  // B: choose the file, see what would change, apply.
  await goTo(b.page, 'exchange');
  await b.page.getByRole('button', { name: 'Import', exact: true }).click();
  await b.control.queueDialog('openImportFile', file);
  await b.page.getByRole('button', { name: 'Choose file…' }).click();
  await expect(b.page.getByText('1 new case')).toBeVisible();
  const arriving = b.page.getByRole('listitem').filter({ hasText: 'Khava' });
  await expect(arriving).toBeVisible();
  await expect(arriving.getByText('May be the same person as Хава И., held here')).toBeVisible();
  await expect(arriving.getByText('name Khava Isaeva ~ Исаева Хава; born 1992')).toBeVisible();
  await expect(b.page.getByText('Madina')).toBeVisible();
  await expectNoAxeViolations(b.page);
  await saveScreen(b.page, 'import-preview', 'en');
  await b.page.getByRole('button', { name: 'Apply' }).click();
  await expect(b.page.getByText('Imported: 1 new, 0 updated, 0 new conflicts.')).toBeVisible();

  // The same file again changes nothing, and says so.
  await b.control.queueDialog('openImportFile', file);
  await b.page.getByRole('button', { name: 'Choose file…' }).click();
  await expect(b.page.getByText(/already imported/).first()).toBeVisible();

  // Both change the same field at once; B's change comes back to A as a conflict.
  await a.control.value('updateCase', { id, patch: { passport: 'confiscated' } });
  await b.control.value('updateCase', { id, patch: { passport: 'destroyed' } });
  await b.control.value('exportCases', {
    caseIds: [id],
    to: [(await a.control.value('getKeyCard', {})).me.fingerprint],
  });
  // Opened with the app (a double-clicked file): the UI goes straight to its preview.
  await goTo(a.page, 'cases');
  await a.control.openFile(newestExport(b.control));
  await expect(a.page.getByText('1 new conflict')).toBeVisible();
  await a.page.getByRole('button', { name: 'Apply' }).click();
  await expect(a.page.getByText(/1 new conflicts/)).toBeVisible();

  // A: the case shows both values; pick one.
  await goTo(a.page, 'cases');
  await a.page.getByRole('button', { name: 'Khava', exact: true }).click();
  const panel = a.page.getByRole('region', { name: /conflicting edit/ });
  await expect(panel.getByText('Confiscated')).toBeVisible();
  await expect(panel.getByText('Destroyed')).toBeVisible();
  await expectNoAxeViolations(a.page);
  await saveScreen(a.page, 'conflict', 'en');
  await panel.getByRole('button', { name: 'Keep “Destroyed”' }).click();
  await expect(panel).toHaveCount(0);
  await expect(new CasePage(a.page).field('Travel passport')).toHaveValue('destroyed');
  const { case: resolved } = await a.control.value('getCase', { id });
  expect(resolved.conflicts).toEqual([]);
  expect(resolved.fields.passport).toBe('destroyed');
});

test('refuses a file addressed to someone else, in plain words, and changes nothing', async ({ openApp }) => {
  const a = await openApp();
  const b = await openApp();
  const c = await openApp();
  await openVault(a.page, a.control, { name: 'Madina' });
  await openVault(b.page, b.control, { name: 'Anzor' });
  await openVault(c.page, c.control, { name: 'Zelim' });
  await introduce(a.control, b.control);
  await introduce(a.control, c.control);
  await a.control.value('createCase', { input: { alias: 'Only for Anzor' } });
  await a.control.value('exportCases', {
    caseIds: 'all',
    to: [(await b.control.value('getKeyCard', {})).me.fingerprint],
  });
  await goTo(c.page, 'exchange');
  await c.page.getByRole('button', { name: 'Import', exact: true }).click();
  await c.control.queueDialog('openImportFile', newestExport(a.control));
  await c.page.getByRole('button', { name: 'Choose file…' }).click();
  await expect(c.page.getByRole('alert')).toContainText('Refused:');
  await expect(c.page.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  expect((await c.control.value('queryCases', { filter: {} })).total).toBe(0);
});

test('hands a case off with purge: assigned, sealed to the contact, erased here', async ({ openApp }) => {
  const a = await openApp();
  const b = await openApp();
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await openVault(a.page, a.control, { name: 'Madina' });
  await openVault(b.page, b.control, { name: 'Anzor' });
  const people = await introduce(a.control, b.control);
  const { id } = await a.control.value('createCase', { input: { alias: 'Ibragim', legalName: 'Ibragim Umarov' } });
  await a.page.reload();
  await waitReady(a.page, 'app');

  // From the case page, "Hand off…" opens the hand-off with the case chosen.
  await a.page.getByRole('button', { name: 'Ibragim', exact: true }).click();
  await a.page.getByRole('button', { name: 'Hand off…' }).click();
  await expect(a.page.getByText('Handing off:')).toContainText('Ibragim');
  await a.page.getByRole('group', { name: 'Hand off to' }).getByRole('radio', { name: /Anzor/ }).check();
  await a.page.getByRole('checkbox', { name: 'Legal name' }).check();
  await a.page.getByRole('checkbox', { name: 'Erase my local copy after handing off' }).check();
  const handOff = a.page
    .getByRole('form', { name: 'Hand off a case' })
    .getByRole('button', { name: 'Hand off', exact: true });
  await expect(handOff).toBeDisabled();
  await a.page.getByRole('checkbox', { name: 'I understand the local copy will be erased' }).check();
  // Nothing goes before the person's consent is recorded: what they agreed to, or why there is none.
  await expect(handOff).toBeDisabled();
  await a.page.getByRole('radio', { name: 'The person agreed to their case going to:' }).check();
  await expect(handOff).toBeDisabled();
  await a.page
    .getByRole('textbox', { name: 'Whom the person agreed their case may go to' })
    .fill('Anzor, Civic Assistance');
  await expectNoAxeViolations(a.page);
  await saveScreen(a.page, 'handoff', 'en');
  await handOff.click();
  await expect(a.page.getByText('The local copy was erased.')).toBeVisible();
  await expect(a.page.getByText('When Anzor imports it, their receipt shows in Hand-offs.')).toBeVisible();
  expect((await a.control.value('queryCases', { filter: {} })).total).toBe(0);
  // The purged case is no longer offered for another hand-off.
  const handOffForm = a.page.getByRole('form', { name: 'Hand off a case' });
  await expect(handOffForm.getByRole('group', { name: 'Case' })).toBeVisible();
  await expect(handOffForm.locator('.picker-alias', { hasText: 'Ibragim' })).toHaveCount(0);

  // B receives it, assigned to B, without the legal name.
  const file = newestExport(a.control);
  expect(fs.statSync(file).size).toBeGreaterThan(0);
  await b.control.queueDialog('openImportFile', file);
  const preview = await b.control.value('chooseImportFile', {});
  const applied = await b.control.value('applyImport', { token: preview.file!.token });
  expect(applied.newCases).toBe(1);
  const { case: received } = await b.control.value('getCase', { id });
  expect(received.fields.assignedTo).toBe(people.b.fingerprint);
  expect(received.fields.legalName).toBeNull();
  expect(received.consents?.map((c) => c.agreedTo)).toEqual(['Anzor, Civic Assistance']);
});
