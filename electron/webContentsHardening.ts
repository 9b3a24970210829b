import { type WebContents } from 'electron';
import { isNavigationAllowed, windowOpenDecision } from './sessionPolicy.js';

type PreventableEvent = { preventDefault(): void };
type Listener = (event: PreventableEvent, url: string) => void;

export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'closeDevTools'> & {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: Listener): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
};

/**
 * Applied to every web contents the app creates (app 'web-contents-created'): it may not navigate away,
 * follow a redirect, attach a <webview> or open a window, and packaged builds shut devtools as soon as
 * anything opens them.
 */
export function hardenWebContents(contents: HardenableContents, { isPackaged }: { isPackaged: boolean }): void {
  const refuseNavigation: Listener = (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenDecision);
  if (isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}
