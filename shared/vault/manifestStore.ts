import type Database from 'better-sqlite3';
import { rejectedError } from '../errors.js';
import type { VaultHeader } from './header.js';
import {
  HEADER_KEY,
  MANIFEST_TABLE,
  TRACKED_TABLES,
  compareEntries,
  decodeManifest,
  describeDiscrepancies,
  encodeManifest,
  entryKey,
  headerTag,
  rowTag,
  type Entries,
  type ManifestState,
} from './manifest.js';
import { openRow, sealRow } from './sealedRows.js';

/** The manifest row: one, under a fixed id, sealed like every row (its table and id as associated data). */
const MANIFEST_ID = new Uint8Array([1]);
/** The schema version (migration 004) from which every vault has a manifest. */
export const MANIFEST_SCHEMA = 4;

export interface ManifestKeys {
  /** Sub-key for the row tags. */
  tag: Uint8Array;
  /** Key the manifest row is sealed with. */
  seal: Uint8Array;
}

export function manifestTableExists(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(MANIFEST_TABLE) !== undefined;
}

/** The tags of every row in the file now, and of its header. */
export function tagRowsInFile(db: Database.Database, keys: ManifestKeys, header: VaultHeader): Entries {
  const entries: Entries = new Map([[HEADER_KEY, headerTag(keys.tag, header)]]);
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  for (const table of TRACKED_TABLES) {
    if (!present.has(table)) continue;
    for (const row of db.prepare(`SELECT id, sealed FROM "${table}"`).iterate() as Iterable<{
      id: Buffer;
      sealed: Buffer;
    }>) {
      entries.set(entryKey(table, row.id), rowTag(keys.tag, table, row.id, row.sealed));
    }
  }
  return entries;
}

/** The sealed manifest, or null if the row is absent. A row that does not open is tampering. */
export function readManifest(db: Database.Database, keys: ManifestKeys): ManifestState | null {
  const row = db.prepare(`SELECT sealed FROM ${MANIFEST_TABLE} WHERE id = ?`).get(MANIFEST_ID) as
    { sealed: Buffer } | undefined;
  if (!row) return null;
  const plain = openRow(keys.seal, MANIFEST_TABLE, MANIFEST_ID, row.sealed);
  try {
    return decodeManifest(plain);
  } catch (error) {
    throw rejectedError(
      `the vault's manifest is unreadable (${(error as Error).message}): the vault file was altered`,
      'vaultAltered',
    );
  }
}

export function writeManifest(db: Database.Database, keys: ManifestKeys, state: ManifestState): void {
  const sealed = sealRow(keys.seal, MANIFEST_TABLE, MANIFEST_ID, encodeManifest(state));
  db.prepare(
    `INSERT INTO ${MANIFEST_TABLE} (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed`,
  ).run(MANIFEST_ID, sealed);
}

/**
 * Checks the file against its manifest. Returns the manifest's state when they agree; throws a
 * rejection naming what differs when they do not (exit 3). `schema` is the file's user_version:
 * from MANIFEST_SCHEMA on, a missing manifest is tampering too (someone deleted it to hide).
 */
export function verifyManifest(
  db: Database.Database,
  keys: ManifestKeys,
  header: VaultHeader,
  schema: number,
): ManifestState | null {
  if (schema < MANIFEST_SCHEMA) return null; // written before manifests: made at the first writable open
  const stored = readManifest(db, keys);
  if (!stored) throw tampered('its manifest is missing (removed)');
  const found = compareEntries(stored.entries, tagRowsInFile(db, keys, header));
  if (found.length > 0) throw tampered(describeDiscrepancies(found));
  return stored;
}

function tampered(what: string) {
  return rejectedError(`the vault file was altered: ${what}`, 'vaultAltered');
}

/**
 * Keeps the manifest up to date from inside every write transaction. Temporary triggers (they live
 * in this connection only, never in the file) report each row inserted, replaced, updated or
 * deleted in a tracked table to a function of this connection; `seal` folds those changes into the
 * entries, raises the counter and writes the sealed manifest, still inside the transaction. If the
 * transaction fails, `rolledBack` puts memory back as it was.
 */
export class ManifestTracker {
  private pending: Array<{ key: string; tag: Buffer | null }> = [];
  private undo: Array<{ key: string; tag: Buffer | undefined }> | null = null;
  private undoCounter = 0;

  constructor(
    private state: ManifestState,
    private readonly keys: ManifestKeys,
  ) {}

  get counter(): number {
    return this.state.counter;
  }

  /** The rows as the manifest knows them (for `check`). */
  get entries(): Entries {
    return this.state.entries;
  }

  install(db: Database.Database): void {
    // INSERT OR REPLACE deletes the row it replaces; only with recursive triggers is that reported.
    db.pragma('recursive_triggers = ON');
    db.function('crossing_manifest_row', { varargs: false, deterministic: false }, (table, id, sealed) => {
      const rowId = id as Buffer;
      const key = entryKey(table as string, rowId);
      this.pending.push({
        key,
        tag: sealed === null ? null : rowTag(this.keys.tag, table as string, rowId, sealed as Buffer),
      });
      return null;
    });
    for (const table of TRACKED_TABLES) {
      const t = `"${table}"`;
      const call = (row: 'NEW' | 'OLD', sealed: string) =>
        `SELECT crossing_manifest_row('${table}', ${row}.id, ${sealed});`;
      db.exec(`
        CREATE TEMP TRIGGER IF NOT EXISTS manifest_insert_${table} AFTER INSERT ON main.${t}
          BEGIN ${call('NEW', 'NEW.sealed')} END;
        CREATE TEMP TRIGGER IF NOT EXISTS manifest_update_${table} AFTER UPDATE ON main.${t}
          BEGIN ${call('OLD', 'NULL')} ${call('NEW', 'NEW.sealed')} END;
        CREATE TEMP TRIGGER IF NOT EXISTS manifest_delete_${table} AFTER DELETE ON main.${t}
          BEGIN ${call('OLD', 'NULL')} END;
      `);
    }
  }

  /** The tables written to since the last seal (for the decoys, see decoys.ts). */
  touchedTables(): Set<string> {
    return new Set(this.pending.map((p) => p.key.slice(0, p.key.indexOf('/'))));
  }

  /** The header changed (a new passphrase): its entry changes with it. */
  headerChanged(header: VaultHeader): void {
    this.pending.push({ key: HEADER_KEY, tag: headerTag(this.keys.tag, header) });
  }

  /** Inside the transaction, after its work: folds the changes in and writes the manifest. */
  seal(db: Database.Database): void {
    if (this.pending.length === 0) return; // a transaction that changed nothing
    const undo: Array<{ key: string; tag: Buffer | undefined }> = [];
    for (const { key, tag } of this.pending) {
      undo.push({ key, tag: this.state.entries.get(key) });
      if (tag) this.state.entries.set(key, tag);
      else this.state.entries.delete(key);
    }
    this.pending = [];
    this.undo = undo;
    this.undoCounter = this.state.counter;
    this.state.counter += 1;
    writeManifest(db, this.keys, this.state);
  }

  committed(): void {
    this.pending = [];
    this.undo = null;
  }

  rolledBack(): void {
    this.pending = [];
    if (!this.undo) return;
    for (const { key, tag } of this.undo.reverse()) {
      if (tag) this.state.entries.set(key, tag);
      else this.state.entries.delete(key);
    }
    this.state.counter = this.undoCounter;
    this.undo = null;
  }
}
