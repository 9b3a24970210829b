import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError } from '../../api';
import { CasePicker } from '../../components/CasePicker';
import { ErrorNote } from '../../components/ErrorNote';
import { OmitFields, type Omittable } from '../../components/OmitFields';
import { RecipientPicker } from '../../components/RecipientPicker';
import { formatNumber } from '../../format';
import type { CaseRow } from '../../state/useCasePages';
import { usePeople } from '../../state/usePeople';
import { useVaultVersion } from '../../state/useVaultVersion';

/** Seal selected cases (or all) to chosen contacts, leaving out what they do not need. */
export function ExportPanel() {
  const { t } = useTranslation();
  const { contacts } = usePeople();
  const [scope, setScope] = useState<'selected' | 'all'>('selected');
  const [cases, setCases] = useState<CaseRow[]>([]);
  // A case chosen here and then handed off with purge (or merged away) is no longer offered.
  const version = useVaultVersion();
  useEffect(() => {
    if (version === 0) return;
    let live = true;
    void Promise.all(
      cases.map((c) =>
        api.getCase({ id: c.id }).then(
          () => c,
          () => null,
        ),
      ),
    ).then((kept) => {
      const still = kept.filter((c): c is CaseRow => c !== null);
      if (live && still.length !== cases.length) setCases(still);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the vault changed
  }, [version]);
  const [to, setTo] = useState<string[]>([]);
  const [omit, setOmit] = useState<Omittable[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ savedAs: string | null; cases: number; bytes: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const problems = [
    scope === 'selected' && cases.length === 0 ? t('exchange.needCases') : null,
    to.length === 0 ? t('exchange.needRecipients') : null,
  ].filter(Boolean);
  const unverified = contacts.filter((c) => to.includes(c.fingerprint) && (!c.verified || c.pendingKeyChange));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.exportCases({ caseIds: scope === 'all' ? 'all' : cases.map((c) => c.id), to, omit }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby="export-title">
      <h2 id="export-title">{t('exchange.exportTitle')}</h2>
      <p className="small muted">{t('exchange.exportIntro')}</p>
      <div className="two-col">
        <div className="stack">
          <fieldset className="fieldset">
            <legend>{t('exchange.scope')}</legend>
            {(['selected', 'all'] as const).map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} />
                <span>{t(`exchange.scopes.${s}`)}</span>
              </label>
            ))}
          </fieldset>
          {scope === 'selected' ? (
            <CasePicker label={t('exchange.cases')} multiple selected={cases} onChange={setCases} />
          ) : null}
        </div>
        <div className="stack">
          <RecipientPicker legend={t('exchange.recipients')} contacts={contacts} multiple value={to} onChange={setTo} />
          {unverified.length ? <p className="alert alert-warn small">{t('exchange.unverifiedWarning')}</p> : null}
          <OmitFields value={omit} onChange={setOmit} />
        </div>
      </div>
      {problems.length ? <p className="small muted">{problems.join(' ')}</p> : null}
      <ErrorNote error={error} />
      {result ? (
        <p className="alert alert-ok" role="status">
          {result.savedAs
            ? t('exchange.exported', {
                count: result.cases,
                path: result.savedAs,
                size: formatNumber(Math.ceil(result.bytes / 1024)),
              })
            : t('exchange.cancelled')}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || problems.length > 0}>
          {t('exchange.export')}
        </button>
      </div>
    </form>
  );
}
