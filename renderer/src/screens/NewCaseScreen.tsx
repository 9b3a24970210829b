import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPORT_STATUSES, RISKS, fieldSchemas, type PassportStatus, type Risk } from '../../../shared/model/case';
import { api, type ApiError, asApiError } from '../api';
import { EnumSelect } from '../components/EnumSelect';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { useApp } from '../state/app';

/** Intake: the few things known on a first call; the rest is filled in on the case page. */
export function NewCaseScreen() {
  const { t } = useTranslation();
  const { navigate, notify, me } = useApp();
  const [alias, setAlias] = useState('');
  const [risk, setRisk] = useState<Risk>('medium');
  const [passport, setPassport] = useState<PassportStatus>('unknown');
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [assignToMe, setAssignToMe] = useState(true);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const aliasError = touched && !fieldSchemas.alias.safeParse(alias).success ? t('validation.alias') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!fieldSchemas.alias.safeParse(alias).success) return;
    setBusy(true);
    try {
      const { id } = await api.createCase({
        input: {
          alias: alias.trim(),
          risk,
          passport,
          location: location.trim() || null,
          assignedTo: assignToMe ? me.fingerprint : null,
          ...(note.trim() ? { notes: [note] } : {}),
        },
      });
      notify(t('newCase.created'));
      navigate({ name: 'case', id });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen-new" aria-labelledby="new-title">
      <header className="screen-head">
        <h1 id="new-title">{t('newCase.title')}</h1>
      </header>
      <form className="panel stack narrow" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('field.alias')} error={aliasError} hint={t('newCase.aliasHint')}>
          {(p) => <input {...p} autoFocus value={alias} onChange={(e) => setAlias(e.target.value)} />}
        </Field>
        <div className="form-grid">
          <Field label={t('field.risk')}>
            {(p) => <EnumSelect {...p} value={risk} options={RISKS} prefix="risk" onChange={(v) => v && setRisk(v)} />}
          </Field>
          <Field label={t('field.passport')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={passport}
                options={PASSPORT_STATUSES}
                prefix="passport"
                onChange={(v) => v && setPassport(v)}
              />
            )}
          </Field>
        </div>
        <Field label={t('field.location')}>
          {(p) => <input {...p} value={location} onChange={(e) => setLocation(e.target.value)} />}
        </Field>
        <Field label={t('newCase.firstNote')}>
          {(p) => <textarea {...p} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={assignToMe} onChange={(e) => setAssignToMe(e.target.checked)} />
          <span>{t('newCase.assignToMe')}</span>
        </label>
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('newCase.create')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => navigate({ name: 'cases' })}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
