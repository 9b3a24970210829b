import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type Contact } from '../../../../shared/model/case';
import type { Draft, Errors } from '../../caseForm';
import { EnumSelect } from '../../components/EnumSelect';
import { Field } from '../../components/Field';
import { ListSection, removeAt, replaceAt } from './ListSection';

type Props = { draft: Draft; setDraft: Dispatch<SetStateAction<Draft | null>>; errors: Errors };

/** How to reach the person, each way with its safety note ("family reads this phone"). */
export function ContactsEditor({ draft, setDraft, errors }: Props) {
  const { t } = useTranslation();
  const update = (list: Draft['contacts']) => setDraft((d) => (d ? { ...d, contacts: list } : d));
  const edit = (i: number, patch: Partial<Contact>) => {
    const item = draft.contacts[i];
    if (item) update(replaceAt(draft.contacts, i, { ...item, ...patch }));
  };
  const err = (key: string) => (errors[key] ? t(`validation.${errors[key]}`) : null);
  return (
    <ListSection
      id="sec-contacts"
      title={t('case.contacts')}
      addLabel={t('case.addContact')}
      empty={t('case.noContacts')}
      count={draft.contacts.length}
      onAdd={() => update([...draft.contacts, { channel: 'signal', value: '', safetyNote: null }])}
    >
      {draft.contacts.map((c, i) => (
        <li key={c.id ?? `new-${i}`} className="item item-contact">
          <Field label={t('case.channel')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={c.channel}
                options={CONTACT_CHANNELS}
                prefix="channel"
                onChange={(v) => v && edit(i, { channel: v })}
              />
            )}
          </Field>
          <Field label={t('case.contactValue')} error={err(`contacts.${i}.value`)}>
            {(p) => <input {...p} value={c.value} onChange={(e) => edit(i, { value: e.target.value })} />}
          </Field>
          <Field label={t('case.safetyNote')} error={err(`contacts.${i}.safetyNote`)} className="grow">
            {(p) => (
              <input
                {...p}
                className={c.safetyNote ? 'safety-note' : ''}
                placeholder={t('case.safetyNotePlaceholder')}
                value={c.safetyNote ?? ''}
                onChange={(e) => edit(i, { safetyNote: e.target.value || null })}
              />
            )}
          </Field>
          <button
            type="button"
            className="btn btn-ghost btn-small item-remove"
            onClick={() => update(removeAt(draft.contacts, i))}
          >
            {t('case.remove')}
          </button>
        </li>
      ))}
    </ListSection>
  );
}
