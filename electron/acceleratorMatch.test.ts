import { describe, expect, it } from 'vitest';
import { matchesAccelerator, type KeyInput } from './acceleratorMatch.js';

const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
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
});
