import type Database from 'better-sqlite3';
import { recordId, sealRow } from './sealedRows.js';

/**
 * Hiding how many contacts, purged cases (tombstones), imports and senders a vault holds. A copied
 * vault file shows its rows; without this, counting the rows of these tables told that much without
 * the key. Two measures, together:
 * - every row of these tables is sealed at one fixed size per table (the JSON is followed by spaces,
 *   which JSON.parse ignores), so no row stands out by its size;
 * - decoy rows, sealed like the others, fill each table up to a bucket (8, 16, 32, …): the file
 *   tells only the bucket. Their ids are keyed hashes of ('decoy', table, n), n = 0, 1, …, so the
 *   vault finds them without any marker in the file; their plaintext says `{"decoy":true}`, and
 *   readers skip them.
 */
export const HIDDEN_COUNT_TABLES = {
  contacts: 4096,
  tombstones: 128,
  import_log: 256,
  sender_sequences: 256,
} as const;
export type HiddenCountTable = keyof typeof HIDDEN_COUNT_TABLES;

const MIN_BUCKET = 8;
const DECOY_JSON = '{"decoy":true}';

export function isHiddenCountTable(table: string): table is HiddenCountTable {
  return Object.hasOwn(HIDDEN_COUNT_TABLES, table);
}

/** The row count shown in the file for `real` rows: the next power of two, at least 8. */
export function bucketFor(real: number): number {
  let bucket = MIN_BUCKET;
  while (bucket < real) bucket *= 2;
  return bucket;
}

/** A row's JSON at its table's fixed size (longer rows keep their length, and are padded by Padmé). */
export function fixedSizeJson(table: string, json: string): string {
  return isHiddenCountTable(table) ? json.padEnd(HIDDEN_COUNT_TABLES[table], ' ') : json;
}

/** The ids of a table's decoys: keyed hashes, found by the vault, unrecognisable in the file. */
export function decoyIds(namesKey: Uint8Array, table: HiddenCountTable): (n: number) => Uint8Array {
  return (n) => recordId(namesKey, `decoy\u0000${table}\u0000${n}`);
}

export function isDecoy(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { decoy?: unknown }).decoy === true;
}

/** How many rows of the table are real, and how many are decoys. */
export function countRows(
  db: Database.Database,
  table: HiddenCountTable,
  decoyId: (n: number) => Uint8Array,
): { real: number; decoys: number } {
  const total = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const has = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
  let decoys = 0;
  while (decoys < total && has.get(decoyId(decoys)) !== undefined) decoys += 1;
  return { real: total - decoys, decoys };
}

/**
 * Adds or removes decoys so that the table's row count is the bucket of its real rows (inside the
 * caller's transaction). Decoys are numbered from 0 without gaps.
 */
export function balanceDecoys(
  db: Database.Database,
  table: HiddenCountTable,
  key: Uint8Array,
  decoyId: (n: number) => Uint8Array,
): void {
  const { real, decoys } = countRows(db, table, decoyId);
  const wanted = bucketFor(real) - real;
  const insert = db.prepare(`INSERT INTO ${table} (id, sealed) VALUES (?, ?)`);
  for (let n = decoys; n < wanted; n++) {
    const id = decoyId(n);
    insert.run(id, sealRow(key, table, id, new TextEncoder().encode(fixedSizeJson(table, DECOY_JSON))));
  }
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  for (let n = wanted; n < decoys; n++) remove.run(decoyId(n));
}
