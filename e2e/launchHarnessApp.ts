import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startHarness } from './harness/server.js';
import { valueOf, type AppControl } from './control.js';

export interface LaunchedApp {
  page: Page;
  control: AppControl;
  close(): Promise<void>;
}

/** One app instance in Chromium: a fresh harness (fresh vault folder) and a fresh browser context. */
export async function launchHarnessApp(
  browser: Browser,
  options: { releasePublicKey?: string | undefined } = {},
): Promise<LaunchedApp> {
  const harness = await startHarness({
    rendererDir: path.resolve('dist-renderer'),
    ...(options.releasePublicKey ? { releasePublicKey: options.releasePublicKey } : {}),
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const control: AppControl = {
    target: 'harness',
    dataDir: harness.dataDir,
    outDir: harness.outDir,
    queueDialog: async (dialog, answer) => harness.queueDialog(dialog, answer),
    lock: async (reason) => harness.lock(reason),
    openFile: async (filePath) => harness.openFile(filePath),
    call: (channel, args) => harness.call(channel, args),
    value: (channel, args) => valueOf(channel, harness.call(channel, args)),
  };
  // Specs read the UI's English wording (models/strings.ts); the app starts in Russian otherwise.
  await control.value('updateSettings', { language: 'en' });
  await page.goto(harness.url);
  return {
    page,
    control,
    async close() {
      await context.close();
      await harness.close();
    },
  };
}
