import type { CaseFilter } from '../../shared/search/filter.js';
import type { Vault } from '../../shared/vault/vault.js';
import { median, settle } from '../measure.js';

/** Filters a caseworker actually uses, from the simplest to a combined one. */
export function realisticFilters(today: string): { name: string; filter: CaseFilter }[] {
  return [
    { name: 'stage shelter or documents', filter: { stage: ['shelter', 'documents'] } },
    { name: 'passport confiscated', filter: { passport: ['confiscated'] } },
    { name: 'country DE', filter: { country: ['DE'] } },
    { name: 'search "Ахмед" (Cyrillic)', filter: { search: 'Ахмед' } },
    { name: 'search "Akhmed" (Latin)', filter: { search: 'Akhmed' } },
    { name: 'search "Хадижат Исаева"', filter: { search: 'Хадижат Исаева' } },
    { name: 'overdue tasks', filter: { overdueOn: today } },
    {
      name: 'combined: abroad, DE/FR, psychological, search "ислам"',
      filter: { stage: ['arrived', 'resettled'], country: ['DE', 'FR'], needs: ['psychological'], search: 'ислам' },
    },
  ];
}

export interface FilterTiming {
  name: string;
  matches: number;
  medianMs: number;
  maxMs: number;
}

/** Times each filter over the open vault: a few warm-up runs, then `runs` measured ones. */
export function timeFilters(vault: Vault, today: string, runs = 15): FilterTiming[] {
  return realisticFilters(today).map(({ name, filter }) => {
    for (let i = 0; i < 3; i++) vault.listCases(filter);
    settle();
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      matches = vault.listCases(filter).length;
      times.push(performance.now() - start);
    }
    return { name, matches, medianMs: median(times), maxMs: Math.max(...times) };
  });
}
