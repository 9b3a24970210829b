import type { CaseState } from '../oplog/fold.js';
import type { MergeOp, Op } from '../oplog/ops.js';
import { summarizeCase, type CaseSummary } from '../oplog/summary.js';
import { compileFilter, searchKeyOf, searchWords, type CaseFilter } from '../search/filter.js';

/** One case as the snapshot keeps it. */
export type IndexEntry = [caseId: string, summary: CaseSummary | null, searchKey: string | null, segments: number[]];

export interface IndexState {
  /** Segment ids; a case's segments are given by their position here (null: a segment since deleted). */
  segments: Array<string | null>;
  cases: IndexEntry[];
  ops: number;
  /** Merge ops and the ids of undone merges (see oplog/merges.ts); absent before merges existed. */
  merges?: MergeOp[];
  undone?: string[];
}

/**
 * What the open vault keeps in memory: a summary and a search key per case, and a directory of the
 * op segments that hold each case's ops (so a case's ops can be read back without scanning). No
 * decrypted op is kept here. No I/O: the vault feeds it after each commit.
 */
export class CaseIndex {
  private readonly summaries = new Map<string, CaseSummary>();
  private readonly searchKeys = new Map<string, string>();
  /** Case id → numbers of the segments holding its ops (a case with no create op yet has no summary). */
  private readonly segmentsOfCase = new Map<string, number[]>();
  private readonly segmentIds: Array<string | null> = [];
  private readonly segmentNumbers = new Map<string, number>();
  private ops = 0;
  /** Every search key in one string, built on the first search after a change (see casesContaining). */
  private searchText: { text: string; ids: string[]; starts: number[] } | null = null;
  /**
   * The ids of cases whose summary changed, in order, from generation `changesFrom` on: lets a
   * reader keep what it derived from the summaries (the list's sorted orders) up to date instead of
   * deriving it again. Dropped once longer than the index, when deriving again costs no more.
   */
  private changes: string[] = [];
  private changesFrom = 0;
  /** Cases whose entry differs from the sealed snapshot's; null when every entry may (none written). */
  private unsaved: Set<string> | null = null;

  get caseCount(): number {
    return this.summaries.size;
  }

  get opCount(): number {
    return this.ops;
  }

  /** Grows with every change to a summary: equal generations mean the same summaries. */
  get generation(): number {
    return this.changesFrom + this.changes.length;
  }

  /** The cases changed since a generation, or null when that is too long ago to say (derive anew). */
  changedSince(generation: number): Set<string> | null {
    if (generation < this.changesFrom || generation > this.generation) return null;
    return new Set(this.changes.slice(generation - this.changesFrom));
  }

  private noteChange(caseId: string): void {
    this.unsaved?.add(caseId);
    this.changes.push(caseId);
    if (this.changes.length > Math.max(4096, this.summaries.size)) this.forgetChanges();
  }

  /** Every summary may have changed: a reader at any earlier generation derives anew. */
  private forgetChanges(): void {
    this.changesFrom += this.changes.length + 1;
    this.changes = [];
  }

  /** Registers a segment (hex id) and the case ids of the ops in it; returns its number. */
  addSegment(segmentId: string, caseIdsOfOps: Iterable<string>): number {
    const number = this.segmentIds.length;
    this.segmentIds.push(segmentId);
    this.segmentNumbers.set(segmentId, number);
    for (const caseId of caseIdsOfOps) {
      this.ops += 1;
      this.unsaved?.add(caseId);
      const list = this.segmentsOfCase.get(caseId);
      if (!list) this.segmentsOfCase.set(caseId, [number]);
      else if (list.at(-1) !== number) list.push(number);
    }
    return number;
  }

  /** Forgets a segment that was deleted (compaction, purge), with the ops it held. */
  removeSegment(segmentId: string, caseIdsOfOps: Iterable<string>): void {
    const number = this.segmentNumbers.get(segmentId);
    if (number === undefined) return;
    this.segmentNumbers.delete(segmentId);
    this.segmentIds[number] = null;
    for (const caseId of caseIdsOfOps) {
      this.ops -= 1;
      this.unsaved?.add(caseId);
      const list = this.segmentsOfCase.get(caseId);
      if (!list) continue;
      const rest = list.filter((n) => n !== number);
      if (rest.length > 0) this.segmentsOfCase.set(caseId, rest);
      else this.segmentsOfCase.delete(caseId);
    }
  }

  /** Segment ids (hex) holding ops of the case, oldest first. */
  segmentsOf(caseId: string): string[] {
    return (this.segmentsOfCase.get(caseId) ?? []).map((n) => this.segmentIds[n]!).filter((id) => id !== null);
  }

  segmentNumber(segmentId: string): number | undefined {
    return this.segmentNumbers.get(segmentId);
  }

  /** True when any op of the case is held, even before its create op arrived. */
  knowsCase(caseId: string): boolean {
    return this.segmentsOfCase.has(caseId);
  }

  /** Records the fold of a case's complete op list (null: no create op yet, nothing to show). */
  setFolded(caseId: string, folded: CaseState | null, ops: readonly Op[]): void {
    if (!folded) {
      this.removeCase(caseId);
      return;
    }
    this.summaries.set(caseId, summarizeCase(folded, ops));
    this.noteChange(caseId);
    const key = searchKeyOf(folded);
    if (this.searchKeys.get(caseId) !== key) this.searchText = null;
    this.searchKeys.set(caseId, key);
  }

  /** Forgets a case entirely (purge). */
  removeCase(caseId: string): void {
    if (this.summaries.delete(caseId)) this.noteChange(caseId);
    this.searchKeys.delete(caseId);
    this.searchText = null;
  }

  summary(caseId: string): CaseSummary | undefined {
    return this.summaries.get(caseId);
  }

  allSummaries(): IterableIterator<CaseSummary> {
    return this.summaries.values();
  }

  /** Ids of every case that has ops, including ops still waiting for their case's create op. */
  allOpCaseIds(): IterableIterator<string> {
    return this.segmentsOfCase.keys();
  }

  query(filter: CaseFilter): CaseSummary[] {
    const matches = compileFilter(filter);
    const out: CaseSummary[] = [];
    const [readings] = searchWords(filter.search);
    if (readings === undefined) {
      for (const c of this.summaries.values()) if (matches(c, '')) out.push(c);
      return out;
    }
    // A search looks up its longest word in one string first: far fewer cases to test one by one.
    const candidates =
      readings.length === 1 ? this.casesContaining(readings[0]!) : readings.flatMap((w) => this.casesContaining(w));
    for (const id of new Set(candidates)) {
      const c = this.summaries.get(id);
      if (c && matches(c, this.searchKeys.get(id)!)) out.push(c);
    }
    return out;
  }

  private casesContaining(word: string): string[] {
    if (!this.searchText) {
      const ids = [...this.searchKeys.keys()];
      const starts: number[] = [];
      let offset = 0;
      for (const id of ids) {
        starts.push(offset);
        offset += this.searchKeys.get(id)!.length + 1;
      }
      // Keys are joined by newlines, which no folded word holds: a match never spans two cases.
      this.searchText = { text: ids.map((id) => this.searchKeys.get(id)).join('\n'), ids, starts };
    }
    const { text, ids, starts } = this.searchText;
    const found: string[] = [];
    for (let at = text.indexOf(word); at >= 0;) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= at) low = mid;
        else high = mid - 1;
      }
      found.push(ids[low]!);
      at = low + 1 < starts.length ? text.indexOf(word, starts[low + 1]) : -1;
    }
    return found;
  }

  /** Case ids that start with the given text: lets a person type the first characters of an id. */
  idsStartingWith(prefix: string): string[] {
    if (this.summaries.has(prefix)) return [prefix];
    const out: string[] = [];
    for (const id of this.summaries.keys()) if (id.startsWith(prefix)) out.push(id);
    return out;
  }

  /** The cases whose entry the sealed snapshot does not hold as it is now; null: any of them. */
  unsavedCases(): ReadonlySet<string> | null {
    return this.unsaved;
  }

  /** The snapshot in the file now holds every entry as it is (called once its write committed). */
  markSaved(): void {
    this.unsaved = new Set();
  }

  /** Whether the sealed snapshot lacks anything this index holds. */
  get hasUnsaved(): boolean {
    return this.unsaved === null || this.unsaved.size > 0;
  }

  /** How many cases have ops (the snapshot's entries). */
  get entryCount(): number {
    return this.segmentsOfCase.size;
  }

  /** More segment numbers stand for deleted segments (compaction, purge) than for live ones. */
  get mostlyGaps(): boolean {
    return this.segmentIds.length - this.segmentNumbers.size > this.segmentIds.length / 2;
  }

  /** Numbers the live segments from 0 again, leaving no gaps (before a whole snapshot is written). */
  renumberSegments(): void {
    const renumber = new Map<number, number>();
    const live: string[] = [];
    this.segmentIds.forEach((id, n) => {
      if (id === null) return;
      renumber.set(n, live.length);
      live.push(id);
    });
    this.segmentIds.length = 0;
    this.segmentNumbers.clear();
    for (const id of live) {
      this.segmentNumbers.set(id, this.segmentIds.length);
      this.segmentIds.push(id);
    }
    for (const [caseId, numbers] of this.segmentsOfCase) {
      this.segmentsOfCase.set(
        caseId,
        numbers.map((n) => renumber.get(n)!),
      );
    }
  }

  /** The segment list as numbered now, gaps included: the snapshot's header. */
  segmentList(): Array<string | null> {
    return [...this.segmentIds];
  }

  /** The snapshot entries of the cases `keep` keeps. */
  entries(keep: (caseId: string) => boolean): IndexEntry[] {
    const out: IndexEntry[] = [];
    for (const [caseId, numbers] of this.segmentsOfCase) {
      if (!keep(caseId)) continue;
      out.push([caseId, this.summaries.get(caseId) ?? null, this.searchKeys.get(caseId) ?? null, [...numbers]]);
    }
    return out;
  }

  /** Restores a snapshot's state into this (empty) index: it then matches the snapshot exactly. */
  importState(state: IndexState): void {
    for (const id of state.segments) {
      if (id !== null) this.segmentNumbers.set(id, this.segmentIds.length);
      this.segmentIds.push(id);
    }
    for (const [caseId, summary, searchKey, numbers] of state.cases) {
      this.segmentsOfCase.set(caseId, numbers);
      if (summary && searchKey !== null) {
        this.summaries.set(caseId, summary);
        this.searchKeys.set(caseId, searchKey);
      }
    }
    this.ops = state.ops;
    this.searchText = null;
    this.forgetChanges();
    this.unsaved = new Set();
  }

  /** Drops every summary and the directory (on lock). */
  clear(): void {
    this.summaries.clear();
    this.searchKeys.clear();
    this.segmentsOfCase.clear();
    this.segmentIds.length = 0;
    this.segmentNumbers.clear();
    this.ops = 0;
    this.searchText = null;
    this.forgetChanges();
    this.unsaved = null;
  }
}
