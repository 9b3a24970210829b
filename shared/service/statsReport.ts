import type { VaultStats } from '../stats/stats.js';

/**
 * The report a coordinator sends to partners and donors: the anonymous counts of `computeStats`
 * and the date, nothing else. CSV is one `group,key,count` line per count, for a spreadsheet.
 */
export function statsReport(stats: VaultStats, today: string, format: 'json' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify({ report: 'crossing-stats/1', date: today, ...stats }, null, 2)}\n`;
  const lines = ['group,key,count', `report,date,${today}`];
  for (const [group, value] of Object.entries(stats)) {
    if (typeof value === 'number') lines.push(`totals,${group},${value}`);
    else for (const [key, n] of Object.entries(value)) lines.push(`${group},${csvCell(key)},${n}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Keys are enumerations, country codes and months; quoted anyway, should one ever hold a comma. */
function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
