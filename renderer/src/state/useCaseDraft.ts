import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api';
import type { Draft } from '../caseForm';

/**
 * The draft key of the new-case form: an intake has no case id yet. Not a case id the vault makes
 * (those are 22 random characters), so it can never name a case's draft.
 */
export const NEW_CASE_DRAFT_ID = 'new-case';

/** How long typing may pause before the draft is sealed into the vault: short, as a lock may come any time. */
const KEEP_AFTER_MS = 700;

/**
 * Seals a case's unsaved edits into the vault shortly after each change, so an idle lock, a panic
 * lock or a crash loses at most the last moment of typing, and nothing is ever written in plaintext.
 * `flush` seals at once (before a lock the app starts itself); `forget` drops the draft (saved or discarded).
 * The new-case form keeps its intake the same way, under NEW_CASE_DRAFT_ID, with its own draft shape.
 */
export function useCaseDraft<T>(caseId: string, subject: string, draft: T | null, dirty: boolean) {
  const pending = useRef<{ subject: string; body: string } | null>(null);

  const flush = useCallback(async () => {
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    await api.keepDraft({ caseId, ...next });
  }, [caseId]);

  const forget = useCallback(async () => {
    pending.current = null;
    await api.discardDraft({ caseId });
  }, [caseId]);

  useEffect(() => {
    if (!draft || !dirty) {
      pending.current = null;
      return;
    }
    pending.current = { subject, body: JSON.stringify(draft) };
    const timer = window.setTimeout(() => void flush().catch(() => undefined), KEEP_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, subject, flush]);

  return { flush, forget };
}

/** A draft body read back from the vault, or null when it is not one this UI wrote. */
export function parseDraftBody(body: string): Draft | null {
  try {
    const value = JSON.parse(body) as Partial<Draft>;
    const ok =
      value &&
      typeof value.fields === 'object' &&
      Array.isArray(value.contacts) &&
      Array.isArray(value.documents) &&
      Array.isArray(value.tasks) &&
      typeof value.birthYearText === 'string' &&
      typeof value.otherNamesText === 'string';
    return ok ? ({ unreadable: {}, ...value } as Draft) : null;
  } catch {
    return null;
  }
}
