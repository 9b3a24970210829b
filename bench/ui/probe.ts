/**
 * What the bench installs in the page before the app loads (plain JS: the bench is compiled without the
 * DOM's types). It finds the table only by what CaseTable exposes: the scroller `.case-scroll`, rows with
 * `aria-rowindex`, and `.row-open` (the alias button) in a row that shows a case; a row in the table
 * without it is a skeleton. It runs a requestAnimationFrame loop that
 * - notes the frame-to-frame deltas while `recordFrames` is set;
 * - while `recordSkeletons` is set, notes each skeleton row's time on screen: from the first frame it is
 *   visible in the scroller to the first frame it shows a case, leaves the view or leaves the DOM;
 * - answers `until(condition)`: the time of the first frame at which a condition holds.
 * Key, click and input events note their time stamps (the same clock as `performance.now()`).
 */
export const PROBE_SCRIPT = String.raw`(() => {
  const probe = {
    enterAt: null, clickAt: null, inputAt: null,
    recordFrames: false, frames: [], lastFrame: null,
    recordSkeletons: false, skeletonsOpen: new Map(), skeletonLifetimes: [], skeletonsStillOpen: 0,
    waiters: [],
  };
  addEventListener('keydown', (e) => { if (e.key === 'Enter') probe.enterAt = e.timeStamp; }, true);
  addEventListener('click', (e) => { probe.clickAt = e.timeStamp; }, true);
  addEventListener('input', (e) => { probe.inputAt = e.timeStamp; }, true);

  /** The table's scroller on screen (a screen kept mounted but hidden has no box). */
  probe.scrollerEl = () => {
    for (const s of document.querySelectorAll('.case-scroll')) if (s.getClientRects().length > 0) return s;
    return null;
  };
  const shown = (id) => {
    const el = document.getElementById(id);
    return el !== null && el.getClientRects().length > 0;
  };
  /** The rows in the scroller's view, top first: index (aria-rowindex), whether it shows a case, its alias. */
  probe.visibleRows = () => {
    const scroller = probe.scrollerEl();
    if (!scroller) return [];
    const view = scroller.getBoundingClientRect();
    const rows = [];
    for (const row of scroller.querySelectorAll('[aria-rowindex]')) {
      const r = row.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= view.top + 1 || r.top >= view.bottom - 1) continue;
      const open = row.querySelector('.row-open');
      rows.push({
        index: Number(row.getAttribute('aria-rowindex')),
        data: open !== null,
        alias: open ? open.textContent : null,
        full: r.top >= view.top - 1 && r.bottom <= view.bottom + 1,
      });
    }
    return rows.sort((a, b) => a.index - b.index);
  };
  probe.scroller = () => {
    const s = probe.scrollerEl();
    return s ? { scrollTop: s.scrollTop, scrollHeight: s.scrollHeight, clientHeight: s.clientHeight } : null;
  };
  probe.rowsTotal = () => {
    const table = probe.scrollerEl()?.closest('[aria-rowcount]');
    return table ? Number(table.getAttribute('aria-rowcount')) - 1 : null;
  };

  const conditions = {
    // Any case showing in the table.
    firstRows: (rows) => rows.some((r) => r.data),
    // Rows on screen, and every one of them shows its case.
    allData: (rows) => rows.length > 0 && rows.every((r) => r.data),
    // The row with aria-rowindex = arg on screen, and every row on screen shows its case.
    rowData: (rows, arg) => rows.some((r) => r.index === arg) && rows.every((r) => r.data),
    // The same first whole row (index and alias) as before, showing its case.
    sameRow: (rows, arg) => {
      const first = rows.find((r) => r.full);
      return !!first && first.index === arg.index && first.alias === arg.alias && rows.every((r) => r.data);
    },
    // Every row in view shows its case, and the first is another case than arg (an alias).
    firstRowChanged: (rows, arg) => rows.length > 0 && rows.every((r) => r.data) && rows[0].alias !== arg,
    // The table counts other than arg cases, and every row in view shows its case.
    totalChanged: (rows, arg) => probe.rowsTotal() !== arg && rows.length > 0 && rows.every((r) => r.data),
    // The case list's heading is on screen.
    casesScreen: () => shown('cases-title'),
    // A case's screen (its heading) is on screen.
    caseScreen: () => shown('case-title'),
  };
  /** Resolves with { ok, at } at the first frame where the named condition holds, or { ok: false } after timeoutMs. */
  probe.until = (name, arg, timeoutMs) =>
    new Promise((resolve) => {
      const waiter = { name, arg, resolve, deadline: performance.now() + timeoutMs };
      probe.waiters.push(waiter);
    });

  const closeSkeleton = (index, now) => {
    const since = probe.skeletonsOpen.get(index);
    probe.skeletonsOpen.delete(index);
    if (since !== undefined) probe.skeletonLifetimes.push(now - since);
  };
  probe.resetSkeletons = () => {
    probe.skeletonsOpen = new Map();
    probe.skeletonLifetimes = [];
  };
  /** Stops recording; skeletons still on screen are counted with their time so far. */
  probe.stopSkeletons = () => {
    probe.recordSkeletons = false;
    const now = performance.now();
    probe.skeletonsStillOpen = probe.skeletonsOpen.size;
    for (const index of [...probe.skeletonsOpen.keys()]) closeSkeleton(index, now);
    return probe.skeletonLifetimes;
  };

  const tick = (frameTime) => {
    if (probe.recordFrames && probe.lastFrame !== null) probe.frames.push(frameTime - probe.lastFrame);
    probe.lastFrame = frameTime;
    if (probe.recordSkeletons || probe.waiters.length > 0) {
      const now = performance.now();
      const rows = probe.visibleRows();
      if (probe.recordSkeletons) {
        const seen = new Set();
        for (const r of rows) {
          if (r.data) continue;
          seen.add(r.index);
          if (!probe.skeletonsOpen.has(r.index)) probe.skeletonsOpen.set(r.index, now);
        }
        for (const index of [...probe.skeletonsOpen.keys()]) if (!seen.has(index)) closeSkeleton(index, now);
      }
      probe.waiters = probe.waiters.filter((w) => {
        if (conditions[w.name](rows, w.arg)) w.resolve({ ok: true, at: now });
        else if (now > w.deadline) w.resolve({ ok: false, at: now });
        else return true;
        return false;
      });
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__desk = probe;
})();`;

export interface VisibleRow {
  index: number;
  data: boolean;
  alias: string | null;
  full: boolean;
}
export interface UntilResult {
  ok: boolean;
  at: number;
}
export type Condition =
  'firstRows' | 'allData' | 'rowData' | 'sameRow' | 'firstRowChanged' | 'totalChanged' | 'casesScreen' | 'caseScreen';

/** The probe as page functions see it (`globalThis.__desk`). */
export interface Probe {
  enterAt: number | null;
  clickAt: number | null;
  inputAt: number | null;
  recordFrames: boolean;
  frames: number[];
  recordSkeletons: boolean;
  skeletonsStillOpen: number;
  visibleRows(): VisibleRow[];
  scrollerEl(): { scrollTop: number; scrollHeight: number; clientHeight: number } | null;
  scroller(): { scrollTop: number; scrollHeight: number; clientHeight: number } | null;
  rowsTotal(): number | null;
  until(name: Condition, arg: unknown, timeoutMs: number): Promise<UntilResult>;
  resetSkeletons(): void;
  stopSkeletons(): number[];
}
export type ProbeWindow = typeof globalThis & { __desk: Probe };
