import type Database from 'better-sqlite3';
import { rejectedError } from '../errors.js';
import type { Keys } from './keys.js';
import { openRow, recordId, sealRow } from './sealedRows.js';

/** Single named records (identity, settings, contacts' state) under keyed-hash ids. */
export function getRecord(db: Database.Database, keys: Keys, name: string, key: Uint8Array): string | undefined {
  const id = recordId(keys.recordNames, name);
  const row = db.prepare('SELECT sealed FROM records WHERE id = ?').get(id) as { sealed: Buffer } | undefined;
  if (!row) return undefined;
  return new TextDecoder().decode(openRow(key, 'records', id, row.sealed));
}

export function putRecord(db: Database.Database, keys: Keys, name: string, json: string, key: Uint8Array): void {
  const id = recordId(keys.recordNames, name);
  const sealed = sealRow(key, 'records', id, new TextEncoder().encode(json));
  db.prepare(
    'INSERT INTO records (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed',
  ).run(id, sealed);
}

export function missing(what: string): never {
  throw rejectedError(`the vault has no ${what} record: it was altered or damaged`, 'vaultAltered');
}
