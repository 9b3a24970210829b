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

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/**
 * The accelerator a key press names ("CommandOrControl+Shift+L"), by physical key so the Russian
 * layout records the same shortcut as the English one; null while only modifiers are held, or for a
 * press without Ctrl/⌘ or Alt, which would fire while a person types.
 */
export function acceleratorOf(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
) {
  if (MODIFIER_KEYS.has(event.key)) return null;
  if (!(event.ctrlKey || event.metaKey || event.altKey)) return null;
  const key = /^Key[A-Z]$/.test(event.code)
    ? event.code.slice(3)
    : /^Digit\d$/.test(event.code)
      ? event.code.slice(5)
      : /^F\d{1,2}$/.test(event.code)
        ? event.code
        : null;
  if (!key) return null;
  return [
    event.ctrlKey || event.metaKey ? 'CommandOrControl' : null,
    event.altKey ? 'Alt' : null,
    event.shiftKey ? 'Shift' : null,
    key,
  ]
    .filter(Boolean)
    .join('+');
}

/** An accelerator as a person reads it on this keyboard: "CommandOrControl+Shift+L" → "Ctrl+Shift+L". */
export const describeAccelerator = (accelerator: string) =>
  accelerator.replace(/\b(CommandOrControl|CmdOrCtrl|Control)\b/g, 'Ctrl');
