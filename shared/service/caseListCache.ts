import type { CaseSummary } from '../oplog/summary.js';
import type { CaseFilter } from '../search/filter.js';
import { compareRows, toCaseRow, type CaseRow, type Compare, type Sort } from './caseRows.js';

/** What the list reads from an open vault (Vault has all of it). */
export interface ListSource {
  readonly summaryGeneration: number;
  casesChangedSince(generation: number): Set<string> | null;
  caseSummary(caseId: string): CaseSummary | undefined;
  allCases(): Iterable<CaseSummary>;
  listCases(filter: CaseFilter): CaseSummary[];
}

export interface ListPage {
  total: number;
  rows: CaseRow[];
}

/** Filtered results kept for paging: the board alone asks for one per stage (9); a person switches between a few searches. */
const KEPT_RESULTS = 16;
/** Below this many matches, sorting them costs less than a pass over the kept order. */
const NARROW_RESULT = 256;

/**
 * The case list at the cost of a page. Sorting 100,000 rows for every page a scroll asks for cost
 * 110–365 ms; here every row is made once, each sort order is kept and brought up to date with the
 * cases that changed (a binary insert each), and the rows of the last few filters are kept in that
 * order, so a page is a slice. Holds decrypted aliases: the session clears it on lock.
 */
export class CaseListCache {
  private source: ListSource | null = null;
  private generation = -1;
  private today = '';
  private rows: Map<string, CaseRow> | null = null;
  /** Every row, in each sort asked for so far, with that sort's comparison. */
  private readonly orders = new Map<string, { compare: Compare; rows: CaseRow[] }>();
  private readonly results = new Map<string, CaseRow[]>();

  page(source: ListSource, filter: CaseFilter, sort: Sort, offset: number, limit: number, today: string): ListPage {
    const matching = this.matching(source, filter, sort, today);
    return { total: matching.length, rows: matching.slice(offset, offset + limit) };
  }

  /** Drops every row (lock, another vault). */
  clear(): void {
    this.source = null;
    this.generation = -1;
    this.rows = null;
    this.orders.clear();
    this.results.clear();
  }

  private matching(source: ListSource, filter: CaseFilter, sort: Sort, today: string): CaseRow[] {
    this.catchUp(source, today);
    const order = this.orderFor(sort);
    if (isEmptyFilter(filter)) return order;
    const key = `${sort.key}:${sort.direction}:${JSON.stringify(filter)}`;
    const kept = this.results.get(key);
    if (kept) {
      // Most recently used last, so the oldest goes first when the map is full.
      this.results.delete(key);
      this.results.set(key, kept);
      return kept;
    }
    const ids = new Set(source.listCases(filter).map((c) => c.id));
    const rows = this.rows!;
    // A handful of matches is sorted; more keep the order's rows they match (collation is slow).
    const found =
      ids.size < NARROW_RESULT
        ? [...ids].flatMap((id) => rows.get(id) ?? []).sort(compareRows(sort))
        : order.filter((row) => ids.has(row.id));
    this.results.set(key, found);
    if (this.results.size > KEPT_RESULTS) this.results.delete(this.results.keys().next().value!);
    return found;
  }

  /** Brings rows and orders to the source's generation: the changed cases only, when they are few. */
  private catchUp(source: ListSource, today: string): void {
    const generation = source.summaryGeneration;
    if (source === this.source && today === this.today && generation === this.generation) return;
    const changed = source === this.source && today === this.today ? source.casesChangedSince(this.generation) : null;
    if (!changed || !this.rows || changed.size > Math.max(1000, this.rows.size / 8)) {
      this.clear();
      this.source = source;
      this.today = today;
      this.generation = generation;
      this.rows = new Map();
      for (const summary of source.allCases()) this.rows.set(summary.id, toCaseRow(summary, today));
      return;
    }
    this.results.clear();
    this.generation = generation;
    const rows = this.rows;
    const moves: Array<{ old: CaseRow | undefined; next: CaseRow | undefined }> = [];
    for (const caseId of changed) {
      const old = rows.get(caseId);
      const summary = source.caseSummary(caseId);
      const next = summary ? toCaseRow(summary, today) : undefined;
      if (next) rows.set(caseId, next);
      else rows.delete(caseId);
      moves.push({ old, next });
    }
    // Each changed row leaves its place (found by binary search: the order is total) and is put
    // where it now belongs: a few memory moves, not a pass over every row.
    for (const { compare, rows: order } of this.orders.values()) {
      for (const { old, next } of moves) {
        if (old) {
          let at = insertionPoint(order, old, compare);
          if (order[at] !== old) at = order.indexOf(old);
          if (at >= 0) order.splice(at, 1);
        }
        if (next) order.splice(insertionPoint(order, next, compare), 0, next);
      }
    }
  }

  private orderFor(sort: Sort): CaseRow[] {
    const key = `${sort.key}:${sort.direction}`;
    let order = this.orders.get(key);
    if (!order) {
      const compare = compareRows(sort);
      order = { compare, rows: [...this.rows!.values()].sort(compare) };
      this.orders.set(key, order);
    }
    return order.rows;
  }
}

function insertionPoint(rows: readonly CaseRow[], row: CaseRow, compare: Compare): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(rows[mid]!, row) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** True when the filter lets every case through: the list is the whole sorted order. */
export function isEmptyFilter(filter: CaseFilter): boolean {
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (name === 'search' && typeof value === 'string' && value.trim() === '') continue;
    return false;
  }
  return true;
}
