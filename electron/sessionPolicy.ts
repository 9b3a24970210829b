/**
 * Pure decisions behind the session and web-contents handlers. The renderer may load the app's own
 * files and nothing else: no network, no navigation, no new windows, no permission of any kind.
 */

/** The renderer is served from this privileged custom scheme, never from file:// or http. */
export const APP_SCHEME = 'crossing';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** True only for the app's own origin: `crossing://app/...`, with no credentials or port smuggled in. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The request filter: the app's own files pass; in development, devtools' own pages pass too. */
export function isRequestAllowed(url: string, { isPackaged }: { isPackaged: boolean }): boolean {
  if (isAppUrl(url)) return true;
  return !isPackaged && parse(url)?.protocol === 'devtools:';
}

/** Every permission (camera, microphone, notifications, clipboard-read, geolocation, ...) is refused. */
export const isPermissionGranted = (_permission: string): boolean => false;

/** The window never leaves the app: links, redirects and form posts go nowhere. */
export const isNavigationAllowed = (_url: string): boolean => false;

/** `window.open` and target=_blank never create a window, and never hand a URL to the system browser. */
export const windowOpenDecision = () => ({ action: 'deny' as const });
