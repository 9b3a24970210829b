import { pressesAcceleratorKey } from '../shared/shortcuts/acceleratorKey.js';

/** The parts of a key press Electron's 'before-input-event' reports (`code` is the physical key). */
export type KeyInput = {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
};

const MODIFIERS = new Set(['control', 'meta', 'shift', 'alt']);

/** An accelerator's modifier names (Electron's spellings) as the flags of a key press. */
function modifierFlag(name: string, isMac: boolean): string | null {
  switch (name.toLowerCase()) {
    case 'commandorcontrol':
    case 'cmdorctrl':
      return isMac ? 'meta' : 'control';
    case 'control':
    case 'ctrl':
      return 'control';
    case 'command':
    case 'cmd':
    case 'super':
    case 'meta':
      return 'meta';
    case 'shift':
      return 'shift';
    case 'alt':
    case 'option':
      return 'alt';
    default:
      return null;
  }
}

/**
 * Does this key press in the window match the panic accelerator? The global shortcut may be refused
 * by the system (another app holds it, or a Wayland session), so the window listens for it too.
 */
export function matchesAccelerator(accelerator: string, input: KeyInput, isMac: boolean): boolean {
  if (input.type !== 'keyDown') return false;
  const parts = accelerator.split('+').filter(Boolean);
  const key = parts.pop();
  if (!key) return false;
  const wanted = new Set(parts.map((part) => modifierFlag(part, isMac)));
  if (wanted.has(null)) return false;
  for (const flag of MODIFIERS) if (wanted.has(flag) !== input[flag as 'control']) return false;
  return pressesAcceleratorKey(key, input);
}
