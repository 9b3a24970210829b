import {
  NAME_YEAR_WINDOW,
  pairScore,
  REVIEW_THRESHOLD,
  scorePair,
  type DuplicateReason,
  type PersonProfile,
} from './score.js';

/** A pair of cases that may be one person: its score and the reasons for it. */
export interface DuplicateCandidate {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
}

/** Blocks with more members than this leave out cases without a birth year. */
const LARGE_BLOCK = 200;

/** One key for an unordered pair of case ids, as dismissals are stored. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** The cases sharing one key, sorted by birth year once built, so that a window of years is one slice. */
class Block {
  readonly members: number[] = [];
  /** Members with a birth year, by year; `years[k]` is `known[k]`'s. */
  private years: number[] = [];
  private known: number[] = [];
  private unknown: number[] = [];

  seal(profiles: readonly PersonProfile[]): void {
    if (this.members.length === 1) {
      // Most blocks: one case alone with its key (no sort, no copies).
      const year = profiles[this.members[0]!]!.birthYear;
      if (year === null) this.unknown = this.members;
      else [this.known, this.years] = [this.members, [year]];
      return;
    }
    const dated = this.members.filter((i) => profiles[i]!.birthYear !== null);
    dated.sort((x, y) => profiles[x]!.birthYear! - profiles[y]!.birthYear! || x - y);
    this.known = dated;
    this.years = dated.map((i) => profiles[i]!.birthYear!);
    this.unknown = this.members.filter((i) => profiles[i]!.birthYear === null);
  }

  /**
   * The members born within NAME_YEAR_WINDOW of `year`, and those without a year when `unknownToo`;
   * every member when `year` is unknown and `unknownToo`, none when it is unknown otherwise.
   */
  near(year: number | null, unknownToo: boolean, take: (j: number) => void): void {
    if (year === null) {
      if (unknownToo) for (const j of this.members) take(j);
      return;
    }
    let lo = 0;
    let hi = this.years.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.years[mid]! < year - NAME_YEAR_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.years.length && this.years[k]! <= year + NAME_YEAR_WINDOW; k++) take(this.known[k]!);
    if (unknownToo) for (const j of this.unknown) take(j);
  }
}

/** Where to look for one case's possible partners: a block, and how to read it. */
interface Lookup {
  block: Block;
  /** Compare only cases born within NAME_YEAR_WINDOW of each other (a name is all they share). */
  byYear: boolean;
  /** Compare cases without a birth year too (the blocks are small enough). */
  unknownToo: boolean;
}

/**
 * The blocks of a set of profiles: built once, then asked for all pairs or for one newcomer's.
 * Cases are put in blocks by what a duplicate must share (a contact, a document number, two words
 * of a name, or a word and the initial of another), and only cases sharing a block are compared:
 * by a name alone, only when born within NAME_YEAR_WINDOW of each other, since further apart a
 * name scores under every threshold and a shared contact or document number has blocks of its own.
 */
export class DuplicateIndex {
  /** A shared contact or document number: worth a look whatever the birth years say. */
  private readonly identifiers = new Map<string, Block>();
  /** Two words of a name, or two names with an initial each. */
  private readonly names = new Map<string, Block>();
  /** Whole word + another word's initial, for every name with two whole words. */
  private readonly byInitial = new Map<string, Block>();
  /** The same keys, from names that hold an initial: they are compared with byInitial's cases. */
  private readonly probes = new Map<string, Block>();
  /** Each case's lookups, by its index. */
  private readonly lookups: Lookup[][];

  constructor(readonly profiles: readonly PersonProfile[]) {
    const keysOf = profiles.map(blockKeys);
    keysOf.forEach((keys, i) => {
      for (const key of keys.identifiers) blockFor(this.identifiers, key).members.push(i);
      for (const key of keys.names) blockFor(this.names, key).members.push(i);
      for (const key of keys.byInitial) blockFor(this.byInitial, key).members.push(i);
      for (const key of keys.probes) blockFor(this.probes, key).members.push(i);
    });
    for (const map of [this.identifiers, this.names, this.byInitial, this.probes])
      for (const block of map.values()) block.seal(profiles);
    this.lookups = keysOf.map((keys, i) => this.lookupsFor(keys, i));
  }

  /** `self`: the case's own index, whose blocks of one need no look (-1 for a newcomer). */
  private lookupsFor(keys: BlockKeys, self: number): Lookup[] {
    const out: Lookup[] = [];
    const small = (...blocks: Block[]) => blocks.every((b) => b.members.length <= LARGE_BLOCK);
    for (const key of keys.identifiers) {
      const block = this.identifiers.get(key);
      if (block?.members.length === 1 && block.members[0] === self) continue;
      // A phone number hundreds of cases share (a hotline written as the contact) says little alone.
      if (block)
        out.push(
          small(block) ? { block, byYear: false, unknownToo: true } : { block, byYear: true, unknownToo: false },
        );
    }
    for (const key of keys.names) {
      const block = this.names.get(key);
      if (block?.members.length === 1 && block.members[0] === self) continue;
      if (block) out.push({ block, byYear: true, unknownToo: small(block) });
    }
    for (const [own, other, map] of [
      [keys.probes, this.probes, this.byInitial],
      [keys.byInitial, this.byInitial, this.probes],
    ] as const)
      for (const key of own) {
        const block = map.get(key);
        if (block) out.push({ block, byYear: true, unknownToo: small(block, other.get(key) ?? block) });
      }
    return out;
  }

  /** Every pair sharing a block, once each, as (i, j) with i < j; one case's partners at a time. */
  forEachPair(visit: (i: number, j: number) => void): void {
    const seen = new Set<number>();
    for (let i = 0; i < this.profiles.length; i++) {
      seen.clear();
      const take = (j: number) => {
        if (j > i && !seen.has(j)) {
          seen.add(j);
          visit(i, j);
        }
      };
      this.visitLookups(this.lookups[i]!, this.profiles[i]!.birthYear, take);
    }
  }

  private visitLookups(lookups: readonly Lookup[], year: number | null, take: (j: number) => void): void {
    for (const { block, byYear, unknownToo } of lookups) {
      if (byYear) block.near(year, unknownToo, take);
      else for (const j of block.members) take(j);
    }
  }

  private byId: Map<string, PersonProfile> | undefined;

  /** A profile by its case id (looked up once per match, so kept as a map after the first ask). */
  profileOf(id: string): PersonProfile | undefined {
    this.byId ??= new Map(this.profiles.map((p) => [p.id, p]));
    return this.byId.get(id);
  }

  /** The indexes of the profiles sharing a block with one that is not in the index. */
  neighbours(profile: PersonProfile): Set<number> {
    const found = new Set<number>();
    this.visitLookups(this.lookupsFor(blockKeys(profile), -1), profile.birthYear, (j) => found.add(j));
    return found;
  }
}

function blockFor(map: Map<string, Block>, key: string): Block {
  let block = map.get(key);
  if (!block) map.set(key, (block = new Block()));
  return block;
}

interface BlockKeys {
  identifiers: Set<string>;
  names: Set<string>;
  byInitial: Set<string>;
  probes: Set<string>;
}

function blockKeys(profile: PersonProfile): BlockKeys {
  const identifiers = new Set<string>();
  const names = new Set<string>();
  const byInitial = new Set<string>();
  const probes = new Set<string>();
  for (const key of profile.contacts.keys()) identifiers.add(`c:${key}`);
  for (const number of profile.documentNumbers) identifiers.add(`d:${number}`);
  for (const name of profile.names) {
    const whole = name.words.filter((w) => !w.initial);
    const initials = name.words.filter((w) => w.initial);
    for (let i = 0; i < whole.length; i++) {
      const keysI = whole[i]!.keys;
      for (let j = 0; j < whole.length; j++) {
        if (j === i) continue;
        for (const kj of whole[j]!.keys)
          for (const ki of keysI) {
            if (j > i) names.add(`n:${ki < kj ? `${ki}|${kj}` : `${kj}|${ki}`}`);
            byInitial.add(`i:${ki}|${kj[0]}`);
          }
      }
      for (const initial of initials)
        for (const ki of keysI)
          for (const l of initial.keys) {
            probes.add(`i:${ki}|${l}`);
            // Two names with an initial each ("Зарема М.", "Zarema M.") share a block of their own.
            names.add(`ii:${ki}|${l}`);
          }
    }
  }
  return { identifiers, names, byInitial, probes };
}

/** The likeliest pairs (at most the limit asked for), and how many there are in all. */
export interface DuplicateScan {
  candidates: DuplicateCandidate[];
  total: number;
}

/**
 * The pairs of cases that may be one person, best first, leaving out the pairs a person said are
 * not (`dismissed`, by pairKey). Only the `limit` likeliest are kept: a list of thousands helps
 * nobody, and merging or dismissing the first ones brings the next into view.
 */
export function findDuplicates(
  index: DuplicateIndex,
  dismissed: ReadonlySet<string> = new Set(),
  threshold = REVIEW_THRESHOLD,
  limit = Infinity,
): DuplicateScan {
  const { profiles } = index;
  let kept: DuplicateCandidate[] = [];
  let total = 0;
  // Once the list has been cut back to `limit`, a pair scoring under its last can never make it.
  let floor = threshold;
  index.forEachPair((i, j) => {
    const a = profiles[i]!;
    const b = profiles[j]!;
    if (dismissed.size > 0 && dismissed.has(pairKey(a.id, b.id))) return;
    const score = pairScore(a, b);
    if (score < threshold) return;
    total += 1;
    if (score < floor) return;
    const { reasons } = scorePair(a, b);
    kept.push(a.id < b.id ? { a: a.id, b: b.id, score, reasons } : { a: b.id, b: a.id, score, reasons });
    if (kept.length >= 2 * limit + 1024) {
      kept = kept.sort(byScore).slice(0, limit);
      floor = kept.at(-1)!.score;
    }
  });
  kept.sort(byScore);
  return { candidates: kept.length > limit ? kept.slice(0, limit) : kept, total };
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
