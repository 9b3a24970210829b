import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceleratorOf, describeAccelerator } from '../shortcuts';

type Props = { id: string; value: string; onChange: (accelerator: string) => void; describedBy?: string };

/** A shortcut chosen by pressing it: no accelerator syntax to type, and Escape leaves it as it was. */
export function ShortcutRecorder({ id, value, onChange, describedBy }: Props) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <button
      id={id}
      type="button"
      className={`btn shortcut-recorder ${recording ? 'recording' : ''}`}
      aria-describedby={describedBy}
      aria-pressed={recording}
      onClick={() => setRecording(true)}
      onBlur={() => setRecording(false)}
      onKeyDown={(event) => {
        if (!recording) return;
        // The keys pressed here choose a shortcut: they must not run the current one (a lock).
        event.preventDefault();
        event.stopPropagation();
        if (event.key === 'Escape') return setRecording(false);
        const accelerator = acceleratorOf(event.nativeEvent);
        if (accelerator) {
          onChange(accelerator);
          setRecording(false);
        }
      }}
    >
      {recording ? t('settings.pressKeys') : value ? <kbd>{describeAccelerator(value)}</kbd> : t('settings.noShortcut')}
    </button>
  );
}
