import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError } from '../../api';
import { CasePicker } from '../../components/CasePicker';
import { ErrorNote } from '../../components/ErrorNote';
import { OmitFields, type Omittable } from '../../components/OmitFields';
import { RecipientPicker } from '../../components/RecipientPicker';
import type { CaseRow } from '../../state/useCasePages';
import { usePeople } from '../../state/usePeople';

/** Hand a case to another caseworker: assign it, seal it to them, and optionally purge the local copy. */
export function HandOffPanel({ caseId }: { caseId?: string | undefined }) {
  const { t } = useTranslation();
  const { contacts } = usePeople();
  const [cases, setCases] = useState<CaseRow[]>([]);
  const [to, setTo] = useState<string[]>([]);
  const [omit, setOmit] = useState<Omittable[]>([]);
  const [purge, setPurge] = useState(false);
  const [purgeConfirmed, setPurgeConfirmed] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ savedAs: string | null; purged: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!caseId) return;
    api.getCase({ id: caseId }).then(
      ({ case: c }) =>
        setCases([
          {
            id: c.id,
            alias: c.fields.alias,
            stage: c.fields.stage,
            passport: c.fields.passport,
            internalPassport: c.fields.internalPassport,
            refugeCountry: c.fields.refugeCountry,
            risk: c.fields.risk,
            assignedTo: c.fields.assignedTo,
            updatedAt: Date.parse(c.updatedAt) || 0,
            conflicts: c.conflicts.length,
            overdueTasks: 0,
          },
        ]),
      () => undefined,
    );
  }, [caseId]);

  const chosen = cases[0];
  const recipient = to[0];
  const ready = chosen && recipient && (!purge || purgeConfirmed);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !recipient || (purge && !purgeConfirmed)) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api.handOffCase({ id: chosen.id, to: recipient, omit, purge });
      setResult(r);
      if (r.purged) setCases([]);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t('exchange.handOffTitle')}</h2>
      <p className="small muted">{t('exchange.handOffIntro')}</p>
      <div className="two-col">
        <div className="stack">
          {chosen ? (
            <p>
              {t('exchange.handingOff')} <strong className="picked-alias">{chosen.alias}</strong>
            </p>
          ) : null}
          <CasePicker label={t('exchange.case')} multiple={false} selected={cases} onChange={setCases} />
        </div>
        <div className="stack">
          <RecipientPicker
            legend={t('exchange.handOffTo')}
            contacts={contacts}
            multiple={false}
            value={to}
            onChange={setTo}
          />
          <OmitFields value={omit} onChange={setOmit} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={purge}
              onChange={(e) => {
                setPurge(e.target.checked);
                setPurgeConfirmed(false);
              }}
            />
            <span>{t('exchange.purge')}</span>
          </label>
          {purge ? (
            <div className="alert alert-warn stack">
              <p>{t('exchange.purgeWarning')}</p>
              <label className="checkbox">
                <input type="checkbox" checked={purgeConfirmed} onChange={(e) => setPurgeConfirmed(e.target.checked)} />
                <span>{t('exchange.purgeConfirm')}</span>
              </label>
            </div>
          ) : null}
        </div>
      </div>
      <ErrorNote error={error} />
      {result ? (
        <p className="alert alert-ok" role="status">
          {result.savedAs
            ? `${t('exchange.handedOff', { path: result.savedAs })}${result.purged ? ` ${t('exchange.purgedNow')}` : ''}`
            : t('exchange.cancelled')}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || !ready}>
          {t('exchange.handOff')}
        </button>
      </div>
    </form>
  );
}
