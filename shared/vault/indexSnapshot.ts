import type Database from 'better-sqlite3';
import type { MergeOp } from '../oplog/ops.js';
import type { IndexState } from './caseIndex.js';
import { openRow, sealRow } from './sealedRows.js';

/**
 * The sealed snapshot of the in-memory index (see migration 003): a header chunk, then the cases
 * in chunks small enough that reading them back never holds the whole snapshot as one string.
 */
const TABLE = 'index_snapshot';
const CASES_PER_CHUNK = 5000;
// 2: search keys fold every transliteration convention and hold notes, tasks and documents.
const FORMAT = 2;

export interface IndexSnapshot {
  state: IndexState;
  /** The vault's clock when the snapshot was written: the clock never goes back behind it. */
  clock: string;
}

interface Header {
  format: number;
  segments: string[];
  ops: number;
  clock: string;
  chunks: number;
  /** The merge log (oplog/merges.ts): without it the snapshot's cases would show unmerged. */
  merges?: MergeOp[];
  undone?: string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Replaces the snapshot, inside the caller's transaction. */
export function writeIndexSnapshot(
  db: Database.Database,
  key: Uint8Array,
  chunkId: (n: number) => Uint8Array,
  snapshot: IndexSnapshot,
): void {
  dropIndexSnapshot(db);
  const insert = db.prepare(`INSERT INTO ${TABLE} (id, sealed) VALUES (?, ?)`);
  const { cases, segments, ops } = snapshot.state;
  const chunks = Math.ceil(cases.length / CASES_PER_CHUNK);
  const header: Header = {
    format: FORMAT,
    segments,
    ops,
    clock: snapshot.clock,
    chunks,
    merges: snapshot.state.merges ?? [],
    undone: snapshot.state.undone ?? [],
  };
  const put = (n: number, value: unknown) => {
    const id = chunkId(n);
    insert.run(id, sealRow(key, TABLE, id, encoder.encode(JSON.stringify(value))));
  };
  put(0, header);
  for (let n = 1; n <= chunks; n++) put(n, cases.slice((n - 1) * CASES_PER_CHUNK, n * CASES_PER_CHUNK));
}

/** The snapshot, or null when there is none (or the table does not exist yet). A tampered chunk throws. */
export function readIndexSnapshot(
  db: Database.Database,
  key: Uint8Array,
  chunkId: (n: number) => Uint8Array,
): IndexSnapshot | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(TABLE);
  if (!exists) return null;
  const select = db.prepare(`SELECT sealed FROM ${TABLE} WHERE id = ?`);
  const read = (n: number): unknown => {
    const id = chunkId(n);
    const row = select.get(id) as { sealed: Buffer } | undefined;
    return row ? JSON.parse(decoder.decode(openRow(key, TABLE, id, row.sealed))) : undefined;
  };
  const header = read(0) as Header | undefined;
  if (!header || header.format !== FORMAT) return null;
  const cases: IndexState['cases'] = [];
  for (let n = 1; n <= header.chunks; n++) {
    const chunk = read(n) as IndexState['cases'] | undefined;
    if (!chunk) return null;
    for (const entry of chunk) cases.push(entry);
  }
  const merges = { merges: header.merges ?? [], undone: header.undone ?? [] };
  return { state: { segments: header.segments, cases, ops: header.ops, ...merges }, clock: header.clock };
}

/** Removes the snapshot (purge: a purged person's name must not survive in it). */
export function dropIndexSnapshot(db: Database.Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(TABLE);
  if (exists) db.prepare(`DELETE FROM ${TABLE}`).run();
}
