import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError } from '../../api';
import { CasePicker } from '../../components/CasePicker';
import { ErrorNote } from '../../components/ErrorNote';
import { OmitFields, type Omittable } from '../../components/OmitFields';
import { RecipientPicker } from '../../components/RecipientPicker';
import { useApp } from '../../state/app';
import type { CaseRow } from '../../state/useCasePages';
import { usePeople } from '../../state/usePeople';

/** Hand a case to another caseworker: assign it, seal it to them, and optionally purge the local copy. */
export function HandOffPanel({ caseId }: { caseId?: string | undefined }) {
  const { t } = useTranslation();
  const { contacts, nameOf } = usePeople();
  const { navigate } = useApp();
  const [cases, setCases] = useState<CaseRow[]>([]);
  const [to, setTo] = useState<string[]>([]);
  const [omit, setOmit] = useState<Omittable[]>([]);
  const [purge, setPurge] = useState(false);
  const [purgeConfirmed, setPurgeConfirmed] = useState(false);
  const [keepAlias, setKeepAlias] = useState(false);
  // What the person agreed to, or why the case goes without their agreement: one of the two, required.
  const [consentMode, setConsentMode] = useState<'agreed' | 'override' | null>(null);
  const [agreedTo, setAgreedTo] = useState('');
  const [override, setOverride] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ savedAs: string | null; purged: boolean; to: string } | null>(null);
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
  const consent =
    consentMode === 'agreed' && agreedTo.trim()
      ? { agreedTo: agreedTo.trim() }
      : consentMode === 'override' && override.trim()
        ? { override: override.trim() }
        : null;
  const ready = chosen && recipient && consent && (!purge || purgeConfirmed);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !recipient || !consent || (purge && !purgeConfirmed)) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api.handOffCase({
        id: chosen.id,
        to: recipient,
        omit,
        consent,
        purge,
        keepAlias: purge && keepAlias,
      });
      setResult({ ...r, to: nameOf(recipient) });
      if (r.savedAs) {
        // The next hand-off starts from a blank consent: it is about another person, or another recipient.
        setConsentMode(null);
        setAgreedTo('');
        setOverride('');
      }
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
          <fieldset className="fieldset consent">
            <legend>{t('exchange.consentLegend')}</legend>
            <label className="radio">
              <input
                type="radio"
                name="consent"
                checked={consentMode === 'agreed'}
                onChange={() => setConsentMode('agreed')}
              />
              <span>{t('exchange.consentAgreed')}</span>
            </label>
            <input
              type="text"
              className="consent-text"
              aria-label={t('exchange.consentAgreedLabel')}
              placeholder={t('exchange.consentAgreedPlaceholder')}
              maxLength={300}
              value={agreedTo}
              onFocus={() => setConsentMode('agreed')}
              onChange={(e) => {
                setConsentMode('agreed');
                setAgreedTo(e.target.value);
              }}
            />
            <label className="radio">
              <input
                type="radio"
                name="consent"
                checked={consentMode === 'override'}
                onChange={() => setConsentMode('override')}
              />
              <span>{t('exchange.consentOverride')}</span>
            </label>
            <textarea
              className="consent-text"
              rows={2}
              aria-label={t('exchange.consentOverrideLabel')}
              placeholder={t('exchange.consentOverridePlaceholder')}
              maxLength={500}
              value={override}
              onFocus={() => setConsentMode('override')}
              onChange={(e) => {
                setConsentMode('override');
                setOverride(e.target.value);
              }}
            />
          </fieldset>
          <OmitFields value={omit} onChange={setOmit} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={purge}
              onChange={(e) => {
                setPurge(e.target.checked);
                setPurgeConfirmed(false);
                setKeepAlias(false);
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
              <label className="checkbox">
                <input type="checkbox" checked={keepAlias} onChange={(e) => setKeepAlias(e.target.checked)} />
                <span>{t('exchange.keepAlias')}</span>
              </label>
            </div>
          ) : null}
        </div>
      </div>
      {chosen && recipient && !consent ? <p className="small muted">{t('exchange.needConsent')}</p> : null}
      <ErrorNote error={error} />
      {result ? (
        <div className="alert alert-ok stack" role="status">
          {result.savedAs ? (
            <>
              <p>
                {t('exchange.handedOff', { path: result.savedAs })}
                {result.purged ? ` ${t('exchange.purgedNow')}` : ''}
              </p>
              <p>
                {t('exchange.handedOffReceipt', { name: result.to })}{' '}
                <button type="button" className="link-button" onClick={() => navigate({ name: 'handoffs' })}>
                  {t('exchange.openHandoffs')}
                </button>
              </p>
            </>
          ) : (
            <p>{t('exchange.cancelled')}</p>
          )}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || !ready}>
          {t('exchange.handOff')}
        </button>
      </div>
    </form>
  );
}
