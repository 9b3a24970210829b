import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import type { Channel, ChannelArgs, IpcResponse } from '../shared/ipc/contract.js';
import { valueOf, type AppControl } from './control.js';
import type { LaunchedApp } from './launchHarnessApp.js';
import { installedElectronBinary } from '../scripts/electronBinary.mjs';

export const NO_ELECTRON = 'Electron binary not installed (it is fetched by npm start or npx install-electron)';

/** The Electron binary's path, or null where it was never fetched (as on these machines). Never downloads. */
export const electronBinary = (): string | null => installedElectronBinary();

/** Main's compiled entry; the app reads its data folder from CROSSING_DATA_DIR in test runs. */
const MAIN_ENTRY = path.resolve('dist/electron/main.js');

/** One instance of the real app, with a fresh data folder. Dialogs are answered by stubbing Electron's `dialog`. */
export async function launchElectronApp(): Promise<LaunchedApp> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-electron-'));
  const dataDir = path.join(root, 'data');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const app = await electron.launch({
    executablePath: electronBinary() ?? undefined,
    args: [MAIN_ENTRY],
    env: { ...process.env, CROSSING_DATA_DIR: dataDir, CROSSING_E2E: '1', NODE_ENV: 'test' },
  });
  const page = await app.firstWindow();
  const call = <C extends Channel>(channel: C, args: ChannelArgs<C>) =>
    page.evaluate(
      ([c, a]) => (window as unknown as { crossing: Record<string, (x: unknown) => Promise<unknown>> }).crossing[c]!(a),
      [channel, args] as [string, unknown],
    ) as Promise<IpcResponse<C>>;
  const control: AppControl = {
    target: 'electron',
    dataDir,
    outDir,
    async queueDialog(dialog, answer) {
      await app.evaluate(
        ({ dialog: d }, [name, chosen]) => {
          const canceled = chosen === null;
          if (name === 'saveFile') {
            d.showSaveDialog = (async () => ({ canceled, filePath: chosen ?? '' })) as typeof d.showSaveDialog;
          } else {
            d.showOpenDialog = (async () => ({
              canceled,
              filePaths: chosen ? [chosen] : [],
            })) as typeof d.showOpenDialog;
          }
        },
        [dialog, answer] as const,
      );
    },
    async lock(reason) {
      // The panic shortcut is the one lock a spec can trigger from outside in the real app.
      if (reason !== 'panic') throw new Error(`the Electron project can only simulate a panic lock, not ${reason}`);
      await page.keyboard.press('Control+Shift+L');
    },
    async openFile() {
      throw new Error('opening a file with the app is not simulated in the Electron project');
    },
    call,
    value: (channel, args) => valueOf(channel, call(channel, args)),
  };
  // Specs read the UI's English wording (models/strings.ts); the app starts in Russian otherwise.
  await control.value('updateSettings', { language: 'en' });
  await page.reload();
  return {
    page,
    control,
    async close() {
      await app.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
