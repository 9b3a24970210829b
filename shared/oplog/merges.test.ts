import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.js';
import { resolveMerges } from './merges.js';
import type { MergeOp } from './ops.js';

const id = (n: string) => n.padEnd(22, '_');
function merge(n: number, survivor: string, absorbed: string): MergeOp {
  return {
    id: id(`m${n}`),
    caseId: id(survivor),
    absorbed: id(absorbed),
    hlc: formatHlc({ ms: 1_700_000_000_000 + n, counter: 0, device: 'a'.repeat(16) }),
    author: 'a'.repeat(40),
    type: 'merge',
    fields: {},
    prev: {},
  };
}

describe('resolveMerges', () => {
  it('lets the earlier of two opposite merges decide the survivor, and ignores the later', () => {
    const { survivor, active } = resolveMerges([merge(2, 'x', 'y'), merge(1, 'y', 'x')], new Set());
    expect(survivor.get(id('x'))).toBe(id('y'));
    expect(survivor.has(id('y'))).toBe(false);
    expect([...active]).toEqual([id('m1')]);
  });

  it('follows chains: a case absorbed into one that is absorbed in turn shows as the last survivor', () => {
    const { survivor, members } = resolveMerges([merge(1, 'y', 'x'), merge(2, 'z', 'y')], new Set());
    expect(survivor.get(id('x'))).toBe(id('z'));
    expect(members.get(id('z'))).toEqual([id('x'), id('y'), id('z')]);
  });

  it('leaves undone merges out', () => {
    const { survivor } = resolveMerges([merge(1, 'y', 'x')], new Set([id('m1')]));
    expect(survivor.size).toBe(0);
  });

  it('draws the same groups whatever order the merges arrive in', () => {
    const cases = ['a', 'b', 'c', 'd', 'e'];
    const merges = fc.array(
      fc.tuple(fc.constantFrom(...cases), fc.constantFrom(...cases)).filter(([s, a]) => s !== a),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(merges, fc.infiniteStream(fc.nat()), (pairs, order) => {
        const ops = pairs.map(([s, a], n) => merge(n, s, a));
        const shuffled = [...ops];
        const picks = order[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = picks.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = resolveMerges(ops, new Set());
        const b = resolveMerges(shuffled, new Set());
        expect([...b.survivor].sort()).toEqual([...a.survivor].sort());
        expect([...b.active].sort()).toEqual([...a.active].sort());
      }),
    );
  });
});
