/**
 * The key of an Electron accelerator ("CommandOrControl+Shift+L" → "L") against a key press. The
 * character a key types depends on the layout and the modifiers — Ctrl+Shift+L types "Д" in the
 * Russian layout, Shift+1 types "!", Option+L on a Mac types "¬" — so a press matches by its physical
 * key (`code`) or, for layouts that move letters (Dvorak), by the character it types.
 */
const NAMED_CODES: Readonly<Record<string, string>> = {
  space: 'Space',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  return: 'Enter',
  enter: 'Enter',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  escape: 'Escape',
  esc: 'Escape',
  '-': 'Minus',
  '=': 'Equal',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
  ';': 'Semicolon',
  "'": 'Quote',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  '`': 'Backquote',
};

/** The physical key (a KeyboardEvent `code`) an accelerator key names, or null when it names none. */
export function physicalKeyCode(key: string): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) return key.toUpperCase();
  return NAMED_CODES[key.toLowerCase()] ?? null;
}

/** Did this press (its physical `code` and the character `key` it typed) hit the accelerator's key? */
export function pressesAcceleratorKey(acceleratorKey: string, press: { code: string; key: string }): boolean {
  const code = physicalKeyCode(acceleratorKey);
  if (code !== null && press.code === code) return true;
  return press.key.toLowerCase() === acceleratorKey.toLowerCase();
}
