import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { api, type ApiError, asApiError } from '../api';
import { draftOf, patchOf, validate, type CaseState, type Draft } from '../caseForm';
import { RiskBadge, StageBadge } from '../components/Badges';
import { DraftOffer } from '../components/DraftOffer';
import { ErrorNote } from '../components/ErrorNote';
import { useApp } from '../state/app';
import { parseDraftBody, useCaseDraft } from '../state/useCaseDraft';
import { usePeople } from '../state/usePeople';
import { CaseFieldsForm } from './case/CaseFieldsForm';
import { ConflictPanel } from './case/ConflictPanel';
import { ContactsEditor } from './case/ContactsEditor';
import { DocumentsEditor } from './case/DocumentsEditor';
import { FilesSection } from './case/files/FilesSection';
import { TasksEditor } from './case/TasksEditor';
import { Timeline } from './case/Timeline';

type Loaded = ChannelResult<'getCase'>;

/** One case: every field of the model, its lists, its conflicts and its whole history. */
export function CaseScreen({ id, restoreDraft = false }: { id: string; restoreDraft?: boolean }) {
  const { t } = useTranslation();
  const { navigate, notify, setLeaveGuard } = useApp();
  const people = usePeople();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [offered, setOffered] = useState<{ savedAt: string; draft: Draft } | null>(null);

  const load = async (keepDraft = false) => {
    try {
      const result = await api.getCase({ id });
      setLoaded(result);
      if (!keepDraft) setDraft(draftOf(result.case));
      setError(null);
    } catch (e) {
      setError(asApiError(e));
    }
  };

  useEffect(() => {
    let live = true;
    Promise.all([api.getCase({ id }), api.listDrafts({})]).then(
      ([result, { drafts }]) => {
        if (!live) return;
        setLoaded(result);
        const kept = drafts.find((d) => d.caseId === id);
        const restored = kept ? parseDraftBody(kept.body) : null;
        if (restored && restoreDraft) setDraft(restored);
        else {
          setDraft(draftOf(result.case));
          if (kept && restored) setOffered({ savedAt: kept.savedAt, draft: restored });
        }
      },
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
    // The draft is read once, when the case opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const errors = useMemo(() => (draft ? validate(draft) : {}), [draft]);
  const patch = useMemo(() => (loaded && draft ? patchOf(loaded.case, draft) : {}), [loaded, draft]);
  const dirty = Object.keys(patch).length > 0 || Object.keys(draft?.unreadable ?? {}).length > 0;
  const hasErrors = Object.keys(errors).length > 0;
  const alias = loaded?.case.fields.alias ?? '';
  const keptDraft = useCaseDraft(id, alias, draft, dirty);

  const applyCase = (next: CaseState) => {
    setLoaded((l) => (l ? { ...l, case: next } : l));
    void load(true);
  };

  const save = async (): Promise<boolean> => {
    if (!loaded || !draft) return false;
    setShowErrors(true);
    if (Object.keys(errors).length) {
      notify(t('case.fixErrors'), 'error');
      return false;
    }
    setSaving(true);
    try {
      const result = await api.updateCase({ id, patch });
      setDraft(draftOf(result.case));
      setShowErrors(false);
      applyCase(result.case);
      notify(t('case.saved'));
      void keptDraft.forget().catch(() => undefined);
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setSaving(false);
    }
  };
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const discard = () => {
    if (loaded) setDraft(draftOf(loaded.case));
    void keptDraft.forget().catch(() => undefined);
  };
  const discardRef = useRef(discard);
  useEffect(() => {
    discardRef.current = discard;
  });
  const { flush } = keptDraft;
  useEffect(() => {
    setLeaveGuard(
      dirty
        ? { subject: alias, save: () => saveRef.current(), discard: () => discardRef.current(), keepDraft: flush }
        : null,
    );
  }, [dirty, alias, flush, setLeaveGuard]);
  useEffect(() => () => setLeaveGuard(null), [setLeaveGuard]);

  if (!loaded || !draft) {
    return (
      <section className="screen-case">
        <ErrorNote error={error} />
        {!error ? <p className="muted">{t('app.loading')}</p> : null}
      </section>
    );
  }
  const c = loaded.case;
  const visibleErrors = showErrors ? errors : onlyTouched(errors, loaded.case, draft);

  return (
    <section className="screen-case" aria-labelledby="case-title">
      <header className="screen-head sticky-head">
        <button type="button" className="btn btn-ghost" onClick={() => navigate({ name: 'cases' })}>
          ← {t('nav.cases')}
        </button>
        <h1 id="case-title" className="case-title" title={c.fields.alias}>
          {c.fields.alias}
        </h1>
        <StageBadge stage={c.fields.stage} />
        <RiskBadge risk={c.fields.risk} />
        <div className="spacer" />
        {dirty ? <span className="muted small case-unsaved">{t('case.unsaved')}</span> : null}
        <button type="button" className="btn" disabled={!dirty || saving} onClick={discard}>
          {t('case.discard')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!dirty || saving || hasErrors}
          onClick={() => void save()}
        >
          {saving ? t('case.saving') : t('case.save')}
        </button>
        <button type="button" className="btn" onClick={() => navigate({ name: 'exchange', handOff: id })}>
          {t('case.handOff')}
        </button>
      </header>
      <ErrorNote error={error} />
      {offered ? (
        <DraftOffer
          savedAt={offered.savedAt}
          onRestore={() => {
            setDraft(offered.draft);
            setOffered(null);
          }}
          onDiscard={() => {
            setOffered(null);
            // Once new edits are typed, the sealed draft is already theirs: keep it.
            if (!dirty) void keptDraft.forget().catch(() => undefined);
          }}
        />
      ) : null}
      {c.conflicts.length ? (
        <ConflictPanel
          caseState={c}
          nameOf={people.nameOf}
          onResolved={(next) => {
            setDraft(draftOf(next));
            applyCase(next);
          }}
        />
      ) : null}
      <div className="case-grid">
        <div className="case-main">
          <CaseFieldsForm
            draft={draft}
            setDraft={setDraft}
            errors={visibleErrors}
            contacts={people.contacts}
            nameOf={people.nameOf}
          />
          <ContactsEditor draft={draft} setDraft={setDraft} errors={visibleErrors} />
          <DocumentsEditor draft={draft} setDraft={setDraft} errors={visibleErrors} />
          <TasksEditor draft={draft} setDraft={setDraft} errors={visibleErrors} />
          <FilesSection
            caseId={c.id}
            documents={c.documents.map((d) => ({ id: String(d.id), kind: String(d.kind), status: String(d.status) }))}
            nameOf={people.nameOf}
          />
        </div>
        <aside className="case-side">
          <Timeline caseState={c} history={loaded.history} nameOf={people.nameOf} onNoteAdded={applyCase} />
        </aside>
      </div>
    </section>
  );
}

/** Before the first save attempt, only complain about fields the person has changed. */
function onlyTouched(errors: Record<string, string | undefined>, original: CaseState, draft: Draft) {
  const out: Record<string, string | undefined> = {};
  const changed = patchOf(original, draft);
  for (const [key, value] of Object.entries(errors)) {
    const root = key.split('.')[0] ?? key;
    if (root in changed || key === 'birthYear' || key === 'closedReason') out[key] = value;
  }
  return out;
}
