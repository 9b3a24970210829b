import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

type Method = 'passphrase' | 'recoveryKey';

/** Unlock with the passphrase, or with the recovery key; a wrong one says so and nothing else. */
export function UnlockForm({ vaultPath, onOpened }: { vaultPath: string; onOpened: () => void }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The key was right but the file was changed without it: offered to open for reading only.
  const [altered, setAltered] = useState<ApiError | null>(null);

  const unlock = async (rescue: boolean) => {
    if (!secret) return;
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      await api.unlockVault(
        method === 'passphrase'
          ? { method, passphrase: secret, rescue }
          : { method, recoveryKey: secret.trim(), rescue },
      );
      setSecret('');
      setAltered(null);
      onOpened();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'auth') setWrong(true);
      else if (e instanceof ApiError && e.code === 'rejected' && !rescue) setAltered(e);
      else {
        setAltered(null);
        setError(asApiError(e));
      }
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void unlock(false);
  };

  const chooseOther = async () => {
    try {
      const { vaultPath: chosen } = await api.chooseOtherVault({});
      if (chosen) onOpened();
    } catch (e) {
      setError(asApiError(e));
    }
  };

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('gate.unlock.title')}</h1>
      <p className="muted small path" title={vaultPath}>
        {vaultPath}
      </p>
      <div className="segmented" role="group" aria-label={t('gate.unlock.method')}>
        {(['passphrase', 'recoveryKey'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={method === m}
            onClick={() => {
              setMethod(m);
              setSecret('');
              setWrong(false);
              setAltered(null);
            }}
          >
            {t(`gate.unlock.${m}`)}
          </button>
        ))}
      </div>
      <Field label={t(`gate.unlock.${method}`)} error={wrong ? t(`gate.unlock.wrong.${method}`) : null}>
        {(props) =>
          method === 'passphrase' ? (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          ) : (
            <textarea
              {...props}
              rows={3}
              autoFocus
              spellCheck={false}
              className="mono"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )
        }
      </Field>
      <ErrorNote error={error} />
      {altered && (
        <div className="alert alert-error stack" role="alert" aria-labelledby="altered-title">
          <strong id="altered-title">{t('gate.unlock.altered.title')}</strong>
          <p>{t('gate.unlock.altered.body')}</p>
          <details>
            <summary>{t('rescue.details')}</summary>
            <p className="mono small">{altered.message}</p>
          </details>
          <div className="row">
            <button type="button" className="btn" disabled={busy || !secret} onClick={() => void unlock(true)}>
              {t('gate.unlock.altered.open')}
            </button>
          </div>
        </div>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || !secret}>
          {busy ? t('gate.unlock.busy') : t('gate.unlock.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => void chooseOther()}>
          {t('gate.unlock.other')}
        </button>
      </div>
    </form>
  );
}
