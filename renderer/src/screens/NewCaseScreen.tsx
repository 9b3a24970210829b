import { DuplicateWarning } from './duplicates/DuplicateWarning';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../shared/model/countries';
import { PASSPORT_STATUSES, PIPELINE_STAGES, RISKS, fieldSchemas, taskSchema } from '../../../shared/model/case';
import { api, type ApiError, asApiError } from '../api';
import { DateInput } from '../components/DateInput';
import { EnumSelect } from '../components/EnumSelect';
import { DraftOffer } from '../components/DraftOffer';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { countryName } from '../format';
import { useApp } from '../state/app';
import { NEW_CASE_DRAFT_ID, useCaseDraft } from '../state/useCaseDraft';
import { EMPTY_INTAKE, parseIntake, type Intake } from './newCase/intake';

/** Intake on one screen: what a first call tells, including where the person may go and what to do next. */
export function NewCaseScreen({ restoreDraft = false }: { restoreDraft?: boolean }) {
  const { t, i18n } = useTranslation();
  const { navigate, notify, me, setLeaveGuard } = useApp();
  const [intake, setIntake] = useState<Intake>(EMPTY_INTAKE);
  const set = <K extends keyof Intake>(key: K, value: Intake[K]) => setIntake((i) => ({ ...i, [key]: value }));
  const { alias, stage, risk, passport, internalPassport, refugeCountry, location, taskText, taskDue, note } = intake;
  const { assignToMe } = intake;
  const dueUnreadable = intake.dueTyped !== null;
  // Bumped when a kept draft is restored: the date field reads its typed text only when it mounts.
  const [restored, setRestored] = useState(0);
  const [offered, setOffered] = useState<{ savedAt: string; intake: Intake } | null>(null);
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
  const subject = alias.trim() || t('newCase.title');
  // The draft's subject is the alias alone: the notice after an unlock names an unnamed intake itself.
  const keptDraft = useCaseDraft(NEW_CASE_DRAFT_ID, alias.trim(), intake, typed);

  const restore = (body: Intake) => {
    setIntake(body);
    setRestored((n) => n + 1);
    setOffered(null);
  };

  // An intake a lock or a crash kept is offered back (or restored at once when the notice asked for it).
  useEffect(() => {
    let live = true;
    api.listDrafts({}).then(
      ({ drafts }) => {
        const kept = drafts.find((d) => d.caseId === NEW_CASE_DRAFT_ID);
        const body = kept ? parseIntake(kept.body) : null;
        if (!live || !kept || !body) return;
        if (restoreDraft) restore(body);
        else setOffered({ savedAt: kept.savedAt, intake: body });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // The draft is read once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
      void keptDraft.forget().catch(() => undefined);
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
  const { flush, forget } = keptDraft;
  useEffect(() => {
    setLeaveGuard(
      typed
        ? {
            subject,
            save: () => submitRef.current(),
            discard: () => void forget().catch(() => undefined),
            keepDraft: flush,
          }
        : null,
    );
  }, [typed, subject, flush, forget, setLeaveGuard]);
  useEffect(() => () => setLeaveGuard(null), [setLeaveGuard]);

  return (
    <section className="screen-new" aria-labelledby="new-title">
      <header className="screen-head">
        <h1 id="new-title">{t('newCase.title')}</h1>
      </header>
      {offered ? (
        <DraftOffer
          savedAt={offered.savedAt}
          message="draft.offerIntake"
          onRestore={() => restore(offered.intake)}
          onDiscard={() => {
            setOffered(null);
            // Once a new intake is typed, the sealed draft is already that one: keep it.
            if (!typed) void forget().catch(() => undefined);
          }}
        />
      ) : null}
      <form className="panel stack intake" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('field.alias')}
          error={touched && aliasBad ? t('validation.alias') : null}
          hint={t('newCase.aliasHint')}
        >
          {(p) => <input {...p} autoFocus value={alias} onChange={(e) => set('alias', e.target.value)} />}
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
                onChange={(v) => v && set('stage', v)}
              />
            )}
          </Field>
          <Field label={t('field.risk')}>
            {(p) => (
              <EnumSelect {...p} value={risk} options={RISKS} prefix="risk" onChange={(v) => v && set('risk', v)} />
            )}
          </Field>
          <Field label={t('field.passport')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={passport}
                options={PASSPORT_STATUSES}
                prefix="passport"
                onChange={(v) => v && set('passport', v)}
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
                onChange={(v) => v && set('internalPassport', v)}
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
                onChange={(v) => set('refugeCountry', v)}
              />
            )}
          </Field>
          <Field label={t('field.location')}>
            {(p) => <input {...p} value={location} onChange={(e) => set('location', e.target.value)} />}
          </Field>
        </div>
        <fieldset className="intake-task">
          <legend>{t('newCase.firstTask')}</legend>
          <div className="form-grid">
            <Field label={t('case.taskText')} error={touched && taskBad ? t('validation.tasks.text') : null}>
              {(p) => <input {...p} value={taskText} onChange={(e) => set('taskText', e.target.value)} />}
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
                  key={restored}
                  value={taskDue}
                  typed={intake.dueTyped ?? undefined}
                  onChange={(v) => set('taskDue', v)}
                  onUnreadable={(text) => set('dueTyped', text)}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <Field label={t('newCase.firstNote')}>
          {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => set('note', e.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={assignToMe} onChange={(e) => set('assignToMe', e.target.checked)} />
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
