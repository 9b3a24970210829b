import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, type HardenableContents } from './webContentsHardening.js';

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    setWindowOpenHandler: vi.fn(),
    closeDevTools: vi.fn(),
  };
  return { contents: contents as unknown as HardenableContents & typeof contents, listeners };
}

const prevented = (listener: ((...args: unknown[]) => void) | undefined, url: string) => {
  const event = { preventDefault: vi.fn() };
  listener?.(event, url);
  return event.preventDefault.mock.calls.length > 0;
};

describe('hardened web contents', () => {
  it('refuses every navigation, redirect and webview', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents, { isPackaged: true });
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'crossing://app/index.html']) {
      expect(prevented(listeners.get('will-navigate'), url)).toBe(true);
      expect(prevented(listeners.get('will-redirect'), url)).toBe(true);
    }
    expect(prevented(listeners.get('will-attach-webview'), 'https://example.org/')).toBe(true);
  });

  it('denies window.open', () => {
    const { contents } = fakeContents();
    hardenWebContents(contents, { isPackaged: true });
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: unknown) => unknown;
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('closes devtools at once in packaged builds', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents, { isPackaged: true });
    listeners.get('devtools-opened')?.();
    expect(contents.closeDevTools).toHaveBeenCalled();
  });

  it('leaves devtools usable in development', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents, { isPackaged: false });
    expect(listeners.has('devtools-opened')).toBe(false);
  });
});
