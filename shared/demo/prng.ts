/**
 * A tiny seeded PRNG (sfc32, from PractRand) and the draws the demo generator needs. Demo data must
 * be reproducible from its seed, so nothing here touches Math.random or the system CSPRNG.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the 128-bit state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One key of a weight table made by `weights`. */
  weighted<K extends string>(table: Weights<K>): K {
    const r = this.next() * table.total;
    const { keys, upTo } = table;
    for (let i = 0; i < keys.length - 1; i++) if (r < upTo[i]!) return keys[i]!;
    return keys[keys.length - 1]!;
  }

  /** A few distinct items, each kept with probability p, in the order given. */
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

export interface Weights<K extends string> {
  keys: readonly K[];
  /** Cumulative weights, so a draw is one scan without allocating. */
  upTo: readonly number[];
  total: number;
}

/** Compiles a table of relative weights once, at module load, for many draws. */
export function weights<K extends string>(table: Readonly<Record<K, number>>): Weights<K> {
  const keys = (Object.keys(table) as K[]).filter((k) => table[k] > 0);
  let total = 0;
  const upTo = keys.map((k) => (total += table[k]));
  return { keys, upTo, total };
}
