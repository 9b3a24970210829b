import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The recovery key, shown this once; the app opens only after the person confirms they wrote it down. */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [written, setWritten] = useState(false);
  return (
    <section className="stack" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('gate.recovery.title')}</h1>
      <p>{t('gate.recovery.intro')}</p>
      <label htmlFor="recovery-key" className="sr-only">
        {t('gate.recovery.keyLabel')}
      </label>
      <textarea
        id="recovery-key"
        className="recovery-key"
        readOnly
        rows={3}
        spellCheck={false}
        value={recoveryKey}
        onFocus={(e) => e.target.select()}
      />
      <p className="alert alert-warn">{t('gate.recovery.warning')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
        <span>{t('gate.recovery.confirm')}</span>
      </label>
      <button type="button" className="btn btn-primary" disabled={!written} onClick={onDone}>
        {t('gate.recovery.continue')}
      </button>
    </section>
  );
}
