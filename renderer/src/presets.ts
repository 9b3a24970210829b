import type { CaseFilter } from '../../shared/search/filter';

export type Preset = { id: string; filter: CaseFilter };

/** Saved filters a caseworker reaches for every day. */
export function presets(myFingerprint: string, today: string): Preset[] {
  return [
    { id: 'all', filter: {} },
    { id: 'mine', filter: { assignedTo: [myFingerprint] } },
    { id: 'confiscated', filter: { passport: ['confiscated'] } },
    { id: 'critical', filter: { risk: ['critical'] } },
    { id: 'overdue', filter: { overdueOn: today } },
    { id: 'conflicts', filter: { hasConflicts: true } },
    { id: 'unassigned', filter: { assignedTo: [''] } },
  ];
}

/** The preset a filter equals, ignoring the search text; none when the person has changed it by hand. */
export function presetOf(filter: CaseFilter, list: Preset[]): string | null {
  const { search: _search, ...rest } = filter;
  const normal = (f: CaseFilter) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return list.find((p) => normal(p.filter) === normal(rest))?.id ?? null;
}
