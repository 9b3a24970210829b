import { describe, expect, it, vi } from 'vitest';
import { useGlobalShortcutsPortal } from './shortcutsPortal.js';

describe('global shortcuts under Wayland', () => {
  it("asks Chromium to use the desktop's GlobalShortcuts portal on Linux only", () => {
    const linux = { appendSwitch: vi.fn() };
    useGlobalShortcutsPortal(linux, 'linux');
    expect(linux.appendSwitch).toHaveBeenCalledWith('enable-features', 'GlobalShortcutsPortal');
    const mac = { appendSwitch: vi.fn() };
    useGlobalShortcutsPortal(mac, 'darwin');
    expect(mac.appendSwitch).not.toHaveBeenCalled();
  });
});
