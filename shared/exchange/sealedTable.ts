import type Database from 'better-sqlite3';
import { fixedSizeJson, isDecoy } from '../vault/decoys.js';
import type { Vault } from '../vault/vault.js';

/**
 * Rows of the exchange tables (migration 002): a keyed-hash id of what the row is about and the
 * sealed JSON of the row. The id lets a row be found by its subject without the subject being
 * readable in the file; sealing binds each row to its table and id.
 */
export type ExchangeTable = 'contacts' | 'import_log' | 'sender_sequences' | 'tombstones';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function rowIdFor(vault: Vault, table: ExchangeTable, subject: string): Uint8Array {
  return vault.keyedId(table === 'tombstones' ? 'tombstone' : table, subject);
}

export function readRow<T>(vault: Vault, table: ExchangeTable, subject: string, db?: Database.Database): T | undefined {
  const id = rowIdFor(vault, table, subject);
  const run = (d: Database.Database) =>
    d.prepare(`SELECT sealed FROM ${table} WHERE id = ?`).get(id) as { sealed: Buffer } | undefined;
  const row = db ? run(db) : vault.transaction(run);
  if (!row) return undefined;
  return JSON.parse(decoder.decode(vault.openFrom(table, id, row.sealed))) as T;
}

/** Every real row of the table (decoys, which hide how many there are, are left out). */
export function readAllRows<T>(vault: Vault, table: ExchangeTable): T[] {
  return vault.transaction(
    (db) =>
      (db.prepare(`SELECT id, sealed FROM ${table}`).all() as Array<{ id: Buffer; sealed: Buffer }>)
        .map((row) => JSON.parse(decoder.decode(vault.openFrom(table, row.id, row.sealed))) as unknown)
        .filter((value) => !isDecoy(value)) as T[],
  );
}

/** Writes inside the caller's transaction. */
export function writeRow(
  vault: Vault,
  db: Database.Database,
  table: ExchangeTable,
  subject: string,
  value: unknown,
): void {
  const id = rowIdFor(vault, table, subject);
  // Every row of the table at one size: the file does not tell one contact from another by length.
  const sealed = vault.sealFor(table, id, encoder.encode(fixedSizeJson(table, JSON.stringify(value))));
  db.prepare(
    `INSERT INTO ${table} (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed`,
  ).run(id, sealed);
}

export function deleteRow(vault: Vault, db: Database.Database, table: ExchangeTable, subject: string): void {
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(rowIdFor(vault, table, subject));
}
