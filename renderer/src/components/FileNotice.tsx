import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/ipc/contract';

type Props = {
  problem: EventPayload<'fileOpenFailed'> | null;
  waiting: EventPayload<'importFileOpened'> | null;
  onDismiss: () => void;
};

/**
 * What became of a file opened with the app from the file manager: why it could not be read, or that
 * its preview opens after the unlock. Without it, a double-click on a bad path did nothing at all.
 */
export function FileNotice({ problem, waiting, onDismiss }: Props) {
  const { t } = useTranslation();
  if (problem) {
    return (
      <div className="alert alert-error file-notice" role="alert" data-testid="file-open-failed">
        <span>{t(`openFile.failed.${problem.reason}`, { name: problem.name })}</span>
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          {t('openFile.dismiss')}
        </button>
      </div>
    );
  }
  if (waiting) {
    return (
      <div className="alert alert-info file-notice" role="status" data-testid="file-open-waiting">
        {t('openFile.waiting', { name: waiting.name })}
      </div>
    );
  }
  return null;
}
