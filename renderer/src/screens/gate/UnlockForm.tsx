import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

type Method = 'passphrase' | 'recoveryKey' | 'recoveryShares';
const METHODS = ['passphrase', 'recoveryKey', 'recoveryShares'] as const;

type Props = {
  vaultPath: string;
  /** Attempts left before the vault is erased, once three or fewer remain (Settings: wipe after). */
  attemptsLeft: number | null;
  onOpened: () => void;
};

/**
 * Unlock with the passphrase, the recovery key or enough recovery shares; a wrong one says so and
 * nothing else (a duress passphrase gets the very same answer).
 */
export function UnlockForm({ vaultPath, attemptsLeft, onOpened }: Props) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [shares, setShares] = useState(['', '']);
  const [left, setLeft] = useState(attemptsLeft);
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The key was right but the file was changed without it: offered to open for reading only.
  const [altered, setAltered] = useState<ApiError | null>(null);

  const given = shares.map((share) => share.trim()).filter(Boolean);
  const ready = method === 'recoveryShares' ? given.length >= 2 : secret !== '';
  const unlock = async (rescue: boolean) => {
    if (!ready) return;
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      await api.unlockVault(
        method === 'passphrase'
          ? { method, passphrase: secret, rescue }
          : method === 'recoveryKey'
            ? { method, recoveryKey: secret.trim(), rescue }
            : { method, shares: given, rescue },
      );
      setSecret('');
      setShares(['', '']);
      setAltered(null);
      onOpened();
    } catch (e) {
      const attempts = e instanceof ApiError ? e.params?.attemptsLeft : undefined;
      if (typeof attempts === 'number') setLeft(attempts <= 3 ? attempts : null);
      // The file is gone (erased after the last attempt allowed): the first-run screen.
      if (e instanceof ApiError && (e.reason === 'noVaultHere' || attempts === 0)) onOpened();
      if (
        e instanceof ApiError &&
        e.code === 'auth' &&
        method === 'recoveryShares' &&
        e.reason !== 'wrongRecoveryShares'
      ) {
        setError(e); // which share is mistyped, from another set, or given twice
      } else if (e instanceof ApiError && e.code === 'auth') setWrong(true);
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
        {METHODS.map((m) => (
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
      {left !== null && (
        <p className="alert alert-warn small" role="status" data-testid="attempts-left">
          {t('gate.unlock.attemptsLeft', { count: left })}
        </p>
      )}
      {method === 'recoveryShares' ? (
        <div className="stack">
          <p className="small muted">{t('gate.unlock.sharesHint')}</p>
          {shares.map((share, i) => (
            <Field
              key={i}
              label={t('gate.unlock.share', { number: i + 1 })}
              error={wrong && i === 0 ? t('gate.unlock.wrong.recoveryShares') : null}
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  autoFocus={i === 0}
                  spellCheck={false}
                  className="mono"
                  value={share}
                  onChange={(e) => setShares((all) => all.map((s, j) => (j === i ? e.target.value : s)))}
                />
              )}
            </Field>
          ))}
          {shares.length < 10 && (
            <div className="row">
              <button type="button" className="btn btn-small" onClick={() => setShares((all) => [...all, ''])}>
                {t('gate.unlock.addShare')}
              </button>
            </div>
          )}
        </div>
      ) : (
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
      )}
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
            <button type="button" className="btn" disabled={busy || !ready} onClick={() => void unlock(true)}>
              {t('gate.unlock.altered.open')}
            </button>
          </div>
        </div>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || !ready}>
          {busy ? t('gate.unlock.busy') : t('gate.unlock.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => void chooseOther()}>
          {t('gate.unlock.other')}
        </button>
      </div>
    </form>
  );
}
