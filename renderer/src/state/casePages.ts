import type { ChannelResult } from '../../../shared/ipc/contract';

export type CaseRow = ChannelResult<'queryCases'>['rows'][number];
export type PageAnswer = { total: number; rows: CaseRow[] };
/** Asks the vault for `limit` rows from `offset` of the list. */
export type FetchRows = (offset: number, limit: number) => Promise<PageAnswer>;

export const PAGE_SIZE = 200;
/**
 * Missing pages next to each other go in one request, up to this many: the vault's cost is per
 * request far more than per row, and the contract takes up to 1,000 rows.
 */
export const MAX_PAGES_PER_REQUEST = 4;
/** Rows ahead of the view, in the direction it moves, fetched before they come into sight. */
export const AHEAD_ROWS = 100;
/** After a jump (a drag of the scroll bar, End), nothing is fetched until the view has stood still this long… */
export const SETTLE_MS = 60;
/** …or, while it keeps moving, at most this long: a slow drag still shows rows on the way. */
export const MAX_WAIT_MS = 300;
/** Pages kept in memory; those furthest from the view are dropped first. */
export const MAX_PAGES_KEPT = 40;

/** The rows on screen (with the table's overscan), first and last index. */
export type View = { first: number; last: number };
export type Direction = 1 | -1;
/** `pages` pages of rows from page `page`. */
export type PageRequest = { page: number; pages: number };

export const pageOf = (index: number) => Math.floor(index / PAGE_SIZE);

function span(from: number, to: number): number[] {
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

/**
 * The pages a view needs: those in sight, then those ahead of it in the direction it moves, nearest
 * first. `total` is null before the vault has said how long the list is.
 */
export function neededPages(
  view: View,
  total: number | null,
  direction: Direction,
): { inSight: number[]; ahead: number[] } {
  if (total === 0) return { inSight: [], ahead: [] };
  const lastRow = total === null ? Number.MAX_SAFE_INTEGER : total - 1;
  const first = pageOf(Math.min(Math.max(view.first, 0), lastRow));
  const last = pageOf(Math.min(Math.max(view.last, view.first, 0), lastRow));
  const inSight = span(first, last);
  const ahead =
    direction > 0
      ? span(last + 1, pageOf(Math.min(view.last + AHEAD_ROWS, lastRow)))
      : span(pageOf(Math.max(view.first - AHEAD_ROWS, 0)), first - 1).reverse();
  return { inSight, ahead };
}

/**
 * The one request to make next, or null when the view has all it needs: the missing pages in sight
 * first, as one request; then the nearest missing page ahead.
 */
export function nextRequest(
  view: View,
  total: number | null,
  direction: Direction,
  has: (page: number) => boolean,
): PageRequest | null {
  const { inSight, ahead } = neededPages(view, total, direction);
  const missing = inSight.filter((p) => !has(p));
  const start = missing[0];
  if (start !== undefined) {
    const end = missing[missing.length - 1] ?? start;
    return { page: start, pages: Math.min(end - start + 1, MAX_PAGES_PER_REQUEST) };
  }
  const next = ahead.find((p) => !has(p));
  return next === undefined ? null : { page: next, pages: 1 };
}

/** A move of more than a page to rows of which none is at hand: a jump, for which the view is let settle. */
export function isJump(previous: View, next: View, atHand: (page: number) => boolean): boolean {
  if (Math.abs(next.first - previous.first) <= PAGE_SIZE) return false;
  return !span(pageOf(next.first), pageOf(Math.max(next.last, next.first))).some(atHand);
}

export type Clock = {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One filtered, sorted case list, fetched from the vault as the table shows it.
 *
 * The vault answers one call at a time, each costing about the same whatever its size, so pages
 * passed by a fast scroll are never fetched in turn: at most one request is in flight, and when it
 * answers the next one is chosen from where the view is *then* (the newest view wins). A jump waits
 * for the view to settle. Answers for a list that has since been refreshed or left are ignored.
 *
 * After a refresh (the vault changed) the rows already fetched stay on screen until the fresh ones
 * arrive, so a list that is being brought up to date never blinks into grey placeholders.
 */
export class CasePages {
  total: number | null = null;
  error: unknown = null;
  /** Grows with every change worth a repaint. */
  version = 0;
  /** Whether the vault has answered since the last refresh (or at all). */
  answered = false;

  private readonly fresh = new Map<number, CaseRow[]>();
  private readonly stale = new Map<number, CaseRow[]>();
  private view: View = { first: 0, last: 0 };
  private direction: Direction = 1;
  private inFlight = false;
  private generation = 0;
  private timer: unknown = null;
  private waitingSince: number | null = null;
  private disposed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly key: string,
    private readonly fetchRows: FetchRows,
    private readonly clock: Clock = realClock,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  rowAt(index: number): CaseRow | undefined {
    const page = pageOf(index);
    return (this.fresh.get(page) ?? this.stale.get(page))?.[index - page * PAGE_SIZE];
  }

  /** The table now shows rows `first` to `last`. */
  show(first: number, last: number): void {
    const previous = this.view;
    if (first === previous.first && last === previous.last) return this.load();
    if (first !== previous.first) this.direction = first > previous.first ? 1 : -1;
    this.view = { first, last };
    if (isJump(previous, this.view, (p) => this.fresh.has(p) || this.stale.has(p))) this.settleThenLoad();
    else this.load();
  }

  /** Fetches what the view needs, if it is not already being fetched. */
  load(): void {
    if (this.disposed) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.waitingSince = null;
    if (this.inFlight) return;
    // Until the vault has answered since the last refresh, the list may have grown or shrunk: its
    // length is not known, and the view's own pages are asked for even past the old end.
    const total = this.answered ? this.total : null;
    const request = nextRequest(this.view, total, this.direction, (p) => this.fresh.has(p));
    if (!request) return;
    this.inFlight = true;
    const generation = this.generation;
    let failed = false;
    this.fetchRows(request.page * PAGE_SIZE, request.pages * PAGE_SIZE)
      .then(
        (answer) => {
          if (generation !== this.generation || this.disposed) return;
          for (let i = 0; i < request.pages; i++) {
            this.fresh.set(request.page + i, answer.rows.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE));
            this.stale.delete(request.page + i);
          }
          this.total = answer.total;
          this.error = null;
          this.answered = true;
          this.forgetFarPages();
          this.changed();
        },
        (error: unknown) => {
          failed = true;
          if (generation !== this.generation || this.disposed) return;
          this.error = error;
          this.changed();
        },
      )
      .finally(() => {
        this.inFlight = false;
        // A refusal is not asked again in a loop: the next move of the view, or a refresh, tries again.
        if (!failed) this.load();
      });
  }

  /** The vault changed: fetch the view again, keeping the rows on screen until the new ones arrive. */
  refresh(): void {
    this.generation += 1;
    for (const [page, rows] of this.fresh) this.stale.set(page, rows);
    this.fresh.clear();
    this.answered = false;
    this.load();
  }

  /** The list is no longer wanted: nothing more is fetched and late answers are ignored. */
  dispose(): void {
    this.disposed = true;
    this.generation += 1;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private settleThenLoad(): void {
    const now = this.clock.now();
    this.waitingSince ??= now;
    if (now - this.waitingSince >= MAX_WAIT_MS) return this.load();
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.load();
      },
      Math.min(SETTLE_MS, MAX_WAIT_MS - (now - this.waitingSince)),
    );
  }

  private forgetFarPages(): void {
    if (this.fresh.size + this.stale.size <= MAX_PAGES_KEPT) return;
    const here = pageOf(this.view.first);
    const far = (map: Map<number, CaseRow[]>) =>
      [...map.keys()].sort((a, b) => Math.abs(b - here) - Math.abs(a - here));
    for (const page of far(this.stale)) {
      if (this.fresh.size + this.stale.size <= MAX_PAGES_KEPT) return;
      this.stale.delete(page);
    }
    for (const page of far(this.fresh)) {
      if (this.fresh.size <= MAX_PAGES_KEPT) return;
      this.fresh.delete(page);
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
