import { DuplicateWarning } from './duplicates/DuplicateWarning';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../shared/model/countries';
import {
  PASSPORT_STATUSES,
  PIPELINE_STAGES,
  RISKS,
  fieldSchemas,
  taskSchema,
  type PassportStatus,
  type Risk,
  type Stage,
} from '../../../shared/model/case';
import { api, type ApiError, asApiError } from '../api';
import { DateInput } from '../components/DateInput';
import { EnumSelect } from '../components/EnumSelect';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { countryName } from '../format';
import { useApp } from '../state/app';

/** Intake on one screen: what a first call tells, including where the person may go and what to do next. */
export function NewCaseScreen() {
  const { t, i18n } = useTranslation();
  const { navigate, notify, me, setLeaveGuard } = useApp();
  const [alias, setAlias] = useState('');
  const [stage, setStage] = useState<Stage>('intake');
  const [risk, setRisk] = useState<Risk>('medium');
  const [passport, setPassport] = useState<PassportStatus>('unknown');
  const [internalPassport, setInternalPassport] = useState<PassportStatus>('unknown');
  const [refugeCountry, setRefugeCountry] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [taskText, setTaskText] = useState('');
  const [taskDue, setTaskDue] = useState<string | null>(null);
  const [dueUnreadable, setDueUnreadable] = useState(false);
  const [note, setNote] = useState('');
  const [assignToMe, setAssignToMe] = useState(true);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const countries = useMemo(
    () => [...COUNTRY_CODES].sort((a, b) => countryName(a).localeCompare(countryName(b), i18n.language)),
    [i18n.language],
  );

  const aliasBad = !fieldSchemas.alias.safeParse(alias).success;
  const task = taskText.trim() ? { text: taskText.trim(), due: taskDue, done: false } : null;
  const taskBad = task !== null && !taskSchema.safeParse(task).success;
  const dueWithoutTask = !task && taskDue !== null;
  const invalid = aliasBad || dueUnreadable || taskBad || dueWithoutTask;
  const typed = [alias, location, taskText, note].some((s) => s.trim()) || taskDue !== null || dueUnreadable;

  const submit = async (event?: FormEvent): Promise<boolean> => {
    event?.preventDefault();
    setTouched(true);
    if (invalid) return false;
    setBusy(true);
    try {
      const { id } = await api.createCase({
        input: {
          alias: alias.trim(),
          stage,
          risk,
          passport,
          internalPassport,
          refugeCountry,
          location: location.trim() || null,
          assignedTo: assignToMe ? me.fingerprint : null,
          ...(task ? { tasks: [task] } : {}),
          ...(note.trim() ? { notes: [note] } : {}),
        },
      });
      setLeaveGuard(null);
      notify(t('newCase.created'));
      navigate({ name: 'case', id });
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  // Leaving a half-filled intake asks first, as a case page does.
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  });
  useEffect(() => {
    setLeaveGuard(
      typed
        ? {
            subject: alias.trim() || t('newCase.title'),
            save: () => submitRef.current(),
            discard: () => undefined,
            keepDraft: async () => undefined,
          }
        : null,
    );
  }, [typed, alias, t, setLeaveGuard]);
  useEffect(() => () => setLeaveGuard(null), [setLeaveGuard]);

  return (
    <section className="screen-new" aria-labelledby="new-title">
      <header className="screen-head">
        <h1 id="new-title">{t('newCase.title')}</h1>
      </header>
      <form className="panel stack intake" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('field.alias')}
          error={touched && aliasBad ? t('validation.alias') : null}
          hint={t('newCase.aliasHint')}
        >
          {(p) => <input {...p} autoFocus value={alias} onChange={(e) => setAlias(e.target.value)} />}
        </Field>
        <DuplicateWarning alias={alias} />
        <div className="form-grid">
          <Field label={t('field.stage')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={stage}
                options={PIPELINE_STAGES}
                prefix="stage"
                onChange={(v) => v && setStage(v)}
              />
            )}
          </Field>
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
          <Field label={t('field.internalPassport')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={internalPassport}
                options={PASSPORT_STATUSES}
                prefix="passport"
                onChange={(v) => v && setInternalPassport(v)}
              />
            )}
          </Field>
          <Field label={t('field.refugeCountry')}>
            {(p) => (
              <EnumSelect
                {...p}
                allowEmpty
                value={refugeCountry}
                options={countries}
                label={countryName}
                onChange={(v) => setRefugeCountry(v)}
              />
            )}
          </Field>
          <Field label={t('field.location')}>
            {(p) => <input {...p} value={location} onChange={(e) => setLocation(e.target.value)} />}
          </Field>
        </div>
        <fieldset className="intake-task">
          <legend>{t('newCase.firstTask')}</legend>
          <div className="form-grid">
            <Field label={t('case.taskText')} error={touched && taskBad ? t('validation.tasks.text') : null}>
              {(p) => <input {...p} value={taskText} onChange={(e) => setTaskText(e.target.value)} />}
            </Field>
            <Field
              label={t('case.taskDue')}
              error={
                dueUnreadable
                  ? t('validation.unreadableDate')
                  : touched && dueWithoutTask
                    ? t('newCase.dueWithoutTask')
                    : null
              }
            >
              {(p) => (
                <DateInput
                  {...p}
                  value={taskDue}
                  onChange={setTaskDue}
                  onUnreadable={(text) => setDueUnreadable(text !== null)}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <Field label={t('newCase.firstNote')}>
          {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={assignToMe} onChange={(e) => setAssignToMe(e.target.checked)} />
          <span>{t('newCase.assignToMe')}</span>
        </label>
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy || (touched && invalid)}>
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
