import { pressesAcceleratorKey } from '../../shared/shortcuts/acceleratorKey';

/**
 * Matches a keyboard event against an Electron-style accelerator ("CommandOrControl+Shift+L"), so the
 * panic shortcut set in Settings also works inside the window (main registers it system-wide too).
 */
export function matchesAccelerator(event: KeyboardEvent, accelerator: string): boolean {
  const parts = accelerator.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop();
  if (!key) return false;
  const wantCtrl = parts.some((p) =>
    ['commandorcontrol', 'cmdorctrl', 'control', 'ctrl', 'command', 'cmd'].includes(p),
  );
  const wantShift = parts.includes('shift');
  const wantAlt = parts.includes('alt') || parts.includes('option');
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl !== wantCtrl || event.shiftKey !== wantShift || event.altKey !== wantAlt) return false;
  return pressesAcceleratorKey(key, event);
}

/** Ctrl/⌘ + a letter, by physical key so it works in the Russian keyboard layout too. */
export function isModKey(event: KeyboardEvent, letter: string): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.shiftKey &&
    !event.altKey &&
    event.code.toLowerCase() === `key${letter.toLowerCase()}`
  );
}
