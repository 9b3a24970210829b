import { useMemo, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSED_REASONS,
  GENDERS,
  NEEDS,
  PASSPORT_STATUSES,
  REFUGE_ROUTES,
  RISKS,
  STAGES,
  THREATS,
  type CaseFields,
} from '../../../../shared/model/case';
import { COUNTRY_CODES } from '../../../../shared/model/countries';
import type { Draft, Errors } from '../../caseForm';
import { CheckGroup } from '../../components/CheckGroup';
import { EnumSelect } from '../../components/EnumSelect';
import { Field } from '../../components/Field';
import { countryName } from '../../format';
import { useApp } from '../../state/app';
import type { ContactEntry } from '../../state/usePeople';

type Props = {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft | null>>;
  errors: Errors;
  contacts: ContactEntry[];
  nameOf: (fp: string | null) => string;
};

/** The single-valued fields of a case, grouped the way a caseworker thinks of them. */
export function CaseFieldsForm({ draft, setDraft, errors, contacts }: Props) {
  const { t, i18n } = useTranslation();
  const { me } = useApp();
  const f = draft.fields;
  const set = <K extends keyof CaseFields>(key: K, value: CaseFields[K]) =>
    setDraft((d) => (d ? { ...d, fields: { ...d.fields, [key]: value } } : d));
  const err = (key: string) => (errors[key] ? t(`validation.${errors[key]}`) : null);
  const countries = useMemo(
    () => [...COUNTRY_CODES].sort((a, b) => countryName(a).localeCompare(countryName(b), i18n.language)),
    [i18n.language],
  );
  const assignees = [me.fingerprint, ...contacts.map((c) => c.fingerprint).filter((fp) => fp !== me.fingerprint)];
  if (f.assignedTo && !assignees.includes(f.assignedTo)) assignees.push(f.assignedTo);
  const nameFor = (fp: string) =>
    fp === me.fingerprint
      ? `${me.displayName} (${t('case.me')})`
      : (contacts.find((c) => c.fingerprint === fp)?.name ?? fp.slice(0, 8));

  return (
    <>
      <section className="panel" aria-labelledby="sec-person">
        <h2 id="sec-person">{t('case.section.person')}</h2>
        <div className="form-grid">
          <Field label={t('field.alias')} error={err('alias')}>
            {(p) => <input {...p} value={f.alias} onChange={(e) => set('alias', e.target.value)} />}
          </Field>
          <Field label={t('field.legalName')} error={err('legalName')}>
            {(p) => (
              <input {...p} value={f.legalName ?? ''} onChange={(e) => set('legalName', e.target.value || null)} />
            )}
          </Field>
          <Field
            label={t('field.otherNames')}
            error={err('otherNames')}
            hint={t('case.otherNamesHint')}
            className="span-2"
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={draft.otherNamesText}
                onChange={(e) => setDraft((d) => (d ? { ...d, otherNamesText: e.target.value } : d))}
              />
            )}
          </Field>
          <Field label={t('field.birthYear')} error={err('birthYear')}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={draft.birthYearText}
                onChange={(e) => setDraft((d) => (d ? { ...d, birthYearText: e.target.value } : d))}
              />
            )}
          </Field>
          <Field label={t('field.gender')}>
            {(p) => (
              <EnumSelect
                {...p}
                allowEmpty
                value={f.gender}
                options={GENDERS}
                prefix="gender"
                onChange={(v) => set('gender', v)}
              />
            )}
          </Field>
          <Field label={t('field.pronouns')} error={err('pronouns')}>
            {(p) => <input {...p} value={f.pronouns ?? ''} onChange={(e) => set('pronouns', e.target.value || null)} />}
          </Field>
          <Field label={t('field.location')} error={err('location')}>
            {(p) => <input {...p} value={f.location ?? ''} onChange={(e) => set('location', e.target.value || null)} />}
          </Field>
        </div>
      </section>

      <section className="panel" aria-labelledby="sec-safety">
        <h2 id="sec-safety">{t('case.section.safety')}</h2>
        <div className="form-grid">
          <Field label={t('field.risk')}>
            {(p) => (
              <EnumSelect {...p} value={f.risk} options={RISKS} prefix="risk" onChange={(v) => v && set('risk', v)} />
            )}
          </Field>
          <CheckGroup
            legend={t('field.threats')}
            options={THREATS}
            prefix="threat"
            value={f.threats}
            onChange={(v) => set('threats', v)}
          />
          <CheckGroup
            legend={t('field.needs')}
            options={NEEDS}
            prefix="need"
            value={f.needs}
            onChange={(v) => set('needs', v)}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="sec-route">
        <h2 id="sec-route">{t('case.section.route')}</h2>
        <div className="form-grid">
          <Field label={t('field.stage')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={f.stage}
                options={STAGES}
                prefix="stage"
                onChange={(v) => v && set('stage', v)}
              />
            )}
          </Field>
          {f.stage === 'closed' ? (
            <Field label={t('field.closedReason')} error={err('closedReason')}>
              {(p) => (
                <EnumSelect
                  {...p}
                  allowEmpty
                  value={f.closedReason}
                  options={CLOSED_REASONS}
                  prefix="closedReason"
                  onChange={(v) => set('closedReason', v)}
                />
              )}
            </Field>
          ) : null}
          <Field label={t('field.assignedTo')} error={err('assignedTo')}>
            {(p) => (
              <EnumSelect
                {...p}
                allowEmpty
                value={f.assignedTo}
                options={assignees}
                label={nameFor}
                onChange={(v) => set('assignedTo', v)}
              />
            )}
          </Field>
          <Field label={t('field.passport')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={f.passport}
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
                value={f.internalPassport}
                options={PASSPORT_STATUSES}
                prefix="passport"
                onChange={(v) => v && set('internalPassport', v)}
              />
            )}
          </Field>
          <Field label={t('field.refugeCountry')} error={err('refugeCountry')}>
            {(p) => (
              <EnumSelect
                {...p}
                allowEmpty
                value={f.refugeCountry}
                options={countries}
                label={countryName}
                onChange={(v) => set('refugeCountry', v)}
              />
            )}
          </Field>
          <Field label={t('field.refugeRoute')}>
            {(p) => (
              <EnumSelect
                {...p}
                allowEmpty
                value={f.refugeRoute}
                options={REFUGE_ROUTES}
                prefix="route"
                onChange={(v) => set('refugeRoute', v)}
              />
            )}
          </Field>
        </div>
      </section>
    </>
  );
}
