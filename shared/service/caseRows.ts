import type { CASE_SORT_KEYS, ChannelResult } from '../ipc/contract.js';
import { PASSPORT_STATUSES, RISKS, STAGES } from '../model/case.js';
import { hlcMillis } from '../oplog/hlc.js';
import { overdueTasks, type CaseSummary } from '../oplog/summary.js';

export type CaseRow = ChannelResult<'queryCases'>['rows'][number];
export type SortKey = (typeof CASE_SORT_KEYS)[number];
export type Sort = { key: SortKey; direction: 'asc' | 'desc' };

/** Newest change first: what a caseworker opening the list wants to see. */
export const DEFAULT_SORT: Sort = { key: 'updatedAt', direction: 'desc' };

export function toCaseRow(c: CaseSummary, today: string): CaseRow {
  const f = c.fields;
  return {
    id: c.id,
    alias: f.alias,
    stage: f.stage,
    passport: f.passport,
    internalPassport: f.internalPassport,
    refugeCountry: f.refugeCountry,
    risk: f.risk,
    assignedTo: f.assignedTo,
    updatedAt: hlcMillis(c.updatedAt),
    conflicts: c.conflicts,
    overdueTasks: overdueTasks(c, today),
    fileCount: c.fileCount ?? 0,
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Enumerations sort in their meaningful order (the pipeline, most urgent risk first), not alphabetically. */
const rank = (values: readonly string[]) => {
  const order = new Map(values.map((v, i) => [v, i]));
  return (v: string) => order.get(v) ?? values.length;
};
const stageRank = rank(STAGES);
const riskRank = rank(RISKS);
const passportRank = rank(PASSPORT_STATUSES);

export type Compare = (a: CaseRow, b: CaseRow) => number;
const byText =
  (get: (r: CaseRow) => string | null): Compare =>
  (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === y) return 0;
    if (x === null) return 1; // blanks last, whatever the direction
    if (y === null) return -1;
    return collator.compare(x, y);
  };
const byNumber =
  (get: (r: CaseRow) => number): Compare =>
  (a, b) =>
    get(a) - get(b);

const COMPARE: Record<SortKey, Compare> = {
  alias: byText((r) => r.alias),
  stage: byNumber((r) => stageRank(r.stage)),
  passport: byNumber((r) => passportRank(r.passport)),
  internalPassport: byNumber((r) => passportRank(r.internalPassport)),
  refugeCountry: byText((r) => r.refugeCountry),
  risk: byNumber((r) => riskRank(r.risk)),
  assignedTo: byText((r) => r.assignedTo),
  updatedAt: byNumber((r) => r.updatedAt),
};

/** The list's order for a sort; ties fall back to the id so that pages never overlap or skip a row. */
export function compareRows(sort: Sort): Compare {
  const compare = COMPARE[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const nullsLast = sort.key === 'refugeCountry' || sort.key === 'assignedTo';
  return (a, b) => {
    let result = compare(a, b);
    // Blanks stay last in both directions.
    const blank = nullsLast && (a[sort.key] === null) !== (b[sort.key] === null);
    if (!blank) result *= sign;
    return result !== 0 ? result : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Sorts in place, in the list's order. */
export function sortRows(rows: CaseRow[], sort: Sort): CaseRow[] {
  return rows.sort(compareRows(sort));
}
