import { describe, expect, it, vi } from 'vitest';
import { hardenSession, type HardenableSession } from './sessionHardening.js';

type Listener = (...args: never[]) => unknown;

/** A session that records the handlers it is given, so the test can feed them requests. */
function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const record = (name: string) => (handler: Listener) => {
    handlers[name] = handler;
  };
  const session = {
    webRequest: { onBeforeRequest: record('request'), onHeadersReceived: record('headers') },
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('device'),
    setDisplayMediaRequestHandler: record('displayMedia'),
    setSpellCheckerEnabled: vi.fn(),
    on: (event: string, handler: Listener) => record(event)(handler),
  };
  return { session: session as unknown as HardenableSession & typeof session, handlers };
}

const call = (handler: Listener | undefined, ...args: unknown[]) => (handler as (...a: unknown[]) => unknown)(...args);

function requestOutcome(handlers: Record<string, Listener>, url: string) {
  let response: { cancel?: boolean } | undefined;
  call(handlers.request, { url }, (r: { cancel?: boolean }) => (response = r));
  return response;
}

describe('hardened session', () => {
  const { session, handlers } = fakeSession();
  hardenSession(session, { isPackaged: true });

  it('cancels every request that is not one of the app files', () => {
    for (const url of [
      'https://example.org/telemetry',
      'http://127.0.0.1:3000/',
      'wss://example.org/',
      'file:///etc/passwd',
      'https://redirector.gvt1.com/edgedl/chrome/dict/ru-ru-3-0.bdic',
    ]) {
      expect(requestOutcome(handlers, url)).toEqual({ cancel: true });
    }
  });

  it('lets the app files through', () => {
    expect(requestOutcome(handlers, 'crossing://app/index.html')).toEqual({ cancel: false });
    expect(requestOutcome(handlers, 'crossing://app/assets/index.js')).toEqual({ cancel: false });
  });

  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      call(handlers.permissionRequest, {}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(call(handlers.permissionCheck, null, permission, 'crossing://app', {})).toBe(false);
    }
    expect(call(handlers.device, { deviceType: 'usb' })).toBe(false);
  });

  it('shares no screen, and refuses a video request without throwing in main', () => {
    // Electron's callback, as it behaves: an object without a capturable source throws; null refuses.
    const electronCallback = vi.fn((streams: { video?: unknown } | null) => {
      if (streams !== null && !streams.video) {
        throw new TypeError('video must be a WebFrameMain or DesktopCapturerSource');
      }
    });
    const request = { videoRequested: true, audioRequested: false, userGesture: true };
    expect(() => call(handlers.displayMedia, request, electronCallback)).not.toThrow();
    expect(electronCallback).toHaveBeenCalledWith(null);
  });

  it('adds the CSP to every response', () => {
    let headers: Record<string, string[]> = {};
    call(handlers.headers, { responseHeaders: { 'Content-Type': ['text/html'] } }, (r: { responseHeaders: never }) => {
      headers = r.responseHeaders;
    });
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'/);
  });

  it('refuses every download', () => {
    const event = { preventDefault: vi.fn() };
    call(handlers['will-download'], event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('turns the spell-checker off', () => {
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });
});
