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
}

export function noteSavedElsewhere(vault: Vault, kind: SavedElsewhere['kind'], at: string): void {
  if (vault.isReadOnly) return; // a rescue backup: the altered vault is never written
  const saved: SavedElsewhere = { kind, at, lastChange: vault.lastChange };
  vault.transaction((db) => vault.putRecord(RECORD, JSON.stringify(saved), db));
}

export interface UnsavedChanges {
  /** The last backup or export, or null if there never was one. */
  lastSaved: Pick<SavedElsewhere, 'kind' | 'at'> | null;
  /** Cases were changed (here or by an import) after it, or there are cases and never was one. */
  changedSince: boolean;
}

export function unsavedChanges(vault: Vault): UnsavedChanges {
  const sealed = vault.getRecord(RECORD);
  const saved = sealed ? (JSON.parse(sealed) as SavedElsewhere) : null;
  if (!saved) return { lastSaved: null, changedSince: vault.caseCount > 0 };
  // Clock values sort as text (fixed-width milliseconds first).
  return { lastSaved: { kind: saved.kind, at: saved.at }, changedSince: vault.lastChange > saved.lastChange };
}
