import { describe, expect, it } from 'vitest';
import { acceleratorOf, describeAccelerator, matchesAccelerator } from './shortcuts';

const press = (init: Partial<KeyboardEvent>) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, key: '', code: '', ...init }) as KeyboardEvent;

describe('a shortcut chosen by pressing it', () => {
  it('names the physical key, so the Russian layout records what the English one does', () => {
    const russian = press({ ctrlKey: true, shiftKey: true, key: 'Д', code: 'KeyL' });
    expect(acceleratorOf(russian)).toBe('CommandOrControl+Shift+L');
    expect(matchesAccelerator(russian, acceleratorOf(russian)!)).toBe(true);
    expect(acceleratorOf(press({ altKey: true, key: '9', code: 'Digit9' }))).toBe('Alt+9');
    expect(acceleratorOf(press({ ctrlKey: true, key: 'F12', code: 'F12' }))).toBe('CommandOrControl+F12');
  });

  it('waits while only modifiers are held, and refuses keys that would fire while typing', () => {
    expect(acceleratorOf(press({ ctrlKey: true, key: 'Control', code: 'ControlLeft' }))).toBeNull();
    expect(acceleratorOf(press({ shiftKey: true, key: 'L', code: 'KeyL' }))).toBeNull();
    expect(acceleratorOf(press({ key: 'l', code: 'KeyL' }))).toBeNull();
  });

  it('reads as the keyboard says it', () => {
    expect(describeAccelerator('CommandOrControl+Shift+L')).toBe('Ctrl+Shift+L');
  });
});
