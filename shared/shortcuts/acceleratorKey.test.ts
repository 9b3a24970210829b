import { describe, expect, it } from 'vitest';
import { physicalKeyCode, pressesAcceleratorKey } from './acceleratorKey.js';

describe('accelerator keys', () => {
  it('names the physical key of letters, digits, function and named keys', () => {
    expect(physicalKeyCode('l')).toBe('KeyL');
    expect(physicalKeyCode('7')).toBe('Digit7');
    expect(physicalKeyCode('F12')).toBe('F12');
    expect(physicalKeyCode('Esc')).toBe('Escape');
    expect(physicalKeyCode('Space')).toBe('Space');
    expect(physicalKeyCode('F25')).toBeNull();
    expect(physicalKeyCode('Plus')).toBeNull();
  });

  it('matches by physical key or by the typed character', () => {
    expect(pressesAcceleratorKey('L', { code: 'KeyL', key: 'Д' })).toBe(true);
    expect(pressesAcceleratorKey('Plus', { code: 'Equal', key: 'plus' })).toBe(true);
    expect(pressesAcceleratorKey('L', { code: 'KeyK', key: 'л' })).toBe(false);
  });
});
