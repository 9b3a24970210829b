import type Database from 'better-sqlite3';
import type { Vault } from '../vault/vault.js';

/**
 * Which sheet rows this vault has imported, so that importing the same sheet again changes nothing.
 * A row is remembered by a keyed hash of its cells under a sub-key of the vault key (Vault.keyedId),
 * and the set of hashes is one sealed record: nothing of a row is readable in the file, and without
 * the key no one can test whether a given row was imported.
 */
const RECORD = 'sheets.importedRows';

export function rowFingerprint(vault: Vault, source: string): string {
  return Buffer.from(vault.keyedId('sheet-row', source)).toString('base64url');
}

export function importedRows(vault: Vault): Set<string> {
  const stored = vault.getRecord(RECORD);
  return new Set(stored === undefined ? [] : (JSON.parse(stored) as { rows: string[] }).rows);
}

/** Inside the import's transaction. */
export function rememberRows(vault: Vault, db: Database.Database, known: Set<string>, added: readonly string[]): void {
  if (added.length === 0) return;
  vault.putRecord(RECORD, JSON.stringify({ rows: [...known, ...added] }), db);
}
