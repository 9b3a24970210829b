import { describe, expect, it } from 'vitest';
import { newCaseOps, patchCaseOps, type OpContext } from '../oplog/caseOps.js';
import type { Op } from '../oplog/ops.js';
import { compareWithHeld, deepEqual } from './heldOps.js';
import { redactOps } from './redact.js';

let n = 0;
const ctx: OpContext = {
  author: 'b'.repeat(40),
  clock: () => `${String(1_700_000_000_000 + n++).padStart(15, '0')}-0000-0123456789abcdef`,
  newId: () => `id${String(n++).padStart(20, '0')}`,
};
const [create] = newCaseOps(
  {
    alias: 'Lema',
    legalName: 'Lema Legal',
    location: 'Almaty',
    contacts: [{ channel: 'signal', value: '+7 700', safetyNote: null }],
  },
  ctx,
) as [Op];
const [set] = patchCaseOps(create.caseId, [create], { location: 'Bishkek', stage: 'transit' }, ctx) as [Op];
const only = (op: Op, omit: Parameters<typeof redactOps>[1]) => redactOps([op], omit)[0]!;

describe('comparing an incoming op with the copy held under its id', () => {
  it('the same op, whatever its key order', () => {
    const reordered = Object.fromEntries(Object.entries(create).reverse()) as unknown as Op;
    expect(compareWithHeld(create, reordered)).toBe('same');
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('tells which copy lacks fields an export left out', () => {
    expect(compareWithHeld(only(create, ['legalName']), create)).toBe('incoming is fuller');
    expect(compareWithHeld(create, only(create, ['contacts', 'location']))).toBe('held is fuller');
    expect(compareWithHeld(only(create, ['legalName']), only(create, ['location']))).toBe('both partial');
    expect(compareWithHeld(only(set, ['legalName']), set)).toBe('same'); // the set op never had a legal name
    expect(compareWithHeld(only(set, ['location']), set)).toBe('incoming is fuller');
  });

  it('names any other difference under a known id', () => {
    const create2 = create as Extract<Op, { type: 'create' }>;
    expect(compareWithHeld(create, { ...create2, fields: { ...create2.fields, stage: 'exit' } })).toBe('different');
    expect(compareWithHeld(create, { ...create2, fields: { ...create2.fields, legalName: 'Someone Else' } })).toBe(
      'different',
    );
    expect(compareWithHeld(create, { ...create2, hlc: set.hlc })).toBe('different');
    expect(compareWithHeld(create, set)).toBe('different');
  });
});
