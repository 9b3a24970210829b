import { type BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './sessionPolicy.js';
import { windowOptions } from './windowOptions.js';

type WindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * Opens the one window: hardened options, hidden from screen capture and screen sharing (case data on a
 * shared or recorded screen is a leak), shown once painted, loading the UI from the app scheme.
 */
export function openMainWindow(Window: WindowClass, { preload, isPackaged }: { preload: string; isPackaged: boolean }) {
  const window = new Window(windowOptions({ preload, isPackaged }));
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
