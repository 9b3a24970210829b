import { describe, expect, it } from 'vitest';
import { newCaseOps, patchCaseOps, type OpContext } from '../oplog/caseOps.js';
import { opSchema } from '../oplog/ops.js';
import { redactOps } from './redact.js';

let n = 0;
const ctx: OpContext = {
  author: 'a'.repeat(40),
  clock: () => `${String(1_700_000_000_000 + n++).padStart(15, '0')}-0000-0123456789abcdef`,
  newId: () => `id${String(n++).padStart(20, '0')}`,
};

describe('leaving fields out of an export', () => {
  const created = newCaseOps(
    {
      alias: 'Adam',
      legalName: 'Adam Legal',
      otherNames: ['Адам'],
      location: 'Baku',
      contacts: [{ channel: 'telegram', value: '@adam', safetyNote: null }],
      tasks: [{ text: 'passport photos', due: null, done: false }],
    },
    ctx,
  );
  const caseId = created[0]!.caseId;
  const edits = patchCaseOps(caseId, created, { location: 'Tbilisi', stage: 'transit', contacts: [] }, ctx);
  const onlyLocation = patchCaseOps(caseId, [...created, ...edits], { location: 'Istanbul' }, ctx);
  const all = [...created, ...edits, ...onlyLocation];

  it('blanks them in the create op, drops them from set ops, drops contact item ops', () => {
    const out = redactOps(all, ['legalName', 'otherNames', 'location', 'contacts']);
    const json = JSON.stringify(out);
    for (const secret of ['Adam Legal', 'Адам', 'Baku', 'Tbilisi', 'Istanbul', '@adam'])
      expect(json).not.toContain(secret);
    expect(json).toContain('passport photos');
    expect(json).toContain('transit');
    expect(out.some((op) => op.type === 'item' && op.list === 'contacts')).toBe(false);
    expect(out.find((op) => op.id === onlyLocation[0]!.id)).toBeUndefined(); // left empty, so dropped
    for (const op of out) expect(opSchema.safeParse(op).success).toBe(true);
    expect(out.map((op) => op.id)).toEqual(all.filter((op) => out.some((o) => o.id === op.id)).map((op) => op.id));
  });

  it('changes nothing when nothing is left out, and never changes its input', () => {
    const before = JSON.stringify(all);
    expect(redactOps(all, [])).toEqual(all);
    redactOps(all, ['location']);
    expect(JSON.stringify(all)).toBe(before);
  });
});
