import { type BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer's session lives in memory only (no `persist:` prefix): its cache, storage and cookies
 * never touch the disk of a laptop that may be seized.
 */
export const APP_PARTITION = 'crossing';

export type WindowOptionsInput = { preload: string; isPackaged: boolean };

/** The main window, with every renderer hardening flag set explicitly rather than left to defaults. */
export function windowOptions({ preload, isPackaged }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Crossing',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false, // shown on ready-to-show, so no blank frame flashes
    backgroundColor: '#1d1f24',
    webPreferences: {
      preload,
      partition: APP_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      plugins: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false, // the spell-checker would download dictionaries and read every case note
      devTools: !isPackaged,
    },
  };
}
