import { useAction } from '../../state/useAction';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { formatDate, formatNumber } from '../../format';
import { useApp } from '../../state/app';
import { useAsync } from '../../state/useAsync';
import { lastBackupText } from './lastBackup';

type Restored = ChannelResult<'restoreBackup'>;
type Chosen = NonNullable<ChannelResult<'chooseImportFile'>['file']>;

/**
 * Settings → Backup: the whole vault sealed to itself, as `crossing backup` makes it; restore one
 * (this vault's own, or a lost laptop's with that vault's secret identity); the identity saved apart.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const { notify } = useApp();
  const state = useAsync(() => api.getBackupState({}), []);
  const { busy, error, run } = useAction();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [otherVault, setOtherVault] = useState(false);
  const [identity, setIdentity] = useState('');
  const [restored, setRestored] = useState<Restored | null>(null);

  const backUp = () =>
    run(async () => {
      const result = await api.backupVault({});
      if (result.savedAs === null) return;
      notify(t('backup.saved', { path: result.savedAs, cases: result.cases, number: result.changeNumber ?? '—' }));
      state.reload();
    });
  const choose = () =>
    run(async () => {
      setRestored(null);
      const { file } = await api.chooseImportFile({});
      if (file) setChosen(file);
    });
  const restore = () =>
    run(async () => {
      if (!chosen) return;
      const result = await api.restoreBackup({
        token: chosen.token,
        ...(otherVault && identity.trim() ? { identity: identity.trim() } : {}),
      });
      setRestored(result);
      setChosen(null);
      setIdentity('');
      state.reload();
    });
  const saveIdentity = () =>
    run(async () => {
      const { savedAs } = await api.saveSecretIdentity({});
      if (savedAs) notify(t('backup.identitySaved', { path: savedAs }));
    });

  const last = state.data?.lastBackupAt ?? null;
  return (
    <section className="panel stack" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className={last === null ? 'alert alert-warn small' : 'small'} data-testid="last-backup">
        {last === null ? t('backup.never') : `${lastBackupText(t, last)} (${formatDate(last)})`}
      </p>
      <p className="small muted">{t('backup.intro')}</p>
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void backUp()}>
          {t('backup.now')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void choose()}>
          {t('backup.restore')}
        </button>
      </div>
      {chosen && (
        <div className="stack restore-form">
          <p className="small">{t('backup.chosen', { name: chosen.name })}</p>
          <label className="checkbox">
            <input type="checkbox" checked={otherVault} onChange={(e) => setOtherVault(e.target.checked)} />
            {t('backup.otherVault')}
          </label>
          {otherVault && (
            <Field label={t('backup.identity')} hint={t('backup.identityHint')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  className="mono"
                  spellCheck={false}
                  value={identity}
                  onChange={(e) => setIdentity(e.target.value)}
                />
              )}
            </Field>
          )}
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || (otherVault && !identity.trim())}
              onClick={() => void restore()}
            >
              {t('backup.restoreNow')}
            </button>
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setChosen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {restored && (
        <p className="alert alert-ok small" role="status">
          {t('backup.restored', {
            newOps: formatNumber(restored.newOps),
            cases: formatNumber(restored.cases),
            contacts: restored.contacts,
          })}
          {restored.contactsSkipped.length > 0 &&
            ` ${t('backup.skipped', { names: restored.contactsSkipped.join(', ') })}`}
        </p>
      )}
      <ErrorNote error={error} />
      <details>
        <summary className="small">{t('backup.identityTitle')}</summary>
        <div className="stack">
          <p className="small muted">{t('backup.identityWarning')}</p>
          <div className="row">
            <button type="button" className="btn" disabled={busy} onClick={() => void saveIdentity()}>
              {t('backup.saveIdentity')}
            </button>
          </div>
        </div>
      </details>
    </section>
  );
}
