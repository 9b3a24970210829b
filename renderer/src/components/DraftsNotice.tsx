import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { api } from '../api';
import { formatDateTime } from '../format';
import { useApp } from '../state/app';
import { NEW_CASE_DRAFT_ID } from '../state/useCaseDraft';

type Drafts = ChannelResult<'listDrafts'>['drafts'];

/** After an unlock: the unsaved edits a lock or a crash sealed away, each to restore or discard. */
export function DraftsNotice() {
  const { t } = useTranslation();
  const { navigate, route } = useApp();
  const [drafts, setDrafts] = useState<Drafts>([]);
  useEffect(() => {
    api.listDrafts({}).then(
      ({ drafts }) => setDrafts(drafts),
      () => undefined,
    );
  }, []);
  // The case page offers its own draft: once a case is open, its entry here has done its work.
  const openCase = route.name === 'case' ? route.id : route.name === 'newCase' ? NEW_CASE_DRAFT_ID : null;
  const shown = drafts.filter((d) => d.caseId !== openCase);
  if (!shown.length) return null;
  const describe = (d: Drafts[number]) => {
    const when = formatDateTime(d.savedAt);
    if (d.caseId !== NEW_CASE_DRAFT_ID) return t('draft.unsaved', { subject: d.subject, when });
    return d.subject
      ? t('draft.unsavedIntake', { subject: d.subject, when })
      : t('draft.unsavedIntakeUnnamed', { when });
  };
  const drop = (caseId: string) => setDrafts((list) => list.filter((d) => d.caseId !== caseId));
  return (
    <section className="drafts-notice" aria-label={t('draft.title')}>
      <ul>
        {shown.map((d) => (
          <li key={d.caseId}>
            <span>{describe(d)}</span>
            <button
              type="button"
              className="btn btn-small btn-primary"
              onClick={() => {
                drop(d.caseId);
                navigate(
                  d.caseId === NEW_CASE_DRAFT_ID
                    ? { name: 'newCase', restoreDraft: true }
                    : { name: 'case', id: d.caseId, restoreDraft: true },
                );
              }}
            >
              {t('draft.restore')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                drop(d.caseId);
                void api.discardDraft({ caseId: d.caseId });
              }}
            >
              {t('draft.discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
