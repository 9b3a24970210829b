import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../state/app';
import { useAsync } from '../../state/useAsync';
import { daysSince, lastBackupText } from './lastBackup';

/** The dashboard's line about backups: how long since the last one, and a way to Settings to make one. */
export function BackupNotice() {
  const { t } = useTranslation();
  const { navigate } = useApp();
  const { data } = useAsync(() => api.getBackupState({}), []);
  if (!data) return null;
  const stale = data.lastBackupAt === null || (data.changedSinceSaved && daysSince(data.lastBackupAt) >= 7);
  return (
    <p className={`backup-notice small ${stale ? 'alert alert-warn' : 'muted'}`} data-testid="backup-notice">
      {data.lastBackupAt === null ? t('backup.never') : lastBackupText(t, data.lastBackupAt)}{' '}
      <button type="button" className="btn btn-small" onClick={() => navigate({ name: 'settings' })}>
        {t('backup.goToSettings')}
      </button>
    </p>
  );
}
