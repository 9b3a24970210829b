import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAppUrl,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  windowOpenDecision,
} from './sessionPolicy.js';

const packaged = { isPackaged: true };
const dev = { isPackaged: false };

describe('request filter', () => {
  it.each([APP_ENTRY_URL, 'crossing://app/assets/index-abc123.js', 'crossing://app/assets/font.woff2'])(
    'lets the app load its own file %s',
    (url) => {
      expect(isRequestAllowed(url, packaged)).toBe(true);
    },
  );

  it.each([
    'https://example.org/',
    'http://127.0.0.1:8080/index.html',
    'http://localhost/',
    'ws://127.0.0.1:9222/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'data:text/html,<script>alert(1)</script>',
    'blob:crossing://app/123',
    'chrome-extension://abc/script.js',
    'crossing://evil/index.html',
    'crossing://app.evil.org/index.html',
    'crossing://user:pw@app/index.html',
    'crossing://app:8080/index.html',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url, packaged)).toBe(false);
  });

  it('lets devtools load its pages only in development', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRequestAllowed('https://example.org/', dev)).toBe(false);
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('crossing://app/')).toBe(true);
    expect(isAppUrl('crossing://app/assets/x.css')).toBe(true);
    expect(isAppUrl('https://app/')).toBe(false);
  });
});

describe('permissions, navigation and new windows', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown'])(
    'refuses the %s permission',
    (permission) => {
      expect(isPermissionGranted(permission)).toBe(false);
    },
  );

  it.each([APP_ENTRY_URL, 'https://example.org/', 'file:///etc/passwd'])('refuses to navigate to %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('denies window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});
