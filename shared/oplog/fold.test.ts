import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSPORT_STATUSES, STAGES } from '../model/case.js';
import { newCaseOps, noteOp, patchCaseOps, resolveConflictOp, type OpContext } from './caseOps.js';
import { foldCaseOps } from './fold.js';
import { formatHlc } from './hlc.js';
import type { Op } from './ops.js';

/** A writer with its own device clock; ids are deterministic so failures shrink and replay. */
function writer(device: string, author: string, start = 1_700_000_000_000): OpContext & { now: number } {
  let counter = 0;
  let idSeq = 0;
  const ctx = {
    now: start,
    author,
    clock: () => formatHlc({ ms: ctx.now, counter: counter++, device }),
    newId: () => `${device.slice(0, 4)}${String(idSeq++).padStart(18, '0')}`,
  };
  return ctx;
}

const A = writer('aaaaaaaaaaaaaaaa', 'a'.repeat(40));
const B = writer('bbbbbbbbbbbbbbbb', 'b'.repeat(40));

/** Random histories: one case, then edits by two writers who each saw some prefix of the other's ops. */
const historyArb = fc
  .array(
    fc.record({
      by: fc.constantFrom('A', 'B'),
      seesAll: fc.boolean(),
      kind: fc.constantFrom('stage', 'passport', 'note', 'task', 'alias'),
      stage: fc.constantFrom(...STAGES.filter((s) => s !== 'closed')),
      passport: fc.constantFrom(...PASSPORT_STATUSES),
      text: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
    }),
    { maxLength: 14 },
  )
  .map((steps) => {
    const a = writer('aaaaaaaaaaaaaaaa', 'a'.repeat(40));
    const b = writer('bbbbbbbbbbbbbbbb', 'b'.repeat(40));
    const all: Op[] = newCaseOps({ alias: 'Хеда' }, a);
    const caseId = all[0]!.caseId;
    steps.forEach((step, i) => {
      const ctx = step.by === 'A' ? a : b;
      ctx.now += 1000 + i;
      // A writer that has not seen everything edits from an older view: that makes concurrency.
      const view = step.seesAll ? all : all.slice(0, Math.max(1, Math.floor(all.length / 2)));
      let ops: Op[];
      if (step.kind === 'note') ops = [noteOp(caseId, step.text, ctx)];
      else if (step.kind === 'stage') ops = patchCaseOps(caseId, view, { stage: step.stage }, ctx);
      else if (step.kind === 'passport') ops = patchCaseOps(caseId, view, { passport: step.passport }, ctx);
      else if (step.kind === 'alias') ops = patchCaseOps(caseId, view, { alias: step.text }, ctx);
      else ops = patchCaseOps(caseId, view, { tasks: [{ text: step.text, due: null, done: false }] }, ctx);
      all.push(...ops);
    });
    return all;
  });

describe('foldCaseOps', () => {
  it('gives the same case for every order of the same ops', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (ops, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        expect(foldCaseOps(shuffled)).toEqual(foldCaseOps(ops));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when ops arrive twice', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat()), (ops, picks) => {
        const repeated = [...ops, ...picks.map((p) => ops[p % ops.length]!)];
        expect(foldCaseOps(repeated)).toEqual(foldCaseOps(ops));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps concurrent writes to one field as a conflict with both values and authors', () => {
    const base = newCaseOps({ alias: 'Ахмед', stage: 'shelter' }, A);
    const caseId = base[0]!.caseId;
    const byA = patchCaseOps(caseId, base, { stage: 'documents' }, A);
    const byB = patchCaseOps(caseId, base, { stage: 'exit' }, B);
    const folded = foldCaseOps([...base, ...byB, ...byA])!;
    expect(folded.conflicts).toHaveLength(1);
    const conflict = folded.conflicts[0]!;
    expect(conflict.key).toBe('stage');
    expect(conflict.candidates.map((c) => c.value).sort()).toEqual(['documents', 'exit']);
    expect(new Set(conflict.candidates.map((c) => c.author))).toEqual(new Set([A.author, B.author]));
    // Until someone picks, the newest write is shown.
    expect(folded.fields.stage).toBe(conflict.candidates[0]!.value);
  });

  it('settles a conflict when a person picks one value, on every replica', () => {
    const base = newCaseOps({ alias: 'Ахмед' }, A);
    const caseId = base[0]!.caseId;
    const all = [
      ...base,
      ...patchCaseOps(caseId, base, { risk: 'critical' }, A),
      ...patchCaseOps(caseId, base, { risk: 'low' }, B),
    ];
    const pickLow = foldCaseOps(all)!.conflicts[0]!.candidates.find((c) => c.value === 'low')!;
    const resolved = [...all, resolveConflictOp(caseId, all, 'risk', pickLow.opId, A)];
    const folded = foldCaseOps(resolved.reverse())!;
    expect(folded.conflicts).toEqual([]);
    expect(folded.fields.risk).toBe('low');
  });

  it('does not call identical concurrent values a conflict', () => {
    const base = newCaseOps({ alias: 'Ахмед' }, A);
    const caseId = base[0]!.caseId;
    const all = [
      ...base,
      ...patchCaseOps(caseId, base, { passport: 'issued' }, A),
      ...patchCaseOps(caseId, base, { passport: 'issued' }, B),
    ];
    expect(foldCaseOps(all)!.conflicts).toEqual([]);
  });

  it('shows a concurrent edit and removal of one list item as a conflict, not a silent loss', () => {
    const base = newCaseOps({ alias: 'Ахмед', tasks: [{ text: 'call consulate', due: null, done: false }] }, A);
    const caseId = base[0]!.caseId;
    const taskId = foldCaseOps(base)!.tasks[0]!.id;
    const done = patchCaseOps(
      caseId,
      base,
      { tasks: [{ id: taskId, text: 'call consulate', due: null, done: true }] },
      A,
    );
    const removed = patchCaseOps(caseId, base, { tasks: [] }, B);
    const folded = foldCaseOps([...base, ...removed, ...done])!;
    expect(folded.conflicts.map((c) => c.key)).toEqual([`tasks/${taskId}`]);
  });

  it('waits for the create op before showing a case', () => {
    const base = newCaseOps({ alias: 'Ахмед' }, A);
    const later = patchCaseOps(base[0]!.caseId, base, { stage: 'exit' }, A);
    expect(foldCaseOps(later)).toBeNull();
    expect(foldCaseOps([...later, ...base])!.fields.stage).toBe('exit');
  });
});
