import { generateDemoOps } from '../shared/demo/generate.js';
import { DuplicateIndex, findDuplicates } from '../shared/dupes/scan.js';
import { personProfile } from '../shared/dupes/score.js';
import { evaluate, labelledPeople } from '../shared/dupes/testing/labelledPeople.js';
import { foldCaseOps } from '../shared/oplog/fold.js';
import type { Op } from '../shared/oplog/ops.js';
import { median, settle } from './measure.js';
import type { BenchModule, Section } from './types.js';

/**
 * Duplicate review: the scan over demo vaults of 10,000 and 100,000 cases (profiles from folded
 * cases, blocking, scoring), and precision and recall on a labelled set of people spelled under
 * the published schemes, beside different people with similar names.
 */
const SCAN_SIZES = [10_000, 100_000];

function demoCases(count: number) {
  const ops = generateDemoOps({
    count,
    seed: 11,
    author: 'a'.repeat(40),
    device: 'b'.repeat(16),
    now: Date.UTC(2026, 0, 1),
  });
  const byCase = new Map<string, Op[]>();
  for (const op of ops) {
    const list = byCase.get(op.caseId);
    if (list) list.push(op);
    else byCase.set(op.caseId, [op]);
  }
  return [...byCase.values()].map((caseOps) => foldCaseOps(caseOps)!);
}

export const dupesBench: BenchModule = {
  name: 'dupes',
  async run({ sizes, log }) {
    const rows: (string | number)[][] = [];
    for (const size of SCAN_SIZES.filter((s) => sizes.includes(s) || sizes.length === 0)) {
      log(`generating ${size} demo cases`);
      const cases = demoCases(size);
      const times: { profiles: number; scan: number; pairs: number; found: number }[] = [];
      for (let run = 0; run < 3; run++) {
        settle();
        const start = performance.now();
        const profiles = cases.map(personProfile);
        const built = performance.now();
        const index = new DuplicateIndex(profiles);
        const pairs = index.pairs().size;
        const found = findDuplicates(index).length;
        times.push({ profiles: built - start, scan: performance.now() - built, pairs, found });
      }
      const profilesMs = median(times.map((t) => t.profiles));
      const scanMs = median(times.map((t) => t.scan));
      rows.push([
        size.toLocaleString('en'),
        Math.round(profilesMs),
        Math.round(scanMs),
        Math.round(profilesMs + scanMs),
        times[0]!.pairs.toLocaleString('en'),
        times[0]!.found.toLocaleString('en'),
      ]);
    }
    const quality: (string | number)[][] = [];
    for (const seed of [3, 5, 9]) {
      const cases = labelledPeople(250, seed);
      const result = evaluate(cases, findDuplicates(new DuplicateIndex(cases.map((c) => personProfile(c.state)))));
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
            columns: ['cases', 'profiles ms', 'block + score ms', 'total ms', 'pairs scored', 'pairs shown'],
            rows,
          },
        ],
        notes: [
          'profiles = names parsed and folded, contacts and document numbers keyed, from already folded cases (a vault reads them in one pass over the op log first).',
          'Target: under 1 s at 10,000 cases.',
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
