import { test as base, expect, type Page } from '@playwright/test';
import type { AppControl } from './control.js';
import { NO_ELECTRON, electronBinary, launchElectronApp } from './launchElectronApp.js';
import { launchHarnessApp, type LaunchedApp } from './launchHarnessApp.js';

/** What the UI sets on `<body data-ready>` once a screen is usable: create, unlock or app. */
export type ReadyState = 'create' | 'unlock' | 'app';

export interface CrossingFixtures {
  /** The first app instance: its page (loaded, ready) and its control handle. */
  app: { page: Page; control: AppControl };
  /** Opens another app instance with its own vault (export/import between two vaults). */
  openApp: () => Promise<{ page: Page; control: AppControl }>;
  /**
   * A minisign public key the app trusts for installers instead of Crossing's pinned release key, so a
   * spec can sign a release with a throwaway key. Only the harness can be told so: a spec that sets it
   * is skipped on the Electron app, which trusts the pinned key alone.
   */
  trustedReleaseKey: string | undefined;
}

/** Waits for the UI's readiness marker instead of sleeping. */
export async function waitReady(page: Page, state?: ReadyState): Promise<void> {
  const selector = state ? `body[data-ready="${state}"]` : 'body[data-ready]';
  await page.waitForSelector(selector, { state: 'attached' });
}

export const test = base.extend<CrossingFixtures>({
  trustedReleaseKey: [undefined, { option: true }],
  openApp: async ({ playwright, browserName, trustedReleaseKey }, use, testInfo) => {
    const target = testInfo.project.metadata.target as 'harness' | 'electron';
    if (target === 'electron') testInfo.skip(electronBinary() === null, NO_ELECTRON);
    if (target === 'electron')
      testInfo.skip(trustedReleaseKey !== undefined, 'the app trusts only the pinned release key');
    const launched: LaunchedApp[] = [];
    let browser: Awaited<ReturnType<typeof playwright.chromium.launch>> | undefined;
    await use(async () => {
      let app: LaunchedApp;
      if (target === 'electron') app = await launchElectronApp();
      else {
        browser ??= await playwright[browserName].launch(testInfo.project.use.launchOptions);
        app = await launchHarnessApp(browser, { releasePublicKey: trustedReleaseKey });
      }
      launched.push(app);
      await waitReady(app.page);
      return { page: app.page, control: app.control };
    });
    for (const app of launched.reverse()) await app.close();
    await browser?.close();
  },
  app: async ({ openApp }, use) => {
    await use(await openApp());
  },
});

export { expect };
