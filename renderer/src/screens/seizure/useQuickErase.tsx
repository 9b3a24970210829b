import { useCallback, useEffect, useState } from 'react';
import { api, onEvent } from '../../api';
import { matchesAccelerator } from '../../shortcuts';
import { EraseCountdown } from './EraseCountdown';

/**
 * The quick erase from anywhere in the app, locked or not: Settings' button, the emergency shortcut
 * inside the window, or (in Electron) the same shortcut system-wide, which main turns into
 * `eraseRequested`. Each opens the same countdown.
 */
export function useQuickErase(eraseShortcut: string, unlocked: boolean, onErased: () => void) {
  const [open, setOpen] = useState(false);
  const [unsaved, setUnsaved] = useState<{ changedSince: boolean; lastSavedAt: string | null } | null>(null);

  const start = useCallback(() => {
    setOpen(true);
    setUnsaved(null);
    if (!unlocked) return; // locked: nothing is known about the cases, and nothing needs to be
    void api.getSeizureState({}).then(
      (state) => setUnsaved({ changedSince: state.changedSinceSaved, lastSavedAt: state.lastSaved?.at ?? null }),
      () => {},
    );
  }, [unlocked]);

  useEffect(() => {
    if (!eraseShortcut || open) return;
    const onKey = (event: KeyboardEvent) => {
      if (!matchesAccelerator(event, eraseShortcut)) return;
      event.preventDefault();
      event.stopPropagation();
      start();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [eraseShortcut, open, start]);

  useEffect(() => onEvent('eraseRequested', () => start()), [start]);

  const cancel = useCallback(() => setOpen(false), []);
  const erased = useCallback(() => {
    setOpen(false);
    onErased();
  }, [onErased]);
  const element = open ? <EraseCountdown unsaved={unsaved} onCancel={cancel} onErased={erased} /> : null;
  return { start, element };
}
