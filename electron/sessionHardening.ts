import { type Session } from 'electron';
import { contentSecurityPolicy } from './csp.js';
import { isPermissionGranted, isRequestAllowed } from './sessionPolicy.js';

export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setSpellCheckerEnabled'
> & {
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

/**
 * Puts a session under the policy: every request that is not the app's own file is cancelled before it
 * leaves, every permission and device request is refused, nothing is downloaded, and the spell-checker
 * (which downloads dictionaries) stays off.
 */
export function hardenSession(session: HardenableSession, { isPackaged }: { isPackaged: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, { isPackaged }) });
  });
  // The protocol handler sets the CSP too; this covers any response that reaches the renderer another way.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  // null refuses; `{}` throws in main when the page asked for video ("video must be a WebFrameMain or
  // DesktopCapturerSource", electron/electron#45517).
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.setSpellCheckerEnabled(false);
  // Files leave the vault only through the vault's own export and a native save dialog.
  session.on('will-download', (event) => event.preventDefault());
}
