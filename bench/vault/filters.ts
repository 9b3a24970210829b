import type { CaseFilter } from '../../shared/search/filter.js';
import type { Vault } from '../../shared/vault/vault.js';
import { CaseListCache } from '../../shared/service/caseListCache.js';
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

export interface PageTiming {
  name: string;
  /** False for the first request of a list, which builds what later pages reuse. */
  kept: boolean;
  medianMs: number;
  maxMs: number;
}

/** Times pages of the case list as a scroll asks for them, through the service's kept orders. */
export function timePages(vault: Vault, today: string, runs = 15): PageTiming[] {
  const cache = new CaseListCache();
  const byUpdate = { key: 'updatedAt', direction: 'desc' } as const;
  const byAlias = { key: 'alias', direction: 'asc' } as const;
  const middle = Math.floor(vault.caseCount / 2);
  const once = (name: string, run: () => void): PageTiming => {
    settle();
    const start = performance.now();
    run();
    const ms = performance.now() - start;
    return { name, kept: false, medianMs: ms, maxMs: ms };
  };
  const repeated = (name: string, run: (i: number) => void, before?: (i: number) => void): PageTiming => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      before?.(i);
      const start = performance.now();
      run(i);
      times.push(performance.now() - start);
    }
    return { name, kept: true, medianMs: median(times), maxMs: Math.max(...times) };
  };
  const ids = [...vault.allCases()].map((c) => c.id);
  return [
    once('first page after unlock (newest first)', () => cache.page(vault, {}, byUpdate, 0, 50, today)),
    repeated('page at the middle (newest first)', (i) => cache.page(vault, {}, byUpdate, middle + i * 50, 50, today)),
    once('first page sorted by alias', () => cache.page(vault, {}, byAlias, 0, 50, today)),
    repeated('page at the middle by alias', (i) => cache.page(vault, {}, byAlias, middle + i * 50, 50, today)),
    repeated(
      'page after editing one case (by alias)',
      () => cache.page(vault, {}, byAlias, middle, 50, today),
      (i) => vault.updateCase(ids[(i * 997) % ids.length]!, { alias: `Ахмед ${i}` }),
    ),
    once('first page of search "Ахмед"', () => cache.page(vault, { search: 'Ахмед' }, byAlias, 0, 50, today)),
    repeated('later pages of search "Ахмед"', (i) =>
      cache.page(vault, { search: 'Ахмед' }, byAlias, i * 50, 50, today),
    ),
  ];
}
