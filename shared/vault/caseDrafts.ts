import type Database from 'better-sqlite3';
import type { Vault } from './vault.js';

/**
 * Unsaved edits of a case, kept sealed in the vault so that an idle lock, a panic lock or a crash
 * never loses what a caseworker typed, and never leaves it in plaintext on disk. The body is the
 * UI's own draft, opaque here. Drafts are a vault record, not ops: no export or hand-off carries them.
 */
export interface CaseDraft {
  caseId: string;
  /** The case's alias when the draft was written, to name it in "restore or discard". */
  subject: string;
  savedAt: string;
  body: string;
}

const DRAFTS_RECORD = 'ui.caseDrafts';

export function listDrafts(vault: Vault): CaseDraft[] {
  const stored = vault.getRecord(DRAFTS_RECORD);
  return stored === undefined ? [] : (JSON.parse(stored) as { drafts: CaseDraft[] }).drafts;
}

/** Keeps one draft per case: the newest replaces the one before. */
export function keepDraft(vault: Vault, draft: CaseDraft): void {
  writeDrafts(vault, [...listDrafts(vault).filter((d) => d.caseId !== draft.caseId), draft]);
}

/** Drops a case's draft; a purge calls it inside its own transaction (`db`), so none outlives the case. */
export function dropDraft(vault: Vault, caseId: string, db?: Database.Database): void {
  const drafts = listDrafts(vault);
  if (drafts.some((d) => d.caseId === caseId))
    writeDrafts(
      vault,
      drafts.filter((d) => d.caseId !== caseId),
      db,
    );
}

function writeDrafts(vault: Vault, drafts: CaseDraft[], db?: Database.Database): void {
  const json = JSON.stringify({ drafts });
  if (db) vault.putRecord(DRAFTS_RECORD, json, db);
  else vault.transaction((tx) => vault.putRecord(DRAFTS_RECORD, json, tx));
}
