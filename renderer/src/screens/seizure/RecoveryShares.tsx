import { useAction } from '../../state/useAction';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useApp } from '../../state/app';

type Split = ChannelResult<'splitRecovery'>;
const COUNTS = [2, 3, 4, 5] as const;

/**
 * Recovery shares: the recovery key replaced by N shares for people the network trusts, any K of
 * which open the vault. The shares are shown first; the vault changes only when the person says
 * they are written down or printed, so it is never left with shares nobody has.
 */
export function RecoveryShares() {
  const { t } = useTranslation();
  const { notify } = useApp();
  const [count, setCount] = useState(3);
  const [threshold, setThreshold] = useState(2);
  const [split, setSplit] = useState<Split | null>(null);
  const [writtenDown, setWrittenDown] = useState(false);
  const { busy, error, run } = useAction();

  const make = () =>
    run(async () => {
      setWrittenDown(false);
      setSplit(await api.splitRecovery({ count, threshold }));
    });
  const decide = (keep: boolean) =>
    run(async () => {
      if (!split) return;
      const { replaced } = await api.confirmRecoveryShares({ setId: split.setId, keep });
      setSplit(null);
      if (replaced) notify(t('seizure.shares.replaced', { threshold: split.threshold, count: split.count }));
    });

  return (
    <div className="stack">
      <h3>{t('seizure.shares.title')}</h3>
      <p className="small">{t('seizure.shares.intro')}</p>
      {!split && (
        <div className="row align-end">
          <Field label={t('seizure.shares.count')}>
            {(p) => (
              <select
                {...p}
                value={count}
                onChange={(e) => {
                  const next = Number(e.target.value);
                  setCount(next);
                  setThreshold((k) => Math.min(k, next));
                }}
              >
                {COUNTS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('seizure.shares.threshold')}>
            {(p) => (
              <select {...p} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))}>
                {COUNTS.filter((n) => n <= count).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="btn" disabled={busy} onClick={() => void make()}>
            {t('seizure.shares.make')}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
      {split && (
        <div className="stack share-sheet" aria-labelledby="shares-made">
          <p id="shares-made" className="alert alert-warn small">
            {t('seizure.shares.shown', { threshold: split.threshold, count: split.count, setId: split.setId })}
          </p>
          <ol className="share-cards">
            {split.shares.map((share) => (
              <li key={share.number} className="share-card">
                <strong>{t('seizure.shares.card', { number: share.number, count: split.count })}</strong>
                <span className="small muted">{t('seizure.shares.set', { setId: split.setId })}</span>
                <code className="mono share-text" data-testid={`share-${share.number}`}>
                  {share.text}
                </code>
              </li>
            ))}
          </ol>
          <label className="checkbox">
            <input type="checkbox" checked={writtenDown} onChange={(e) => setWrittenDown(e.target.checked)} />
            {t('seizure.shares.writtenDown')}
          </label>
          <div className="row">
            <button type="button" className="btn" onClick={() => window.print()}>
              {t('seizure.shares.print')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !writtenDown}
              onClick={() => void decide(true)}
            >
              {t('seizure.shares.replace')}
            </button>
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void decide(false)}>
              {t('seizure.shares.drop')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
