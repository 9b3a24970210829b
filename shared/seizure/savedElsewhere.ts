import type { Vault } from '../vault/vault.js';

/**
 * Whether erasing now would lose work: the newest change in the vault (its clock, which every local
 * change ticks and every import advances) against the one noted at the last backup or export. Kept
 * sealed in the vault; nothing about it is readable without the key.
 */
const RECORD = 'seizure.savedElsewhere';

export interface SavedElsewhere {
  kind: 'backup' | 'export' | 'handoff';
  at: string;
  /** The vault's clock when it was written: changes after it are not in any file. */
  lastChange: string;
  /** The last backup (an export does not replace one: it holds only what its recipients may read). */
  lastBackupAt?: string | null;
}

/**
 * Notes a backup or full export about to be written; returns what to put back if writing it fails
 * (`restoreSavedElsewhere`). Written in the transaction that takes the file's sequence number, so
 * the change number the file carries is the vault's once the file exists.
 */
export function noteSavedElsewhere(vault: Vault, kind: SavedElsewhere['kind'], at: string): string | null {
  const previous = vault.getRecord(RECORD) ?? null;
  const before = previous ? (JSON.parse(previous) as SavedElsewhere | null) : null;
  const lastBackupAt = kind === 'backup' ? at : (before?.lastBackupAt ?? null);
  const saved: SavedElsewhere = { kind, at, lastChange: vault.lastChange, lastBackupAt };
  vault.transaction((db) => vault.putRecord(RECORD, JSON.stringify(saved), db));
  return previous;
}

/** The file was not written after all: the note goes back to what it was. */
export function restoreSavedElsewhere(vault: Vault, previous: string | null): void {
  vault.transaction((db) => vault.putRecord(RECORD, previous ?? 'null', db));
}

export interface UnsavedChanges {
  /** The last backup or export, or null if there never was one. */
  lastSaved: Pick<SavedElsewhere, 'kind' | 'at'> | null;
  /** Cases were changed (here or by an import) after it, or there are cases and never was one. */
  changedSince: boolean;
  /** When the last backup was made, or null if never. */
  lastBackupAt: string | null;
}

export function unsavedChanges(vault: Vault): UnsavedChanges {
  const sealed = vault.getRecord(RECORD);
  const saved = sealed ? (JSON.parse(sealed) as SavedElsewhere | null) : null; // null: a failed first one
  if (!saved) return { lastSaved: null, changedSince: vault.caseCount > 0, lastBackupAt: null };
  // Clock values sort as text (fixed-width milliseconds first).
  return {
    lastSaved: { kind: saved.kind, at: saved.at },
    changedSince: vault.lastChange > saved.lastChange,
    lastBackupAt: saved.lastBackupAt ?? (saved.kind === 'backup' ? saved.at : null),
  };
}
