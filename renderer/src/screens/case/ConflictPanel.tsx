import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError } from '../../api';
import type { CaseState } from '../../caseForm';
import { describeValue, fieldOfKey, hlcTime } from '../../describeValue';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../format';

type Props = { caseState: CaseState; nameOf: (fp: string) => string; onResolved: (next: CaseState) => void };

/** Concurrent edits the merge kept: each value side by side, and a person picks the one that stays. */
export function ConflictPanel({ caseState, nameOf, onResolved }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (key: string, opId: string) => {
    setBusy(true);
    setError(null);
    try {
      const { case: next } = await api.resolveConflict({ id: caseState.id, key, opId });
      onResolved(next);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel conflict-panel" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflicts.title', { count: caseState.conflicts.length })}</h2>
      <p className="small">{t('conflicts.intro')}</p>
      <ErrorNote error={error} />
      {caseState.conflicts.map((conflict) => {
        const field = conflict.field ?? conflict.list ?? fieldOfKey(conflict.key);
        return (
          <div key={conflict.key} className="conflict" role="group" aria-label={t(`field.${field}`)}>
            <h3>{t(`field.${field}`)}</h3>
            <ul className="candidates">
              {conflict.candidates.map((candidate) => (
                <li key={candidate.opId} className="candidate">
                  <div className="candidate-value">{describeValue(t, field, candidate.value, nameOf)}</div>
                  <div className="muted small">
                    {nameOf(candidate.author)} · {formatDateTime(hlcTime(candidate.hlc))}
                  </div>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    aria-label={t('conflicts.keepValue', { value: describeValue(t, field, candidate.value, nameOf) })}
                    onClick={() => void pick(conflict.key, candidate.opId)}
                  >
                    {t('conflicts.keep')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
