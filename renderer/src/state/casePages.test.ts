import { describe, expect, it } from 'vitest';
import {
  CasePages,
  MAX_WAIT_MS,
  PAGE_SIZE,
  SETTLE_MS,
  isJump,
  neededPages,
  nextRequest,
  type CaseRow,
  type Clock,
  type PageAnswer,
} from './casePages';

const TOTAL = 100_000;
const row = (index: number) => ({ id: `c${index}`, alias: `Case ${index}` }) as unknown as CaseRow;

/** A vault that answers only when told, and a clock that moves only when told. */
function harness(total = TOTAL) {
  const asked: { offset: number; limit: number; answer: () => Promise<void>; fail: () => Promise<void> }[] = [];
  const fetchRows = (offset: number, limit: number) =>
    new Promise<PageAnswer>((resolve, reject) => {
      const settle = async (ok: boolean) => {
        if (ok) {
          const rows: CaseRow[] = [];
          for (let i = offset; i < Math.min(offset + limit, total); i++) rows.push(row(i));
          resolve({ total, rows });
        } else reject(new Error('refused'));
        // Let the answer's handlers (and the next request) run.
        for (let i = 0; i < 5; i++) await Promise.resolve();
      };
      asked.push({ offset, limit, answer: () => settle(true), fail: () => settle(false) });
    });
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.run();
    }
  };
  const pages = new CasePages('list', fetchRows, clock);
  const open = () => asked.slice(-1)[0]!;
  return { pages, asked, advance, open };
}

describe('neededPages', () => {
  it('puts the pages in sight first, then those ahead in the direction of travel, nearest first', () => {
    expect(neededPages({ first: 190, last: 215 }, TOTAL, 1)).toEqual({ inSight: [0, 1], ahead: [] });
    expect(neededPages({ first: 150, last: 180 }, TOTAL, 1)).toEqual({ inSight: [0], ahead: [1] });
    expect(neededPages({ first: 410, last: 440 }, TOTAL, -1)).toEqual({ inSight: [2], ahead: [1] });
    expect(neededPages({ first: 20, last: 50 }, TOTAL, -1)).toEqual({ inSight: [0], ahead: [] });
  });

  it('never asks past the end of the list, and for nothing when it is empty', () => {
    expect(neededPages({ first: 99_980, last: 99_999 }, TOTAL, 1)).toEqual({ inSight: [499], ahead: [] });
    expect(neededPages({ first: 0, last: 0 }, 0, 1)).toEqual({ inSight: [], ahead: [] });
    // Before the vault has said how long the list is, the view's own pages.
    expect(neededPages({ first: 0, last: 0 }, null, 1).inSight).toEqual([0]);
  });
});

describe('nextRequest', () => {
  it('asks for the missing pages in sight as one request', () => {
    expect(nextRequest({ first: 190, last: 215 }, TOTAL, 1, () => false)).toEqual({ page: 0, pages: 2 });
    expect(nextRequest({ first: 190, last: 215 }, TOTAL, 1, (p) => p === 0)).toEqual({ page: 1, pages: 1 });
  });

  it('then the page ahead, so that small scrolls never reach a row not yet fetched', () => {
    expect(nextRequest({ first: 150, last: 180 }, TOTAL, 1, (p) => p === 0)).toEqual({ page: 1, pages: 1 });
    expect(nextRequest({ first: 20, last: 50 }, TOTAL, 1, (p) => p === 0)).toBeNull();
  });
});

describe('isJump', () => {
  it('is a move of more than a page to rows none of which are at hand', () => {
    expect(isJump({ first: 0, last: 40 }, { first: 50_000, last: 50_040 }, () => false)).toBe(true);
    expect(isJump({ first: 0, last: 40 }, { first: 30, last: 70 }, () => false)).toBe(false);
    expect(isJump({ first: 0, last: 40 }, { first: 50_000, last: 50_040 }, (p) => p === 250)).toBe(false);
  });
});

describe('CasePages', () => {
  it('fetches the first page, then the next one ahead while the view is still on the first', async () => {
    const { pages, asked } = harness();
    pages.load();
    expect(asked.map((a) => [a.offset, a.limit])).toEqual([[0, PAGE_SIZE]]);
    await asked[0]!.answer();
    expect(pages.total).toBe(TOTAL);
    expect(pages.rowAt(5)?.alias).toBe('Case 5');
    pages.show(120, 160);
    expect(asked.map((a) => a.offset)).toEqual([0, PAGE_SIZE]);
  });

  it('a drag across 100,000 rows fetches only where it stops, not every page passed on the way', async () => {
    const { pages, asked, advance, open } = harness();
    pages.load();
    await asked[0]!.answer();
    // The scroll bar dragged to the end in a few frames.
    for (let first = 10_000; first < 99_960; first += 10_000) {
      pages.show(first, first + 40);
      advance(16);
    }
    pages.show(99_960, 99_999);
    expect(asked).toHaveLength(1);
    advance(SETTLE_MS);
    expect(asked).toHaveLength(2);
    expect(open().offset).toBe(499 * PAGE_SIZE);
    await open().answer();
    expect(pages.rowAt(99_999)?.alias).toBe('Case 99999');
  });

  it('a long slow drag still shows rows on the way, one request at a time, the newest view winning', async () => {
    const { pages, asked, advance, open } = harness();
    pages.load();
    await asked[0]!.answer();
    let first = 0;
    const step = () => {
      first += 1_000;
      pages.show(first, first + 40);
      advance(16);
    };
    for (let i = 0; i * 16 < MAX_WAIT_MS; i++) step();
    // Never waited for longer than MAX_WAIT_MS.
    expect(asked).toHaveLength(2);
    const inFlight = open();
    for (let i = 0; i < 5; i++) step();
    // While one request is out, no other is sent…
    expect(asked).toHaveLength(2);
    await inFlight.answer();
    // …and the next one is for where the view is now, not for the pages passed meanwhile.
    expect(asked).toHaveLength(3);
    expect(open().offset).toBe(Math.floor(first / PAGE_SIZE) * PAGE_SIZE);
  });

  it('ignores answers for a list that has been refreshed since, and keeps its rows on screen meanwhile', async () => {
    const { pages, asked, open } = harness();
    pages.load();
    await asked[0]!.answer();
    pages.show(500, 540);
    const old = open();
    pages.refresh();
    // The rows already fetched still show while the fresh ones come.
    expect(pages.rowAt(3)?.alias).toBe('Case 3');
    expect(pages.answered).toBe(false);
    await old.answer();
    expect(pages.answered).toBe(false);
    // The refreshed list asks again for the rows in view.
    expect(open()).not.toBe(old);
    expect(open().offset).toBe(2 * PAGE_SIZE);
    await open().answer();
    expect(pages.answered).toBe(true);
  });

  it('does not ask again in a loop after a refusal; the next move of the view does', async () => {
    const { pages, asked } = harness();
    pages.load();
    await asked[0]!.fail();
    expect(pages.error).toBeInstanceOf(Error);
    expect(asked).toHaveLength(1);
    pages.show(10, 50);
    expect(asked).toHaveLength(2);
  });

  it('asks nothing more once it is no longer wanted', async () => {
    const { pages, asked } = harness();
    pages.load();
    pages.dispose();
    await asked[0]!.answer();
    expect(pages.total).toBeNull();
    pages.show(5_000, 5_040);
    expect(asked).toHaveLength(1);
  });

  it('an empty list refreshed asks the vault again (cases may have come meanwhile)', async () => {
    let total = 0;
    const asked: number[] = [];
    const pages = new CasePages('list', (offset) => {
      asked.push(offset);
      return Promise.resolve({ total, rows: total ? [row(0)] : [] });
    });
    pages.load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.total).toBe(0);
    total = 1;
    pages.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([0, 0]);
    expect(pages.total).toBe(1);
    expect(pages.rowAt(0)?.alias).toBe('Case 0');
  });
});
