import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { RELEASE_KEY_ID } from '../shared/release/releaseKey.js';
import { minisignKeyPair, type MinisignKeyFiles } from '../shared/release/testing/minisignTool.js';
import { makeRelease } from '../shared/release/testing/releaseFixture.js';
import type { AppControl } from './control.js';
import { expect, test } from './fixtures.js';
import { goTo, openVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

/**
 * Settings → About: versions, the pinned release key, and checking an installer before installing
 * it. Releases are made by the spec (random bytes for installers, SHA256SUMS, a minisign signature
 * by a throwaway key minisign generates), so a genuine verdict needs the harness told to trust that
 * key; with the pinned key, anything the spec signs is refused as signed by another key.
 */
let folder: string | undefined;
let keys: MinisignKeyFiles | undefined;
function work(): string {
  folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-e2e-release-'));
  return folder;
}
function throwawayKey(): MinisignKeyFiles {
  keys ??= minisignKeyPair(work(), 'throwaway');
  return keys;
}
test.afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

let n = 0;
const release = (version: string) =>
  makeRelease(path.join(work(), `release-${process.pid}-${++n}`), {
    version,
    secretKeyFile: throwawayKey().secretKeyFile,
  });

async function verifyInstaller(page: Page, control: AppControl, installer: string) {
  await control.queueDialog('openInstaller', installer);
  await page.getByRole('button', { name: 'Choose installer…' }).click();
}

const verdict = (page: Page) => page.locator('.verdict');

test('About shows the versions and the pinned key; an installer signed by another key is refused', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  await goTo(page, 'settings');
  const about = page.getByRole('region', { name: 'About Crossing' });
  await expect(about.getByText('Electron', { exact: true })).toBeVisible();
  if (control.target === 'harness') {
    // The harness is not Electron and says so; its Node is this test's Node.
    await expect(about.getByText('not running inside Electron')).toHaveCount(2);
    await expect(about.getByText(process.versions.node, { exact: true })).toBeVisible();
  } else {
    // Crossing, Electron, Chromium and Node versions, all real.
    await expect(about.getByText('not running inside Electron')).toHaveCount(0);
    await expect(about.getByText(/^\d+\.\d+\.\d+/)).toHaveCount(4);
  }
  await expect(about.getByTestId('release-key-id')).toHaveText(RELEASE_KEY_ID);

  // Cancelling the dialog changes nothing.
  await control.queueDialog('openInstaller', null);
  await page.getByRole('button', { name: 'Choose installer…' }).click();
  await expect(verdict(page)).toHaveCount(0);

  const { installers } = await release('0.2.0');
  await verifyInstaller(page, control, installers[0]!);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'key');
  await expect(verdict(page)).toContainText('Not a genuine Crossing installer: do not install it');
  await expect(verdict(page)).toContainText(`not with Crossing's release key ${RELEASE_KEY_ID}`);
  await expectNoAxeViolations(page);
});

test('an installer without its signed SHA256SUMS beside it is refused, saying what to copy', async ({ app }) => {
  const { page, control } = app;
  await openVault(page, control);
  await goTo(page, 'settings');
  const { folder: releaseFolder, installers } = await release('0.2.0');
  fs.rmSync(path.join(releaseFolder, 'SHA256SUMS.minisig'));
  await verifyInstaller(page, control, installers[0]!);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'signed');
  await expect(verdict(page)).toContainText("Put the release's SHA256SUMS and SHA256SUMS.minisig in the same folder");
});

test.describe('with a release key the spec holds', () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
  test.use({ trustedReleaseKey: async ({}, use) => use(throwawayKey().publicKey) });

  test('a genuine newer installer, a changed one, and an older one', async ({ app }) => {
    const { page, control } = app;
    await openVault(page, control);
    await goTo(page, 'settings');
    const { installers } = await release('0.2.0');
    await verifyInstaller(page, control, installers[0]!);
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'genuine');
    await expect(verdict(page)).toContainText('Genuine Crossing 0.2.0');
    await expect(verdict(page)).toContainText('Newer than the 0.0.0-harness you are running: you can install it.');
    await expectNoAxeViolations(page);

    fs.appendFileSync(installers[1]!, 'changed on the way');
    await verifyInstaller(page, control, installers[1]!);
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'hash');
    await expect(verdict(page)).toContainText(`${path.basename(installers[1]!)} was changed`);

    const old = await release('0.0.0-alpha');
    await verifyInstaller(page, control, old.installers[0]!);
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'version');
    await expect(verdict(page)).toContainText('An older version of Crossing: do not install it');
  });
});

for (const lang of ['en', 'ru'] as const) {
  test(`About in ${lang}, at 1024×700 and 1440×900`, async ({ app }) => {
    const { page, control } = app;
    await openVault(page, control, { lang });
    await goTo(page, 'settings');
    const { installers } = await release('0.2.0');
    await control.queueDialog('openInstaller', installers[0]!);
    await page.locator('.about button.btn-primary').click();
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'key');
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.locator('#about-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expectNoAxeViolations(page);
      await saveScreen(page, width === 1024 ? 'about-1024' : 'about', lang);
    }
  });
}
