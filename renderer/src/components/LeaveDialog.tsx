import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  subject: string;
  onSave: () => Promise<void>;
  onDiscard: () => void;
  onStay: () => void;
};

/** Asked before leaving typed work: a modal dialog, so focus stays in it and Escape means Stay. */
export function LeaveDialog({ subject, onSave, onDiscard, onStay }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="leave-dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-text"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      <h2 id="leave-title">{t('leave.title')}</h2>
      <p id="leave-text">{t('leave.text', { subject })}</p>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={saving}
          autoFocus
          onClick={() => {
            setSaving(true);
            void onSave().finally(() => setSaving(false));
          }}
        >
          {t('leave.save')}
        </button>
        <button type="button" className="btn" disabled={saving} onClick={onDiscard}>
          {t('leave.discard')}
        </button>
        <button type="button" className="btn btn-ghost" disabled={saving} onClick={onStay}>
          {t('leave.stay')}
        </button>
      </div>
    </dialog>
  );
}
