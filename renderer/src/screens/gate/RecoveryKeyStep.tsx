import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The recovery key, shown this once; the app opens only after the person confirms they wrote it down. */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [written, setWritten] = useState(false);
  return (
    <div className="stack" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('gate.recovery.title')}</h1>
      <p>{t('gate.recovery.intro')}</p>
      <pre className="recovery-key" aria-label={t('gate.recovery.keyLabel')} tabIndex={0}>
        {recoveryKey}
      </pre>
      <p className="alert alert-warn">{t('gate.recovery.warning')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
        <span>{t('gate.recovery.confirm')}</span>
      </label>
      <button type="button" className="btn btn-primary" disabled={!written} onClick={onDone}>
        {t('gate.recovery.continue')}
      </button>
    </div>
  );
}
