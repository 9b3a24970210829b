import { describe, expect, it, vi } from 'vitest';
import { openMainWindow } from './mainWindow.js';

describe('main window', () => {
  it('is hardened, hidden from screen capture, and loads the app page', () => {
    const made: FakeWindow[] = [];
    class FakeWindow {
      setContentProtection = vi.fn();
      once = vi.fn();
      loadURL = vi.fn(async () => {});
      show = vi.fn();
      constructor(readonly options: { webPreferences: Record<string, unknown> }) {
        made.push(this);
      }
    }
    openMainWindow(FakeWindow as never, { preload: '/p/preload.cjs', isPackaged: true });
    const window = made[0]!;
    expect(window.setContentProtection).toHaveBeenCalledWith(true);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false });
    expect(window.loadURL).toHaveBeenCalledWith('crossing://app/index.html');
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });
});
