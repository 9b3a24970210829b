import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseAcceptable, passphraseStrength } from './passphrase';
import { presetOf, presets } from './presets';
import { isModKey, matchesAccelerator } from './shortcuts';

const key = (init: Partial<KeyboardEvent>) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, key: '', code: '', ...init }) as KeyboardEvent;

describe('passphrase strength', () => {
  it('refuses short or repetitive passphrases and accepts long varied ones', () => {
    expect(passphraseAcceptable('short')).toBe(false);
    expect(passphraseAcceptable('a'.repeat(30))).toBe(false);
    expect(passphraseAcceptable('x'.repeat(MIN_PASSPHRASE_LENGTH - 1))).toBe(false);
    expect(passphraseAcceptable('river-lantern-copper-71')).toBe(true);
    expect(passphraseAcceptable('ночной поезд в Тбилиси')).toBe(true);
    expect(passphraseStrength('').score).toBe(0);
  });

  it('refuses what a cracker guesses first, however long: spaces, repeated words, keyboard walks', () => {
    expect(passphraseAcceptable(' '.repeat(12))).toBe(false);
    expect(passphraseAcceptable('пароль пароль')).toBe(false);
    expect(passphraseAcceptable('qwertyuiop12')).toBe(false);
    expect(passphraseAcceptable('password1234')).toBe(false);
    expect(passphraseStrength('пароль пароль').score).toBeLessThan(4);
    expect(passphraseStrength('seven tired owls cross the river').score).toBe(4);
  });
});

describe('shortcuts', () => {
  it('matches the panic accelerator by physical key, also in a Russian layout', () => {
    const accel = 'CommandOrControl+Shift+L';
    expect(matchesAccelerator(key({ ctrlKey: true, shiftKey: true, key: 'L', code: 'KeyL' }), accel)).toBe(true);
    expect(matchesAccelerator(key({ ctrlKey: true, shiftKey: true, key: 'Д', code: 'KeyL' }), accel)).toBe(true);
    expect(matchesAccelerator(key({ ctrlKey: true, key: 'l', code: 'KeyL' }), accel)).toBe(false);
    expect(matchesAccelerator(key({ metaKey: true, shiftKey: true, key: 'l', code: 'KeyL' }), accel)).toBe(true);
  });

  it('Ctrl+N is new case whatever the layout, but not with Shift', () => {
    expect(isModKey(key({ ctrlKey: true, key: 'т', code: 'KeyN' }), 'n')).toBe(true);
    expect(isModKey(key({ ctrlKey: true, shiftKey: true, code: 'KeyN' }), 'n')).toBe(false);
  });
});

describe('saved filters', () => {
  it('recognises a preset whatever the search text and key order', () => {
    const list = presets('f'.repeat(40), '2025-05-01');
    expect(presetOf({}, list)).toBe('all');
    expect(presetOf({ search: 'Ахмед', passport: ['confiscated'] }, list)).toBe('confiscated');
    expect(presetOf({ overdueOn: '2025-05-01' }, list)).toBe('overdue');
    expect(presetOf({ risk: ['critical', 'high'] }, list)).toBeNull();
  });
});
