import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError, type ApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate } from '../../format';

export const ERASE_COUNTDOWN_SECONDS = 5;

type Props = {
  /** Whether cases changed since the last backup or export (known only while unlocked). */
  unsaved: { changedSince: boolean; lastSavedAt: string | null } | null;
  onCancel: () => void;
  onErased: () => void;
};

/**
 * The quick erase, counted down: five visible seconds in which any key or click cancels. A modal
 * dialog so that nothing behind it takes the key; Escape is a key like any other here.
 */
export function EraseCountdown({ unsaved, onCancel, onErased }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [left, setLeft] = useState(ERASE_COUNTDOWN_SECONDS);
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      // A held shortcut repeats its key: that is still the press that started the countdown.
      if (erasing || cancelled.current || (event instanceof KeyboardEvent && event.repeat)) return;
      event.preventDefault();
      event.stopPropagation();
      cancelled.current = true;
      onCancel();
    };
    // Any key, anywhere (capture: before any field or shortcut sees it), and any click.
    window.addEventListener('keydown', cancel, true);
    window.addEventListener('pointerdown', cancel, true);
    return () => {
      window.removeEventListener('keydown', cancel, true);
      window.removeEventListener('pointerdown', cancel, true);
    };
  }, [erasing, onCancel]);

  useEffect(() => {
    if (erasing || error) return;
    if (left === 0) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the countdown reached zero: erase now
      setErasing(true);
      void api.eraseVault({}).then(onErased, (e: unknown) => {
        setErasing(false);
        setError(asApiError(e));
      });
      return;
    }
    const timer = setTimeout(() => {
      if (!cancelled.current) setLeft((n) => n - 1);
    }, 1000);
    return () => clearTimeout(timer);
  }, [left, erasing, error, onErased]);

  return (
    <dialog
      ref={ref}
      className="erase-countdown"
      role="alertdialog"
      aria-labelledby="erase-title"
      aria-describedby="erase-text"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="erase-title">{erasing ? t('seizure.countdown.erasing') : t('seizure.countdown.title')}</h2>
      {!erasing && !error && (
        <>
          <p className="erase-seconds" aria-live="assertive" data-testid="erase-seconds">
            {left}
          </p>
          <progress max={ERASE_COUNTDOWN_SECONDS} value={ERASE_COUNTDOWN_SECONDS - left} aria-hidden="true" />
          <p id="erase-text">{t('seizure.countdown.cancelHint')}</p>
        </>
      )}
      {unsaved?.changedSince && !error && (
        <p className="alert alert-warn small">
          {unsaved.lastSavedAt
            ? t('seizure.unsavedSince', { date: formatDate(unsaved.lastSavedAt) })
            : t('seizure.neverSaved')}
        </p>
      )}
      {error && (
        <>
          <ErrorNote error={error} />
          <div className="row">
            <button type="button" className="btn" autoFocus onClick={onCancel}>
              {t('seizure.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
