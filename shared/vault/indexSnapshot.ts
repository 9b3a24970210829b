import type Database from 'better-sqlite3';
import type { MergeOp } from '../oplog/ops.js';
import type { IndexEntry, IndexState } from './caseIndex.js';
import { packSummary, unpackSummary, type PackedSummary } from './packedSummary.js';
import { compressJson, parseJsonPlaintext } from './segments.js';
import { openRow, sealRow } from './sealedRows.js';

/**
 * The sealed snapshot of the in-memory index (see migration 003): a header chunk, then the cases in
 * chunks. Since format 4 the cases are spread over a fixed number of buckets by a hash of their id,
 * so that a lock writes again only the buckets holding cases that changed, not every case.
 */
const TABLE = 'index_snapshot';
// 2: search keys fold every transliteration convention and hold notes, tasks and documents.
// 3: the same, each chunk compressed before sealing (segments.ts).
// 4: cases in hashed buckets, summaries packed (packedSummary.ts); segment numbers keep gaps
//    until the next whole write.
const FORMAT = 4;
const READABLE_FORMATS = new Set([2, 3, 4]);
/** Cases per bucket aimed at: one edited case costs a lock ~100 KiB of JSON to seal again. */
const CASES_PER_BUCKET = 256;
const MAX_BUCKETS = 4096;

export interface IndexSnapshot {
  state: IndexState;
  /** The vault's clock when the snapshot was written: the clock never goes back behind it. */
  clock: string;
  /** How the file's cases are bucketed; null for a snapshot from before buckets (written whole next). */
  buckets: number | null;
}

/** What the header chunk holds besides the cases. */
export interface SnapshotHeader {
  segments: Array<string | null>;
  ops: number;
  clock: string;
  merges: MergeOp[];
  undone: string[];
}

interface StoredHeader extends SnapshotHeader {
  format: number;
  chunks: number;
  buckets?: number;
}

type ChunkId = (n: number) => Uint8Array;

/** A power of two giving about CASES_PER_BUCKET cases a bucket. */
export function bucketCountFor(cases: number): number {
  let buckets = 1;
  while (buckets < MAX_BUCKETS && cases / buckets > CASES_PER_BUCKET) buckets *= 2;
  return buckets;
}

/** Whether a layout still suits the number of cases (else the next snapshot is written whole). */
export function bucketsStillFit(buckets: number, cases: number): boolean {
  const wanted = bucketCountFor(cases);
  return wanted <= buckets * 4 && buckets <= wanted * 4;
}

/** A case's bucket: FNV-1a of its id. Case ids are random, so buckets fill evenly. */
export function bucketOf(caseId: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

export interface SnapshotPlan {
  whole: boolean;
  buckets: number;
  /** The buckets to write again (empty when whole: every bucket is). */
  changed: Set<number>;
}

/**
 * Which buckets a write covers: those of the cases changed since the last one, or every bucket when
 * the file has no bucketed snapshot (`layout` null), when every case may have changed (`unsaved`
 * null), when the number of cases outgrew the buckets, or when segment numbers have more gaps than
 * live segments (a whole write numbers them afresh).
 */
export function planSnapshotWrite(
  layout: number | null,
  unsaved: ReadonlySet<string> | null,
  cases: number,
  manyGaps: boolean,
): SnapshotPlan {
  if (layout === null || unsaved === null || manyGaps || !bucketsStillFit(layout, cases)) {
    return { whole: true, buckets: bucketCountFor(cases), changed: new Set() };
  }
  const changed = new Set<number>();
  for (const caseId of unsaved) changed.add(bucketOf(caseId, layout));
  return { whole: false, buckets: layout, changed };
}

/**
 * Removes the bucket holding a case (inside a purge's transaction), or the whole snapshot when it
 * is not bucketed. Until it is written again an open finds the snapshot incomplete and folds every case.
 */
export function dropSnapshotBucketOf(db: Database.Database, chunkId: ChunkId, layout: number | null, caseId: string) {
  if (layout === null) dropIndexSnapshot(db);
  else db.prepare(`DELETE FROM ${TABLE} WHERE id = ?`).run(chunkId(bucketOf(caseId, layout) + 1));
}

/**
 * Writes the snapshot inside the caller's transaction: the header, and the buckets named (every
 * bucket when `whole`, after the old snapshot is removed). `entriesOf` gives each bucket's cases.
 */
export function writeIndexSnapshot(
  db: Database.Database,
  key: Uint8Array,
  chunkId: ChunkId,
  write: SnapshotPlan & {
    header: SnapshotHeader;
    entriesOf: (keep: (caseId: string) => boolean) => IndexEntry[];
  },
): void {
  const { header, buckets, whole } = write;
  if (whole) dropIndexSnapshot(db);
  const put = db.prepare(`INSERT OR REPLACE INTO ${TABLE} (id, sealed) VALUES (?, ?)`);
  const putChunk = (n: number, value: unknown) => {
    const id = chunkId(n);
    const plain = compressJson(JSON.stringify(value));
    put.run(id, sealRow(key, TABLE, id, plain));
    plain.fill(0);
  };
  putChunk(0, { format: FORMAT, chunks: buckets, buckets, ...header } satisfies StoredHeader);
  const grouped = new Map<number, IndexEntry[]>();
  for (let b = 0; b < buckets; b++) if (whole || write.changed.has(b)) grouped.set(b, []);
  for (const entry of write.entriesOf((caseId) => grouped.has(bucketOf(caseId, buckets)))) {
    grouped.get(bucketOf(entry[0], buckets))!.push(entry);
  }
  for (const [bucket, entries] of grouped) putChunk(bucket + 1, entries.map(packEntry));
}

/** The snapshot, or null when there is none (or the table does not exist yet). A tampered chunk throws. */
export function readIndexSnapshot(db: Database.Database, key: Uint8Array, chunkId: ChunkId): IndexSnapshot | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(TABLE);
  if (!exists) return null;
  const select = db.prepare(`SELECT sealed FROM ${TABLE} WHERE id = ?`);
  const read = (n: number): unknown => {
    const id = chunkId(n);
    const row = select.get(id) as { sealed: Buffer } | undefined;
    if (!row) return undefined;
    const plain = openRow(key, TABLE, id, row.sealed);
    try {
      return parseJsonPlaintext(plain);
    } finally {
      plain.fill(0);
    }
  };
  const header = read(0) as StoredHeader | undefined;
  if (!header || !READABLE_FORMATS.has(header.format)) return null;
  const packed = header.format >= 4;
  const cases: IndexEntry[] = [];
  for (let n = 1; n <= header.chunks; n++) {
    const chunk = read(n) as IndexEntry[] | undefined;
    if (!chunk) return null;
    for (const entry of chunk) cases.push(packed ? unpackEntry(entry) : entry);
  }
  const merges = { merges: header.merges ?? [], undone: header.undone ?? [] };
  return {
    state: { segments: header.segments, cases, ops: header.ops, ...merges },
    clock: header.clock,
    buckets: header.format >= 4 ? (header.buckets ?? null) : null,
  };
}

function packEntry([caseId, summary, searchKey, segments]: IndexEntry): unknown[] {
  return [caseId, summary && packSummary(summary), searchKey, segments];
}

function unpackEntry(stored: unknown): IndexEntry {
  const [caseId, summary, searchKey, segments] = stored as [string, PackedSummary | null, string | null, number[]];
  return [caseId, summary && unpackSummary(caseId, summary), searchKey, segments];
}

/** Removes the snapshot (purge: a purged person's name must not survive in it). */
export function dropIndexSnapshot(db: Database.Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(TABLE);
  if (exists) db.prepare(`DELETE FROM ${TABLE}`).run();
}
