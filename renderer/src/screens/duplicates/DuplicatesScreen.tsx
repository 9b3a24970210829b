import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api';
import { describeError } from '../../describeError';
import { ErrorNote } from '../../components/ErrorNote';
import { useApp } from '../../state/app';
import { useAsync } from '../../state/useAsync';
import { describeReason, type DuplicatePair } from './describeReason';

/**
 * Possible duplicates: pairs of cases that may be one person, each with its reasons. Merge keeps both
 * histories in the case that stays (undone from its history); "Not the same person" is remembered.
 */
export function DuplicatesScreen() {
  const { t } = useTranslation();
  const { navigate, notify } = useApp();
  const pairs = useAsync(() => api.listDuplicates({}), []);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      pairs.reload();
    } catch (e) {
      notify(describeError(t, asApiError(e)), 'error');
    } finally {
      setBusy(false);
    }
  };
  const merge = (pair: DuplicatePair, keepA: boolean) =>
    act(async () => {
      const [keep, absorb] = keepA ? [pair.a, pair.b] : [pair.b, pair.a];
      const { case: merged } = await api.mergeCases({ keep, absorb });
      notify(t('dupes.merged', { alias: merged.fields.alias }));
    });
  const dismiss = (pair: DuplicatePair) =>
    act(async () => {
      await api.dismissDuplicate({ a: pair.a, b: pair.b });
      notify(t('dupes.dismissed'));
    });

  const list = pairs.data?.pairs ?? [];
  const total = pairs.data?.total ?? 0;
  return (
    <section className="screen-duplicates" aria-labelledby="dupes-title">
      <header className="screen-head">
        <h1 id="dupes-title">{t('dupes.title')}</h1>
        <span className="muted count">{pairs.data ? t('dupes.count', { count: total }) : ''}</span>
      </header>
      <p className="small muted">{t('dupes.intro')}</p>
      {total > list.length && <p className="small">{t('dupes.showingFirst', { shown: list.length, count: total })}</p>}
      <ErrorNote error={pairs.error} />
      {pairs.data && list.length === 0 && <p className="muted">{t('dupes.none')}</p>}
      <ul className="duplicate-list">
        {list.map((pair) => (
          <li key={`${pair.a}-${pair.b}`} className="panel stack duplicate-pair">
            <div className="row">
              <button type="button" className="link-button" onClick={() => navigate({ name: 'case', id: pair.a })}>
                {pair.aliasA}
              </button>
              <span aria-hidden="true">≈</span>
              <button type="button" className="link-button" onClick={() => navigate({ name: 'case', id: pair.b })}>
                {pair.aliasB}
              </button>
            </div>
            <ul className="small duplicate-reasons">
              {pair.reasons.map((reason, i) => (
                <li key={i}>{describeReason(t, reason)}</li>
              ))}
            </ul>
            <div className="row">
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void merge(pair, true)}>
                {t('dupes.mergeKeep', { alias: pair.aliasA })}
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => void merge(pair, false)}>
                {t('dupes.mergeKeep', { alias: pair.aliasB })}
              </button>
              <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void dismiss(pair)}>
                {t('dupes.notSame')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
