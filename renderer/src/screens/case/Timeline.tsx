import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api, type ApiError, asApiError } from '../../api';
import type { CaseState } from '../../caseForm';
import { describeValue, fieldOfKey, hlcTime } from '../../describeValue';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../format';

type History = ChannelResult<'getCase'>['history'];
type Props = {
  caseState: CaseState;
  history: History;
  nameOf: (fp: string) => string;
  onNoteAdded: (next: CaseState) => void;
};

type Entry = {
  id: string;
  at: number;
  author: string;
  kind: 'note' | 'change';
  text?: string;
  lines?: string[];
  /** A merge still in effect: it can be undone from here. */
  undoableMerge?: boolean;
};

/** A hand-off's consent as one sentence: whom it went to, and what the person agreed to or why not. */
function describeConsent(t: TFunction, value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const c = value as { recipientName?: unknown; agreedTo?: unknown; override?: unknown };
  const name = String(c.recipientName ?? '');
  if (typeof c.agreedTo === 'string' && c.agreedTo) return t('timeline.consentAgreed', { name, what: c.agreedTo });
  return t('timeline.consentOverride', { name, why: String(c.override ?? '') });
}

/** Notes and every change to the case, newest first: who, when, what. */
export function Timeline({ caseState, history, nameOf, onNoteAdded }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Merges undone already (an unmerge names the merge it undoes).
  const undone = new Set(history.filter((h) => h.type === 'unmerge').map((h) => String(h.changes[0]?.to ?? '')));
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const undoMerge = async (mergeOpId: string) => {
    setUndoError(null);
    try {
      const { survivor } = await api.unmergeCase({ mergeOpId });
      onNoteAdded(survivor);
    } catch (e) {
      setUndoError(asApiError(e));
    }
  };

  const entries: Entry[] = [
    ...caseState.notes.map((n) => ({
      id: n.id,
      at: hlcTime(n.hlc),
      author: nameOf(n.author),
      kind: 'note' as const,
      text: n.text,
    })),
    ...history
      .filter((h) => h.type !== 'note')
      .map((h) => ({
        id: h.opId,
        at: h.at,
        author: h.authorName ?? nameOf(h.author),
        kind: 'change' as const,
        undoableMerge: h.type === 'merge' && !undone.has(h.opId),
        lines:
          h.type === 'create'
            ? [t('timeline.created')]
            : h.type === 'merge'
              ? [t('timeline.merged', { id: String(h.changes[0]?.to ?? '').slice(0, 8) })]
              : h.type === 'unmerge'
                ? [t('timeline.unmerged')]
                : h.changes.map((c) => {
                    const field = fieldOfKey(c.key);
                    const consent = field === 'consents' ? describeConsent(t, c.to) : null;
                    if (consent) return consent;
                    const label = t(`field.${field}`);
                    if (c.from === undefined || (Array.isArray(c.from) && c.from.length === 0))
                      return t('timeline.set', { field: label, to: describeValue(t, field, c.to, nameOf) });
                    // `from` lists the value(s) this write replaced: more than one after a merged conflict.
                    const from = Array.isArray(c.from)
                      ? c.from.map((v) => describeValue(t, field, v, nameOf)).join(' | ')
                      : describeValue(t, field, c.from, nameOf);
                    return c.to === undefined || c.to === null
                      ? t('timeline.removed', { field: label, from })
                      : t('timeline.changed', { field: label, from, to: describeValue(t, field, c.to, nameOf) });
                  }),
      })),
  ].sort((a, b) => b.at - a.at);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { case: next } = await api.addNote({ id: caseState.id, text: note });
      setNote('');
      onNoteAdded(next);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="note-form">
        <label htmlFor="note-text" className="sr-only">
          {t('timeline.newNote')}
        </label>
        <textarea
          id="note-text"
          rows={3}
          placeholder={t('timeline.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
        <ErrorNote error={error} />
        <button type="submit" className="btn btn-small" disabled={busy || !note.trim()}>
          {t('timeline.addNote')}
        </button>
      </form>
      <ErrorNote error={undoError} />
      {/* Focusable, so the history can be scrolled from the keyboard too. */}
      <ol className="timeline-list" tabIndex={0} aria-label={t('timeline.history')}>
        {entries.map((entry) => (
          <li key={entry.id} className={`timeline-entry entry-${entry.kind}`}>
            <div className="entry-meta small muted">
              <span className="entry-author">{entry.author}</span>
              {' · '}
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
            </div>
            {entry.kind === 'note' ? (
              <p className="note-text">{entry.text}</p>
            ) : (
              <ul className="change-lines">
                {entry.lines?.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {entry.undoableMerge && (
              <button type="button" className="btn btn-small" onClick={() => void undoMerge(entry.id)}>
                {t('timeline.undoMerge')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
