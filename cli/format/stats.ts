import type { PublishedCount, PublishedStats } from '../../shared/stats/disclosure.js';
import { table } from './text.js';

/** The totals as short aligned tables: counts only, nothing about any one person. */
export function formatStats(stats: PublishedStats): string[] {
  const out = [`Cases: ${stats.total} (${stats.open} open, ${stats.byStage.closed} closed)`];
  const counts = (title: string, header: string, entries: Record<string, PublishedCount>) => {
    if (Object.keys(entries).length === 0) return;
    out.push('', `${title}:`);
    const rows = Object.entries(entries).map(([key, n]) => [key, String(n)]);
    out.push(...table([header, 'CASES'], rows).map((line) => `  ${line}`));
  };
  counts('By stage', 'STAGE', stats.byStage);
  counts('By refuge country', 'COUNTRY', stats.byRefugeCountry);
  out.push('', 'By passport status:');
  const passportRows = Object.keys(stats.byPassport).map((status) => [
    status,
    String(stats.byPassport[status]),
    String(stats.byInternalPassport[status]),
  ]);
  out.push(...table(['STATUS', 'TRAVEL', 'INTERNAL'], passportRows).map((line) => `  ${line}`));
  counts('By risk', 'RISK', stats.byRisk);
  counts('By need', 'NEED', stats.byNeed);
  counts('Arrivals abroad by month', 'MONTH', stats.arrivalsByMonth);
  out.push('', `Overdue tasks: ${stats.overdueTasks}`, `Cases with conflicts: ${stats.casesWithConflicts}`);
  return out;
}
