import type { Stage } from '../model/case.js';
import type { Prng } from './prng.js';

/**
 * Where each demo case ends up, per 150 cases: the network's real proportions (about 130 of 150
 * people abroad), a handful still on the way, a few closed. Fixed quotas rather than independent
 * draws, so that 150 cases always show ~130 abroad and every stage, whatever the seed.
 */
export const OUTCOME_QUOTAS_PER_150: Readonly<Record<Stage, number>> = {
  intake: 2,
  verification: 3,
  shelter: 4,
  documents: 3,
  exit: 2,
  transit: 1,
  arrived: 62,
  resettled: 68,
  closed: 5,
};

/** One final stage per case, by largest remainder over the quotas, in random order. */
export function assignOutcomes(count: number, rng: Prng): Stage[] {
  const entries = Object.entries(OUTCOME_QUOTAS_PER_150) as [Stage, number][];
  const exact = entries.map(([stage, q]) => ({ stage, exact: (count * q) / 150 }));
  const counts = exact.map((e) => ({ stage: e.stage, n: Math.floor(e.exact), rest: e.exact - Math.floor(e.exact) }));
  let missing = count - counts.reduce((sum, c) => sum + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    c.n += 1;
  }
  const out: Stage[] = [];
  for (const c of counts) for (let i = 0; i < c.n; i++) out.push(c.stage);
  return rng.shuffle(out);
}
