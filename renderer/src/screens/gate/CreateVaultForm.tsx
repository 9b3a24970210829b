import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { KdfLevelChoice, NewPassphraseFields } from '../../components/NewPassphraseFields';
import { DEFAULT_KDF, type KdfLevel } from '../../kdf';
import { passphraseAcceptable } from '../../passphrase';
import { RecoveryKeyStep } from './RecoveryKeyStep';

/** Create a vault: a name, a passphrase that passes the minimum, a KDF level; then the recovery key, once. */
export function CreateVaultForm({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [kdf, setKdf] = useState<KdfLevel>(DEFAULT_KDF);
  const [postQuantum, setPostQuantum] = useState(false);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const nameError = touched && !displayName.trim() ? t('gate.create.nameRequired') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!displayName.trim() || !passphraseAcceptable(passphrase) || confirm !== passphrase) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.createVault({ passphrase, kdf, displayName: displayName.trim(), postQuantum });
      setPassphrase('');
      setConfirm('');
      setRecoveryKey(result.recoveryKey);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onDone={onOpened} />;

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" noValidate aria-labelledby="create-title">
      <h1 id="create-title">{t('gate.create.title')}</h1>
      <p className="muted">{t('gate.create.intro')}</p>
      <Field label={t('gate.create.displayName')} error={nameError} hint={t('gate.create.displayNameHint')}>
        {(props) => (
          <input
            {...props}
            autoFocus
            maxLength={80}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        )}
      </Field>
      <NewPassphraseFields
        label={t('gate.create.passphrase')}
        passphrase={passphrase}
        confirm={confirm}
        onPassphrase={setPassphrase}
        onConfirm={setConfirm}
        touched={touched}
        meterId="strength"
      />
      <KdfLevelChoice name="kdf" value={kdf} onChange={setKdf} />
      <label className="checkbox">
        <input type="checkbox" checked={postQuantum} onChange={(e) => setPostQuantum(e.target.checked)} />
        <span>
          {t('gate.create.postQuantum')} <span className="muted small">— {t('gate.create.postQuantumHint')}</span>
        </span>
      </label>
      <ErrorNote error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('gate.create.busy') : t('gate.create.submit')}
      </button>
    </form>
  );
}
