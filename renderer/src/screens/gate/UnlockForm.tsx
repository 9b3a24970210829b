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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!secret) return;
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      await api.unlockVault(
        method === 'passphrase' ? { method, passphrase: secret } : { method, recoveryKey: secret.trim() },
      );
      setSecret('');
      onOpened();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'auth') setWrong(true);
      else setError(asApiError(e));
    } finally {
      setBusy(false);
    }
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
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby="unlock-title">
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
