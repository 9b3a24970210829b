import { describe, expect, it, vi } from 'vitest';
import { panicShortcut } from './panicShortcut.js';

function fakeShortcuts(refused: string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (accelerator === 'garbage') throw new Error('conversion failure');
      if (refused.includes(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void registered.delete(accelerator)),
  };
}

describe('panic shortcut', () => {
  it('runs the panic action when pressed', () => {
    const shortcuts = fakeShortcuts();
    const onPanic = vi.fn();
    expect(panicShortcut(shortcuts, onPanic).use('CommandOrControl+Shift+L')).toBe(true);
    shortcuts.registered.get('CommandOrControl+Shift+L')?.();
    expect(onPanic).toHaveBeenCalledOnce();
  });

  it('moves to a new accelerator when the setting changes', () => {
    const shortcuts = fakeShortcuts();
    const panic = panicShortcut(shortcuts, vi.fn());
    panic.use('CommandOrControl+Shift+L');
    panic.use('CommandOrControl+Shift+L');
    panic.use('Alt+F12');
    expect([...shortcuts.registered.keys()]).toEqual(['Alt+F12']);
    expect(shortcuts.register).toHaveBeenCalledTimes(2);
  });

  it('reports an accelerator the system refuses or cannot parse', () => {
    const shortcuts = fakeShortcuts(['Alt+F4']);
    const panic = panicShortcut(shortcuts, vi.fn());
    expect(panic.use('Alt+F4')).toBe(false);
    expect(panic.use('garbage')).toBe(false);
    expect(panic.use('Alt+F12')).toBe(true);
  });

  it('releases the key on quit', () => {
    const shortcuts = fakeShortcuts();
    const panic = panicShortcut(shortcuts, vi.fn());
    panic.use('Alt+F12');
    panic.release();
    expect(shortcuts.registered.size).toBe(0);
  });
});
