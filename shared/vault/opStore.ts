import type Database from 'better-sqlite3';
import { randomBytes } from '../crypto/random.js';
import { rejectedError } from '../errors.js';
import { foldCaseOps } from '../oplog/fold.js';
import { MergeLog } from '../oplog/merges.js';
import { compareOps, type Op } from '../oplog/ops.js';
import type { CaseIndex, IndexState } from './caseIndex.js';
import { SMALL_SEGMENT_BYTES, decodeSegment, encodeSegments, isUncompressedSegment } from './segments.js';
import { openRow, sealRow } from './sealedRows.js';

const TABLE = 'op_segments';
/** Decoded segments kept for reading cases back; 32 × 64 KiB of ops at most. */
const CACHE_SEGMENTS = 32;

export type Progress = (done: number, total: number) => void;

/**
 * The op log on disk: sealed segments of ops, grouped by case when written so that a case's ops
 * sit together. Reads a case's ops back on demand through the index's directory; keeps only a
 * small cache of decoded segments. Writes run inside the caller's transaction; `afterCommit`
 * brings the index up to date once the transaction has committed.
 */
export class OpStore {
  private readonly cache = new Map<string, Op[]>();
  private readonly smallSegments = new Set<string>();
  /** Segments still in format 1 (uncompressed JSON), met while reading: the upgrade rewrites them. */
  private readonly uncompressed = new Set<string>();
  /** Which cases are one person: read from the merge ops as they load and arrive. */
  readonly merges = new MergeLog();

  constructor(
    private readonly db: Database.Database,
    private readonly key: Uint8Array,
    private readonly index: CaseIndex,
  ) {}

  get smallSegmentCount(): number {
    return this.smallSegments.size;
  }

  /**
   * Reads and authenticates every segment once, folding each case as soon as the segments that
   * hold it have passed, so that no more than a few segments' ops are held at a time. A case met
   * again further on (edited after the bulk of its ops was written) is folded again at the end.
   * Returns the largest clock value seen.
   */
  loadAll(onProgress?: Progress): string {
    const pending = new Map<string, Op[]>();
    const refold = new Set<string>();
    let maxHlc = '';
    this.eachSegment(onProgress, (row, segmentId) => {
      const ops = this.decode(row.id, row.sealed);
      const here = new Set<string>();
      for (const op of ops) {
        if (op.hlc > maxHlc) maxHlc = op.hlc;
        if (!here.has(op.caseId)) {
          here.add(op.caseId);
          if (!pending.has(op.caseId) && this.index.knowsCase(op.caseId)) refold.add(op.caseId);
        }
        if (refold.has(op.caseId)) continue;
        const list = pending.get(op.caseId);
        if (list) list.push(op);
        else pending.set(op.caseId, [op]);
      }
      this.index.addSegment(segmentId, caseIdsOf(ops));
      this.merges.add(mergeOpsOf(ops));
      for (const [caseId, caseOps] of pending) {
        if (here.has(caseId)) continue;
        this.fold(caseId, caseOps);
        pending.delete(caseId);
      }
    });
    for (const [caseId, caseOps] of pending) this.fold(caseId, caseOps);
    for (const caseId of refold) this.fold(caseId, this.caseOps(caseId));
    // Cases were folded one by one as they passed; the merged ones are folded again as groups.
    const merged = new Set<string>();
    for (const merge of this.merges.activeMerges()) merged.add(merge.caseId).add(merge.absorbed);
    this.foldGroups(merged);
    return maxHlc;
  }

  /**
   * Opens from a snapshot of the index: every segment is still read (and authenticated, unless the
   * verified manifest vouches for its sealed bytes: `vouched`), but only
   * segments written after the snapshot are decoded, and only the cases they touch are folded.
   * Returns the largest clock value of those newer ops ('' if none), or null when the snapshot no
   * longer describes the file (a segment it names is gone): then nothing was changed and the caller
   * loads everything instead.
   */
  loadFromSnapshot(state: IndexState, onProgress?: Progress, vouched = false): string | null {
    const covered = new Set(state.segments.filter((id) => id !== null));
    const newer: WrittenSegment[] = [];
    let seen = 0;
    this.eachSegment(onProgress, (row, segmentId) => {
      if (covered.has(segmentId)) {
        seen += 1;
        if (vouched) return; // the manifest's tag matched its sealed bytes; opened when read
        const plain = openRow(this.key, TABLE, row.id, row.sealed); // authenticated, not decoded
        if (isUncompressedSegment(plain)) this.uncompressed.add(segmentId);
        plain.fill(0);
      } else {
        newer.push({ id: segmentId, ops: this.decode(row.id, row.sealed), small: false });
      }
    });
    if (seen !== covered.size) {
      this.smallSegments.clear();
      this.uncompressed.clear();
      return null;
    }
    this.index.importState(state);
    this.merges.restore(state.merges ?? [], state.undone ?? []);
    let maxHlc = '';
    for (const segment of newer) for (const op of segment.ops) if (op.hlc > maxHlc) maxHlc = op.hlc;
    this.afterCommit(newer);
    return maxHlc;
  }

  /** Visits every stored segment once, noting the small ones and reporting progress. */
  private eachSegment(onProgress: Progress | undefined, visit: (row: SegmentRow, segmentId: string) => void): void {
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${TABLE}`).get() as { n: number }).n;
    let done = 0;
    for (const row of this.db.prepare(`SELECT id, sealed FROM ${TABLE}`).iterate() as Iterable<SegmentRow>) {
      const segmentId = row.id.toString('hex');
      visit(row, segmentId);
      if (row.sealed.length < SMALL_SEGMENT_BYTES) this.smallSegments.add(segmentId);
      done += 1;
      if (onProgress && (done % 64 === 0 || done === total)) onProgress(done, total);
    }
  }

  /** Every op of a case, in log order, read back from its segments. */
  caseOps(caseId: string): Op[] {
    const ops: Op[] = [];
    for (const segmentId of this.index.segmentsOf(caseId)) {
      for (const op of this.segment(segmentId)) if (op.caseId === caseId) ops.push(op);
    }
    return ops.sort(compareOps);
  }

  /** Seals ops into new segments, grouped by case (inside the caller's transaction). */
  insert(ops: readonly Op[]): WrittenSegment[] {
    const grouped = [...ops].sort((a, b) =>
      a.caseId !== b.caseId ? (a.caseId < b.caseId ? -1 : 1) : compareOps(a, b),
    );
    const statement = this.db.prepare(`INSERT INTO ${TABLE} (id, sealed) VALUES (?, ?)`);
    const written: WrittenSegment[] = [];
    let offset = 0;
    for (const segment of encodeSegments(grouped)) {
      const id = randomBytes(16);
      const sealed = sealRow(this.key, TABLE, id, segment.bytes);
      segment.bytes.fill(0);
      statement.run(id, sealed);
      const segmentOps = grouped.slice(offset, offset + segment.opIds.length);
      offset += segment.opIds.length;
      written.push({
        id: Buffer.from(id).toString('hex'),
        ops: segmentOps,
        small: sealed.length < SMALL_SEGMENT_BYTES,
      });
    }
    return written;
  }

  /** Deletes segments (inside the caller's transaction); returns them with their ops for `afterCommit`. */
  remove(segmentIds: readonly string[]): WrittenSegment[] {
    const statement = this.db.prepare(`DELETE FROM ${TABLE} WHERE id = ?`);
    return segmentIds.map((id) => {
      const ops = this.segment(id);
      statement.run(Buffer.from(id, 'hex'));
      return { id, ops, small: false };
    });
  }

  /**
   * After commit: the index learns the new and removed segments, and the touched cases are folded
   * anew. Returns the cases the new segments touched.
   */
  afterCommit(
    added: readonly WrittenSegment[],
    removed: readonly WrittenSegment[] = [],
    refold = true,
  ): ReadonlySet<string> {
    for (const segment of removed) {
      this.index.removeSegment(segment.id, caseIdsOf(segment.ops));
      this.cache.delete(segment.id);
      this.smallSegments.delete(segment.id);
      this.uncompressed.delete(segment.id);
    }
    const touched = new Set<string>();
    for (const segment of added) {
      this.index.addSegment(segment.id, caseIdsOf(segment.ops));
      this.remember(segment.id, segment.ops);
      if (segment.small) this.smallSegments.add(segment.id);
      for (const op of segment.ops) touched.add(op.caseId);
      for (const caseId of this.merges.add(mergeOpsOf(segment.ops))) touched.add(caseId);
    }
    if (refold) this.foldGroups(touched);
    return touched;
  }

  /**
   * The ops a case shows: its own and those of every case merged into it, less merges that took
   * no effect. Edits and folds work on these; `groupOps` (all of them) is what travels.
   */
  activeOps(caseId: string): Op[] {
    const members = this.merges.membersOf(this.merges.survivorOf(caseId));
    const ops = members.length === 1 ? this.caseOps(members[0]!) : members.flatMap((m) => this.caseOps(m));
    if (this.merges.isEmpty) return ops;
    return ops.filter((op) => this.merges.isActive(op)).sort(compareOps);
  }

  /** Every op of a case and of the cases merged into it, merge and unmerge ops included. */
  groupOps(caseId: string): Op[] {
    const members = this.merges.membersOf(this.merges.survivorOf(caseId));
    return members.length === 1 ? this.caseOps(members[0]!) : members.flatMap((m) => this.caseOps(m)).sort(compareOps);
  }

  /** Folds the cases touched as they show: an absorbed case leaves the index, its survivor is refolded. */
  private foldGroups(caseIds: Iterable<string>): void {
    const survivors = new Set<string>();
    for (const caseId of caseIds) {
      const survivor = this.merges.survivorOf(caseId);
      if (survivor !== caseId) this.index.removeCase(caseId);
      survivors.add(survivor);
    }
    for (const survivor of survivors) {
      const ops = this.activeOps(survivor);
      this.index.setFolded(survivor, foldCaseOps(ops, survivor), ops);
    }
  }

  /** Segments written by format 1, for the upgrade to compress. */
  uncompressedSegmentIds(): string[] {
    return [...this.uncompressed];
  }

  /** The small segments that single edits leave, for compaction. */
  smallSegmentIds(): string[] {
    return [...this.smallSegments];
  }

  segmentOps(segmentId: string): Op[] {
    return this.segment(segmentId);
  }

  clear(): void {
    this.merges.clear();
    this.cache.clear();
    this.smallSegments.clear();
    this.uncompressed.clear();
  }

  private fold(caseId: string, ops: readonly Op[]): void {
    this.index.setFolded(caseId, foldCaseOps(ops), ops);
  }

  private segment(segmentId: string): Op[] {
    const cached = this.cache.get(segmentId);
    if (cached) {
      this.cache.delete(segmentId);
      this.cache.set(segmentId, cached);
      return cached;
    }
    const id = Buffer.from(segmentId, 'hex');
    const row = this.db.prepare(`SELECT sealed FROM ${TABLE} WHERE id = ?`).get(id) as { sealed: Buffer } | undefined;
    if (!row)
      throw rejectedError(`the vault row ${TABLE}/${segmentId} is missing: the vault file was altered`, 'vaultAltered');
    const ops = this.decode(id, row.sealed);
    this.remember(segmentId, ops);
    return ops;
  }

  private remember(segmentId: string, ops: Op[]): void {
    this.cache.set(segmentId, ops);
    if (this.cache.size > CACHE_SEGMENTS) this.cache.delete(this.cache.keys().next().value!);
  }

  private decode(id: Buffer, sealed: Buffer): Op[] {
    const plain = openRow(this.key, TABLE, id, sealed);
    if (isUncompressedSegment(plain)) this.uncompressed.add(id.toString('hex'));
    try {
      return decodeSegment(plain);
    } catch {
      throw rejectedError(`the vault row ${TABLE}/${id.toString('hex')} holds unreadable data`, 'vaultDamaged');
    } finally {
      plain.fill(0);
    }
  }
}

interface SegmentRow {
  id: Buffer;
  sealed: Buffer;
}

export interface WrittenSegment {
  id: string;
  ops: Op[];
  small: boolean;
}

function mergeOpsOf(ops: readonly Op[]): Op[] {
  return ops.filter((op) => op.type === 'merge' || op.type === 'unmerge');
}

function caseIdsOf(ops: readonly Op[]): string[] {
  return ops.map((op) => op.caseId);
}
