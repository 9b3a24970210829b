import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type CaseDocument } from '../../../../shared/model/case';
import { markUnreadable, unreadableAfterRemove, type Draft, type Errors } from '../../caseForm';
import { DateInput } from '../../components/DateInput';
import { EnumSelect } from '../../components/EnumSelect';
import { Field } from '../../components/Field';
import { ListSection, removeAt, replaceAt } from './ListSection';

type Props = { draft: Draft; setDraft: Dispatch<SetStateAction<Draft | null>>; errors: Errors };

/** Documents other than the two passports: visas, birth certificates, travel documents. */
export function DocumentsEditor({ draft, setDraft, errors }: Props) {
  const { t } = useTranslation();
  const update = (list: Draft['documents']) => setDraft((d) => (d ? { ...d, documents: list } : d));
  const edit = (i: number, patch: Partial<CaseDocument>) => {
    const item = draft.documents[i];
    if (item) update(replaceAt(draft.documents, i, { ...item, ...patch }));
  };
  const err = (key: string) => (errors[key] ? t(`validation.${errors[key]}`) : null);
  return (
    <ListSection
      id="sec-documents"
      title={t('case.documents')}
      addLabel={t('case.addDocument')}
      empty={t('case.noDocuments')}
      count={draft.documents.length}
      onAdd={() =>
        update([...draft.documents, { kind: 'visa', status: 'needed', issuedOn: null, expiresOn: null, note: null }])
      }
    >
      {draft.documents.map((d, i) => (
        <li key={d.id ?? `new-${i}`} className="item item-document">
          <Field label={t('case.docKind')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={d.kind}
                options={DOCUMENT_KINDS}
                prefix="docKind"
                onChange={(v) => v && edit(i, { kind: v })}
              />
            )}
          </Field>
          <Field label={t('case.docStatus')}>
            {(p) => (
              <EnumSelect
                {...p}
                value={d.status}
                options={DOCUMENT_STATUSES}
                prefix="docStatus"
                onChange={(v) => v && edit(i, { status: v })}
              />
            )}
          </Field>
          <Field label={t('case.issuedOn')} error={err(`documents.${i}.issuedOn`)}>
            {(p) => (
              <DateInput
                {...p}
                value={d.issuedOn}
                onChange={(iso) => edit(i, { issuedOn: iso })}
                typed={draft.unreadable[`documents.${i}.issuedOn`]}
                onUnreadable={(typed) => setDraft((x) => (x ? markUnreadable(x, `documents.${i}.issuedOn`, typed) : x))}
              />
            )}
          </Field>
          <Field label={t('case.expiresOn')} error={err(`documents.${i}.expiresOn`)}>
            {(p) => (
              <DateInput
                {...p}
                value={d.expiresOn}
                onChange={(iso) => edit(i, { expiresOn: iso })}
                typed={draft.unreadable[`documents.${i}.expiresOn`]}
                onUnreadable={(typed) =>
                  setDraft((x) => (x ? markUnreadable(x, `documents.${i}.expiresOn`, typed) : x))
                }
              />
            )}
          </Field>
          <Field label={t('case.docNote')} error={err(`documents.${i}.note`)} className="grow">
            {(p) => <input {...p} value={d.note ?? ''} onChange={(e) => edit(i, { note: e.target.value || null })} />}
          </Field>
          <button
            type="button"
            className="btn btn-ghost btn-small item-remove"
            onClick={() =>
              setDraft((x) =>
                x
                  ? {
                      ...x,
                      documents: removeAt(x.documents, i),
                      unreadable: unreadableAfterRemove(x.unreadable, 'documents', i),
                    }
                  : x,
              )
            }
          >
            {t('case.remove')}
          </button>
        </li>
      ))}
    </ListSection>
  );
}
