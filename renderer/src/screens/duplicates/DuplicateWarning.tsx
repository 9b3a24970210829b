import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../state/app';
import { describeReason, type DuplicatePair } from './describeReason';

/**
 * While a new case is typed: the cases it may already be ("may be the same person as Магомед И."),
 * each with its reasons and a way to open it. Asked a moment after typing stops; nothing is saved.
 */
export function DuplicateWarning({ alias, legalName }: { alias: string; legalName?: string }) {
  const { t } = useTranslation();
  const { navigate } = useApp();
  const [matches, setMatches] = useState<DuplicatePair[]>([]);

  useEffect(() => {
    let live = true;
    const typed = alias.trim();
    const handle = window.setTimeout(() => {
      if (typed.length < 2) {
        setMatches([]);
        return;
      }
      void api.matchNewCase({ draft: { alias: typed, ...(legalName ? { legalName } : {}) } }).then(
        (r) => live && setMatches(r.matches.slice(0, 3)),
        () => live && setMatches([]),
      );
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(handle);
    };
  }, [alias, legalName]);

  if (matches.length === 0) return null;
  return (
    <div className="alert alert-warn stack small duplicate-warning" role="status" data-testid="duplicate-warning">
      {matches.map((m) => (
        <div key={m.b} className="row">
          <span>
            {t('dupes.maybeSame', { alias: m.aliasB })}{' '}
            <span className="muted">({m.reasons.map((r) => describeReason(t, r)).join('; ')})</span>
          </span>
          <button type="button" className="btn btn-small" onClick={() => navigate({ name: 'case', id: m.b })}>
            {t('dupes.open', { alias: m.aliasB })}
          </button>
        </div>
      ))}
    </div>
  );
}
