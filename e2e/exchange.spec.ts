import fs from 'node:fs';
import { expect, test } from './fixtures.js';
import type { AppControl } from './control.js';
import { ExchangePage } from './models/ExchangePage.js';
import { en } from './models/strings.js';
import { WorkspacePage } from './models/WorkspacePage.js';

const PASSPHRASE = 'seven tired owls cross the river';

/** Two vaults that hold each other's verified key cards: set up through the contract, not the screens. */
async function introduce(a: AppControl, b: AppControl) {
  const cardA = (await a.value('getKeyCard', {})).card;
  const cardB = (await b.value('getKeyCard', {})).card;
  await a.value('addContact', { card: cardB, verified: true });
  await b.value('addContact', { card: cardA, verified: true });
}

test('a case exported from one vault is previewed and imported into another', async ({ openApp }, testInfo) => {
  testInfo.skip(testInfo.project.metadata.target !== 'harness', 'needs dialog answers for two app instances');
  const aset = await openApp();
  const bela = await openApp();
  for (const [app, name] of [
    [aset, 'Aset'],
    [bela, 'Bela'],
  ] as const) {
    await app.control.value('createVault', { passphrase: PASSPHRASE, kdf: 'interactive', displayName: name });
    await app.page.reload();
  }
  await introduce(aset.control, bela.control);
  await aset.control.value('createCase', { input: { alias: 'Magomed', risk: 'high' } });

  // Aset seals all cases to Bela; "save as…" lands in Aset's output folder.
  await new WorkspacePage(aset.page).goTo('exchange');
  await new ExchangePage(aset.page).exportAllTo('Bela');
  const exported = fs.readdirSync(aset.control.outDir).filter((f) => f.endsWith('.crossing'));
  expect(exported).toHaveLength(1);

  // Bela picks that file, sees what it would change, applies it.
  await bela.control.queueDialog('openImportFile', `${aset.control.outDir}/${exported[0]}`);
  const workspace = new WorkspacePage(bela.page);
  await workspace.goTo('exchange');
  const exchange = new ExchangePage(bela.page);
  await exchange.chooseImportFile();
  await expect(exchange.preview).toContainText(en('exchange.newCases', { count: 1 }));
  expect((await bela.control.value('queryCases', { filter: {} })).total).toBe(0);
  await exchange.apply();
  await workspace.goTo('cases');
  await expect(workspace.caseRow('Magomed')).toBeVisible();
});
