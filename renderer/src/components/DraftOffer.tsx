import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';

/** On a case with a sealed draft: the unsaved edits a lock or a crash kept, to restore or discard. */
export function DraftOffer({
  savedAt,
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warn draft-offer" role="alert">
      <span>{t('draft.offer', { when: formatDateTime(savedAt) })}</span>
      <button type="button" className="btn btn-small btn-primary" onClick={onRestore}>
        {t('draft.restore')}
      </button>
      <button type="button" className="btn btn-small" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </div>
  );
}
