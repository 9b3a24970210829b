import { foldDemoCases } from '../shared/demo/generate.js';
import { DuplicateIndex, findDuplicates } from '../shared/dupes/scan.js';
import { NAME_YEAR_WINDOW, personProfile, REVIEW_THRESHOLD } from '../shared/dupes/score.js';
import { DUPLICATES_SHOWN } from '../shared/dupes/vaultDuplicates.js';
import { evaluate, labelledPeople } from '../shared/dupes/testing/labelledPeople.js';
import { median, settle } from './measure.js';
import type { BenchModule, Section } from './types.js';

/**
 * Duplicate review: the scan over demo vaults of 10,000 and 100,000 cases (profiles from folded
 * cases, blocking, scoring), and precision and recall on a labelled set of people spelled under
 * the published schemes, beside different people with similar names.
 */
const SCAN_SIZES = [10_000, 100_000];
const [TARGET_CASES, TARGET_MS] = [10_000, 1000];

const demoCases = (count: number) =>
  foldDemoCases({ count, seed: 11, author: 'a'.repeat(40), device: 'b'.repeat(16), now: Date.UTC(2026, 0, 1) });

export const dupesBench: BenchModule = {
  name: 'dupes',
  async run({ sizes, log }) {
    const rows: (string | number)[][] = [];
    let targetMs: number | null = null;
    for (const size of SCAN_SIZES.filter((s) => sizes.includes(s) || sizes.length === 0)) {
      log(`generating ${size} demo cases`);
      const cases = demoCases(size);
      const times: { profiles: number; scan: number; pairs: number; found: number; rss: number }[] = [];
      for (let run = 0; run < 3; run++) {
        settle();
        const before = process.memoryUsage().rss;
        let peak = before;
        const start = performance.now();
        const profiles = cases.map(personProfile);
        const built = performance.now();
        const index = new DuplicateIndex(profiles);
        const found = findDuplicates(index, new Set(), REVIEW_THRESHOLD, DUPLICATES_SHOWN).total;
        const scan = performance.now() - built;
        peak = Math.max(peak, process.memoryUsage().rss);
        let pairs = 0;
        index.forEachPair(() => (pairs += 1));
        times.push({ profiles: built - start, scan, pairs, found, rss: (peak - before) / 2 ** 20 });
      }
      const profilesMs = median(times.map((t) => t.profiles));
      const scanMs = median(times.map((t) => t.scan));
      if (size === TARGET_CASES) targetMs = profilesMs + scanMs;
      rows.push([
        size.toLocaleString('en'),
        Math.round(profilesMs),
        Math.round(scanMs),
        Math.round(profilesMs + scanMs),
        times[0]!.pairs.toLocaleString('en'),
        times[0]!.found.toLocaleString('en'),
        Math.round(median(times.map((t) => t.rss))),
      ]);
    }
    const quality: (string | number)[][] = [];
    for (const seed of [3, 5, 9]) {
      const cases = labelledPeople(250, seed);
      const found = findDuplicates(new DuplicateIndex(cases.map((c) => personProfile(c.state)))).candidates;
      const result = evaluate(cases, found);
      quality.push([
        seed,
        cases.length,
        `${result.foundScheme}/${result.schemePairs}`,
        `${(100 * result.schemeRecall).toFixed(1)}%`,
        `${(100 * result.recall).toFixed(1)}%`,
        `${result.foundTrue}/${result.found}`,
        `${(100 * result.precision).toFixed(1)}%`,
      ]);
    }
    const sections: Section[] = [
      {
        title: 'Duplicate scan (demo cases, median of 3)',
        tables: [
          {
            columns: [
              'cases',
              'profiles ms',
              'block + score ms',
              'total ms',
              'pairs scored',
              'pairs found',
              'RSS growth MB',
            ],
            rows,
          },
        ],
        notes: [
          'profiles = names parsed and folded, contacts and document numbers keyed, from already folded cases (a vault reads them in one pass over the op log first).',
          `pairs scored = pairs sharing a block (a contact, a document number, two name words, a word and an initial) and, by a name alone, born within ${NAME_YEAR_WINDOW} years; pairs found = those at the review threshold, of which the ${DUPLICATES_SHOWN} likeliest are kept.`,
          'RSS growth is measured after the scan (profiles, blocks and the kept pairs), from the process before it.',
          `Target: under 1 s at 10,000 cases — ${targetMs === null ? 'not run' : targetMs < TARGET_MS ? 'met' : 'MISSED'}.`,
        ],
      },
      {
        title: 'Duplicate detection quality (labelled set: 250 people, 1–3 cases each, plus similar-named strangers)',
        tables: [
          {
            columns: [
              'seed',
              'cases',
              'scheme pairs found',
              'recall (schemes)',
              'recall (all)',
              'true / shown',
              'precision',
            ],
            rows: quality,
          },
        ],
        notes: [
          'Same person: Cyrillic, ICAO 9303, BGN/PCGN, GOST 7.79, MVD-310, MVD-310 French, Wikipedia, Telegram (iuliia) and a German table; word order swapped, patronymic added, or the surname cut to an initial.',
          'Strangers: siblings (same surname), same given name, and namesakes born 5–20 years apart.',
          'recall (schemes) counts pairs where both names are written out: target 100%. recall (all) adds pairs where one name is only an initial, shown only with the same birth year or a shared contact.',
          'False positives are namesakes where one case has no birth year, and initials with the same year: a person must look at those.',
        ],
      },
    ];
    return sections;
  },
};
