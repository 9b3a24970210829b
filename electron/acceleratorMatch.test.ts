import { describe, expect, it } from 'vitest';
import { physicalKeyCode } from '../shared/shortcuts/acceleratorKey.js';
import { matchesAccelerator, type KeyInput } from './acceleratorMatch.js';

const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  code: physicalKeyCode(key) ?? '',
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('panic accelerator in the window', () => {
  it('matches CommandOrControl+Shift+L as Ctrl+Shift+L off the Mac and Cmd+Shift+L on it', () => {
    expect(matchesAccelerator('CommandOrControl+Shift+L', press('L', { control: true, shift: true }), false)).toBe(
      true,
    );
    expect(matchesAccelerator('CommandOrControl+Shift+L', press('l', { meta: true, shift: true }), true)).toBe(true);
    expect(matchesAccelerator('CommandOrControl+Shift+L', press('L', { meta: true, shift: true }), false)).toBe(false);
  });

  it('needs exactly the modifiers named', () => {
    expect(matchesAccelerator('CommandOrControl+Shift+L', press('L', { control: true }), false)).toBe(false);
    expect(
      matchesAccelerator('CommandOrControl+Shift+L', press('L', { control: true, shift: true, alt: true }), false),
    ).toBe(false);
    expect(matchesAccelerator('Alt+F12', press('F12', { alt: true }), false)).toBe(true);
  });

  it('ignores key releases and accelerators it cannot read', () => {
    expect(matchesAccelerator('Alt+F12', { ...press('F12', { alt: true }), type: 'keyUp' }, false)).toBe(false);
    expect(matchesAccelerator('Hyper+F12', press('F12'), false)).toBe(false);
    expect(matchesAccelerator('', press('F12'), false)).toBe(false);
  });

  it('matches the physical key, whatever character the layout or the modifiers make of it', () => {
    const ctrlShift = { control: true, shift: true };
    // Russian layout: Ctrl+Shift+L types "Д".
    expect(matchesAccelerator('CommandOrControl+Shift+L', { ...press('Д', ctrlShift), code: 'KeyL' }, false)).toBe(
      true,
    );
    // Shift+1 types "!".
    expect(matchesAccelerator('Control+Shift+1', { ...press('!', ctrlShift), code: 'Digit1' }, false)).toBe(true);
    // Option+L on a Mac types "¬".
    expect(matchesAccelerator('Alt+L', { ...press('¬', { alt: true }), code: 'KeyL' }, true)).toBe(true);
    // Dvorak moves letters: the character still counts.
    expect(matchesAccelerator('Alt+L', { ...press('l', { alt: true }), code: 'KeyP' }, false)).toBe(true);
    expect(matchesAccelerator('Alt+L', { ...press('д', { alt: true }), code: 'KeyK' }, false)).toBe(false);
  });
});
