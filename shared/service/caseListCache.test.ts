import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOps } from '../demo/generate.js';
import { RISKS, STAGES } from '../model/case.js';
import type { CaseFilter } from '../search/filter.js';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from '../vault/vault.js';
import { CaseListCache, isEmptyFilter } from './caseListCache.js';
import { sortRows, toCaseRow, type Sort } from './caseRows.js';
import { CASE_SORT_KEYS } from '../ipc/contract.js';

/**
 * The kept orders must give exactly the pages a fresh sort of every row gives, after any run of
 * edits, new cases and purges: checked against the plain way on a real vault.
 */
let vault: Vault;
let cleanup: () => void;
beforeAll(async () => {
  const temp = makeTempDir('crossing-list-cache-');
  cleanup = temp.cleanup;
  ({ vault } = await Vault.create(`${temp.dir}/v.crossing-vault`, {
    passphrase: 'list cache passphrase',
    kdf: 'interactive',
    displayName: 'Lists',
  }));
  vault.commitOps(
    generateDemoOps({ count: 300, seed: 7, author: vault.me.fingerprint, device: 'c0c0c0c0c0c0c0c0', now: Date.now() }),
  );
}, 60_000);
afterAll(() => {
  vault.lock();
  cleanup();
});

function plainPage(filter: CaseFilter, sort: Sort, offset: number, limit: number, today: string) {
  const rows = sortRows(
    vault.listCases(filter).map((c) => toCaseRow(c, today)),
    sort,
  );
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}

const sortArb = fc.record({ key: fc.constantFrom(...CASE_SORT_KEYS), direction: fc.constantFrom('asc', 'desc') });
const filterArb: fc.Arbitrary<CaseFilter> = fc.oneof(
  fc.constant({}),
  fc.record({ stage: fc.subarray([...STAGES], { minLength: 1 }) }),
  fc.record({ risk: fc.subarray([...RISKS], { minLength: 1 }) }),
  fc.record({ search: fc.constantFrom('а', 'Ахмед', 'ali', 'zz-none', '  ') }),
  fc.record({ country: fc.constant<string[]>(['DE', 'FR']), stage: fc.subarray([...STAGES], { minLength: 1 }) }),
);
type Step =
  | { kind: 'query'; filter: CaseFilter; sort: Sort; offset: number; limit: number; today: string }
  | { kind: 'edit'; pick: number; alias: string; risk: (typeof RISKS)[number]; stage: (typeof STAGES)[number] }
  | { kind: 'add'; alias: string }
  | { kind: 'purge'; pick: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      filter: filterArb,
      sort: sortArb,
      offset: fc.nat(320),
      limit: fc.integer({ min: 1, max: 60 }),
      today: fc.constantFrom('2026-06-15', '2026-12-03'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      alias: fc.constantFrom('Адам', 'adam', 'Zelim', 'Ахмед 2', 'Bela'),
      risk: fc.constantFrom(...RISKS),
      stage: fc.constantFrom(...STAGES.filter((s) => s !== 'closed')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('add' as const), alias: fc.constantFrom('Ахмед', 'Chingiz', 'Ali') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), pick: fc.nat() }) },
);

describe('the case list kept in sorted orders', () => {
  it('gives the same pages as sorting every row for each request, through edits, new cases and purges', () => {
    const cache = new CaseListCache();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 5, maxLength: 25 }), (steps) => {
        for (const step of steps) {
          const ids = [...vault.allCases()].map((c) => c.id);
          if (step.kind === 'query') {
            const { filter, sort, offset, limit, today } = step;
            expect(cache.page(vault, filter, sort, offset, limit, today)).toEqual(
              plainPage(filter, sort, offset, limit, today),
            );
          } else if (step.kind === 'edit' && ids.length > 0) {
            const { alias, risk, stage } = step;
            vault.updateCase(ids[step.pick % ids.length]!, { alias, risk, stage });
          } else if (step.kind === 'add') {
            vault.addCase({ alias: step.alias });
          } else if (step.kind === 'purge' && ids.length > 1) {
            vault.purgeCase(ids[step.pick % ids.length]!, new Date().toISOString());
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('reads every row again when many cases changed at once, and forgets them all when cleared', () => {
    const cache = new CaseListCache();
    const sort: Sort = { key: 'alias', direction: 'asc' };
    cache.page(vault, {}, sort, 0, 10, '2026-12-03');
    vault.commitOps(
      generateDemoOps({
        count: 50,
        seed: 8,
        author: vault.me.fingerprint,
        device: 'c1c1c1c1c1c1c1c1',
        now: Date.now(),
      }),
    );
    expect(cache.page(vault, {}, sort, 5, 40, '2026-12-03')).toEqual(plainPage({}, sort, 5, 40, '2026-12-03'));
    cache.clear();
    expect(cache.page(vault, { risk: ['high'] }, sort, 0, 5, '2026-12-03')).toEqual(
      plainPage({ risk: ['high'] }, sort, 0, 5, '2026-12-03'),
    );
  });

  it('knows a filter that lets every case through', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ stage: [], search: '  ' })).toBe(true);
    expect(isEmptyFilter({ hasConflicts: false })).toBe(false);
    expect(isEmptyFilter({ search: 'a' })).toBe(false);
  });
});
