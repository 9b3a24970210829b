import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';

/** On a case (or the new-case form) with a sealed draft: the unsaved edits a lock or a crash kept, to restore or discard. */
export function DraftOffer({
  savedAt,
  message = 'draft.offer',
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  /** The sentence that says what was kept: a case's edits by default, or a new case's intake. */
  message?: 'draft.offer' | 'draft.offerIntake';
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warn draft-offer" role="alert">
      <span>{t(message, { when: formatDateTime(savedAt) })}</span>
      <button type="button" className="btn btn-small btn-primary" onClick={onRestore}>
        {t('draft.restore')}
      </button>
      <button type="button" className="btn btn-small" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </div>
  );
}
