import { SUPPRESS_BELOW, SUPPRESSION_NOTE, publishStats } from '../stats/disclosure.js';
import type { VaultStats } from '../stats/stats.js';

/**
 * Words for the CSV report, in the reader's language, keyed `group` (`byStage`), `group.key`
 * (`byStage.intake`, `byRefugeCountry.DE`) and `report`, `date`, `note`, `noteText`, `header.group`,
 * `header.key`, `header.count`. The UI passes its own; a key without a word is written as it is.
 */
export type ReportLabels = Record<string, string>;

/**
 * The report a coordinator sends to partners and donors: the anonymous counts of `computeStats`
 * with small counts suppressed (see disclosure.ts), the date, and a note saying so; nothing else.
 * CSV is one line per count for a spreadsheet, JSON keeps the codes for programs.
 */
export function statsReport(
  stats: VaultStats,
  today: string,
  format: 'json' | 'csv',
  labels: ReportLabels = {},
): string {
  const published = publishStats(stats);
  const note = labels.noteText ?? SUPPRESSION_NOTE;
  if (format === 'json')
    return `${JSON.stringify(
      { report: 'crossing-stats/2', date: today, suppressedBelow: SUPPRESS_BELOW, note, ...published },
      null,
      2,
    )}\n`;
  const word = (key: string) => labels[key] ?? key.split('.').pop() ?? key;
  const line = (...cells: (string | number)[]) => cells.map((c) => csvCell(String(c))).join(',');
  const lines = [
    line(word('header.group'), word('header.key'), word('header.count')),
    line(word('report'), word('date'), today),
    line(word('report'), word('note'), note),
  ];
  for (const [group, value] of Object.entries(published)) {
    if (typeof value !== 'object') lines.push(line(word('totals'), word(`totals.${group}`), value));
    else for (const [key, n] of Object.entries(value)) lines.push(line(word(group), word(`${group}.${key}`), n));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One CSV cell. Quoted when it holds a comma, quote or line break; and a cell a spreadsheet would
 * run as a formula (=, +, -, @, tab, carriage return first) is prefixed with ' so it stays text.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
