import { type GlobalShortcut } from 'electron';
import { matchesAccelerator, type KeyInput } from './acceleratorMatch.js';

/**
 * The panic shortcut: a system-wide key that locks and hides the window at once, even when another
 * window has focus. Re-registered whenever the setting changes.
 */
export function panicShortcut(shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>, onPanic: () => void) {
  let current: string | null = null;
  return {
    /** Registers `accelerator` in place of the previous one; false when the system refuses it. */
    use(accelerator: string): boolean {
      if (accelerator === current) return true;
      if (current !== null) shortcuts.unregister(current);
      current = null;
      try {
        if (shortcuts.register(accelerator, onPanic)) current = accelerator;
      } catch {
        // An accelerator Electron cannot parse: treated like one another app already holds.
      }
      return current !== null;
    },
    release(): void {
      if (current !== null) shortcuts.unregister(current);
      current = null;
    },
  };
}

type InputSource = {
  on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void): unknown;
};

/** The same key pressed inside the window: works even where the system refused the global shortcut. */
export function panicKeysInWindow(
  contents: InputSource,
  accelerator: () => string,
  isMac: boolean,
  onPanic: () => void,
) {
  contents.on('before-input-event', (event, input) => {
    if (!matchesAccelerator(accelerator(), input, isMac)) return;
    event.preventDefault();
    onPanic();
  });
}
