import { z } from 'zod';
import { NEEDS, PASSPORT_STATUSES, RISKS, STAGES } from '../model/case.js';
import { hlcMillis } from '../oplog/hlc.js';
import { overdueTasks, type CaseSummary } from '../oplog/summary.js';

/**
 * Anonymous totals for partners and donors: counts only. Nothing in the result names, locates or
 * identifies a person or a case, so it may leave the vault in a report.
 */
const count = z.number().int().nonnegative();
/** An object with exactly these keys, in this order, each a count. */
const countsOf = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const vaultStatsSchema = z.strictObject({
  total: count,
  /** Cases not closed. */
  open: count,
  /** Every stage, in pipeline order, then closed; zeros included. */
  byStage: countsOf(STAGES),
  /** Country code → cases with that refuge country (cases without one are left out). */
  byRefugeCountry: z.record(z.string().regex(/^[A-Z]{2}$/), count),
  byPassport: countsOf(PASSPORT_STATUSES),
  byInternalPassport: countsOf(PASSPORT_STATUSES),
  byRisk: countsOf(RISKS),
  /** Cases with each need (one case may count under several). */
  byNeed: countsOf(NEEDS),
  /** YYYY-MM → people now abroad who got there that month; every month from first to last listed. */
  arrivalsByMonth: z.record(z.string().regex(/^\d{4}-\d{2}$/), count),
  /** Not-done tasks due before today, in open cases. */
  overdueTasks: count,
  casesWithConflicts: count,
});
export type VaultStats = z.infer<typeof vaultStatsSchema>;

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function computeStats(cases: Iterable<CaseSummary>, options: { today: string }): VaultStats {
  const stats: VaultStats = {
    total: 0,
    open: 0,
    byStage: zeros(STAGES),
    byRefugeCountry: {},
    byPassport: zeros(PASSPORT_STATUSES),
    byInternalPassport: zeros(PASSPORT_STATUSES),
    byRisk: zeros(RISKS),
    byNeed: zeros(NEEDS),
    arrivalsByMonth: {},
    overdueTasks: 0,
    casesWithConflicts: 0,
  };
  const arrivals = new Map<string, number>();
  for (const c of cases) {
    const f = c.fields;
    stats.total += 1;
    stats.byStage[f.stage] += 1;
    stats.byPassport[f.passport] += 1;
    stats.byInternalPassport[f.internalPassport] += 1;
    stats.byRisk[f.risk] += 1;
    for (const need of new Set(f.needs)) stats.byNeed[need] += 1;
    if (f.refugeCountry) stats.byRefugeCountry[f.refugeCountry] = (stats.byRefugeCountry[f.refugeCountry] ?? 0) + 1;
    if (c.conflicts > 0) stats.casesWithConflicts += 1;
    if (f.stage !== 'closed') {
      stats.open += 1;
      stats.overdueTasks += overdueTasks(c, options.today);
    }
    if (c.arrivedAt !== null) {
      const month = new Date(hlcMillis(c.arrivedAt)).toISOString().slice(0, 7);
      arrivals.set(month, (arrivals.get(month) ?? 0) + 1);
    }
  }
  stats.byRefugeCountry = Object.fromEntries(
    Object.entries(stats.byRefugeCountry).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)),
  );
  stats.arrivalsByMonth = monthSeries(arrivals);
  return stats;
}

/** Counts by month, with the months in between filled with zeros, so a chart has no gaps. */
function monthSeries(counts: ReadonlyMap<string, number>): Record<string, number> {
  const months = [...counts.keys()].sort();
  const out: Record<string, number> = {};
  if (months.length === 0) return out;
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out[key] = counts.get(key) ?? 0;
    if (key >= last) return out;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
