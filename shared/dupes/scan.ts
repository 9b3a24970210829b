import { REVIEW_THRESHOLD, scorePair, type DuplicateReason, type PersonProfile } from './score.js';

/**
 * Finding the pairs worth scoring without scoring every pair: cases are put in blocks by what a
 * duplicate must share (a contact, a document number, two words of a name, or a word and the
 * initial of another), and only cases sharing a block are compared.
 */
export interface DuplicateCandidate {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
}

/** Blocks with more members than this are compared within birth years only. */
const LARGE_BLOCK = 200;

/** One key for an unordered pair of case ids, as dismissals are stored. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** The blocks of a set of profiles: built once, then asked for all pairs or for one newcomer's. */
export class DuplicateIndex {
  /** Cases that all share the key: every pair inside is compared. */
  private readonly shared = new Map<string, number[]>();
  /** Whole word + another word's initial, for every name with two whole words. */
  private readonly byInitial = new Map<string, number[]>();
  /** The same keys, from names that hold an initial: they are compared with byInitial's cases. */
  private readonly probes = new Map<string, number[]>();

  constructor(readonly profiles: readonly PersonProfile[]) {
    profiles.forEach((p, i) => {
      const keys = blockKeys(p);
      for (const key of keys.shared) push(this.shared, key, i);
      for (const key of keys.byInitial) push(this.byInitial, key, i);
      for (const key of keys.probes) push(this.probes, key, i);
    });
  }

  /** Every pair sharing a block, as i * n + j with i < j. */
  pairs(): Set<number> {
    const n = this.profiles.length;
    const pairs = new Set<number>();
    const add = (i: number, j: number) => {
      if (i !== j) pairs.add(i < j ? i * n + j : j * n + i);
    };
    for (const members of this.shared.values()) {
      if (members.length > LARGE_BLOCK) {
        this.pairsByYear(members, members, add);
        continue;
      }
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) add(members[x]!, members[y]!);
    }
    for (const [key, probing] of this.probes) {
      const others = this.byInitial.get(key) ?? [];
      if (others.length * probing.length > LARGE_BLOCK * LARGE_BLOCK) this.pairsByYear(probing, others, add);
      else for (const other of others) for (const index of probing) add(index, other);
    }
    return pairs;
  }

  /**
   * In a block too large to compare every pair (a common name shared by hundreds of people), only
   * cases born within a year of each other are compared: a name alone cannot tell them apart there,
   * and a shared contact or document number has blocks of its own.
   */
  private pairsByYear(left: readonly number[], right: readonly number[], add: (i: number, j: number) => void): void {
    const byYear = new Map<number, number[]>();
    for (const j of right) {
      const year = this.profiles[j]!.birthYear;
      if (year === null) continue;
      const list = byYear.get(year);
      if (list) list.push(j);
      else byYear.set(year, [j]);
    }
    for (const i of left) {
      const year = this.profiles[i]!.birthYear;
      if (year === null) continue;
      for (const y of [year - 1, year, year + 1])
        for (const j of byYear.get(y) ?? []) if (left !== right || j > i) add(i, j);
    }
  }

  /** The indexes of the profiles sharing a block with one that is not in the index. */
  neighbours(profile: PersonProfile): Set<number> {
    const keys = blockKeys(profile);
    const found = new Set<number>();
    for (const key of keys.shared) for (const i of this.shared.get(key) ?? []) found.add(i);
    for (const key of keys.probes) for (const i of this.byInitial.get(key) ?? []) found.add(i);
    for (const key of keys.byInitial) for (const i of this.probes.get(key) ?? []) found.add(i);
    return found;
  }
}

function push(map: Map<string, number[]>, key: string, index: number) {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list.at(-1) !== index) list.push(index);
}

function blockKeys(profile: PersonProfile): { shared: Set<string>; byInitial: Set<string>; probes: Set<string> } {
  const shared = new Set<string>();
  const byInitial = new Set<string>();
  const probes = new Set<string>();
  for (const key of profile.contacts.keys()) shared.add(`c:${key}`);
  for (const number of profile.documentNumbers) shared.add(`d:${number}`);
  for (const name of profile.names) {
    const whole = name.words.filter((w) => !w.initial);
    const initials = name.words.filter((w) => w.initial);
    for (let i = 0; i < whole.length; i++) {
      const keysI = whole[i]!.keys;
      for (let j = 0; j < whole.length; j++) {
        if (j === i) continue;
        for (const kj of whole[j]!.keys)
          for (const ki of keysI) {
            if (j > i) shared.add(`n:${ki < kj ? `${ki}|${kj}` : `${kj}|${ki}`}`);
            byInitial.add(`i:${ki}|${kj[0]}`);
          }
      }
      for (const initial of initials)
        for (const ki of keysI)
          for (const l of initial.keys) {
            probes.add(`i:${ki}|${l}`);
            // Two names with an initial each ("Зарема М.", "Zarema M.") share a block of their own.
            shared.add(`ii:${ki}|${l}`);
          }
    }
  }
  return { shared, byInitial, probes };
}

/**
 * Every pair of cases that may be one person, best first, leaving out the pairs a person said are
 * not (`dismissed`, by pairKey).
 */
export function findDuplicates(
  index: DuplicateIndex,
  dismissed: ReadonlySet<string> = new Set(),
  threshold = REVIEW_THRESHOLD,
): DuplicateCandidate[] {
  const { profiles } = index;
  const n = profiles.length;
  const out: DuplicateCandidate[] = [];
  for (const pair of index.pairs()) {
    const a = profiles[Math.floor(pair / n)]!;
    const b = profiles[pair % n]!;
    if (dismissed.has(pairKey(a.id, b.id))) continue;
    const { score, reasons } = scorePair(a, b);
    if (score >= threshold)
      out.push(a.id < b.id ? { a: a.id, b: b.id, score, reasons } : { a: b.id, b: a.id, score, reasons });
  }
  return out.sort(byScore);
}

/** The cases that may be the person being typed in (not yet a case), best first; `a` is the draft. */
export function findMatchesFor(draft: PersonProfile, index: DuplicateIndex, threshold: number): DuplicateCandidate[] {
  const out: DuplicateCandidate[] = [];
  for (const i of index.neighbours(draft)) {
    const other = index.profiles[i]!;
    const { score, reasons } = scorePair(draft, other);
    if (score >= threshold) out.push({ a: draft.id, b: other.id, score, reasons });
  }
  return out.sort(byScore);
}

function byScore(x: DuplicateCandidate, y: DuplicateCandidate): number {
  return y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
}
