import { describe, expect, it } from 'vitest';
import { newCaseOps, noteOp, patchCaseOps, resolveConflictOp, type OpContext } from './caseOps.js';
import { foldCaseOps } from './fold.js';
import { caseHistory, describeCandidate, describeChange, formatValue } from './history.js';
import { formatHlc } from './hlc.js';
import type { Op } from './ops.js';

const ALICE = 'a'.repeat(40);
const BOB = 'b'.repeat(40);

function context(author: string, device: string, startMs: number): OpContext {
  let ms = startMs;
  let n = 0;
  return {
    author,
    clock: () => formatHlc({ ms: (ms += 1000), counter: 0, device }),
    newId: () => `${author[0]}${device[0]}${String((n += 1)).padStart(20, '0')}`,
  };
}

const lines = (ops: readonly Op[]) => caseHistory(ops).map((e) => e.changes.map(describeChange).join('; '));

describe('caseHistory', () => {
  it('tells what each op changed, with the value it replaced', () => {
    const ctx = context(ALICE, '1'.repeat(16), 1_700_000_000_000);
    const created = newCaseOps(
      { alias: 'Ахмед', stage: 'shelter', contacts: [{ channel: 'signal', value: '+7 900', safetyNote: null }] },
      ctx,
    );
    const caseId = created[0]!.caseId;
    const patched = patchCaseOps(caseId, created, { stage: 'documents', passport: 'confiscated' }, ctx);
    const note = noteOp(caseId, 'first call\nall well', ctx);
    const ops = [...created, ...patched, note];
    expect(lines(ops)).toEqual([
      'created (alias: Ахмед, stage: shelter, 1 contact)',
      'stage: shelter → documents; passport: unknown → confiscated',
      'note added: first call all well',
    ]);
    const history = caseHistory([...ops].reverse());
    expect(history.map((e) => e.opId)).toEqual(ops.map((op) => op.id));
    expect(history[1]!.at).toBe(1_700_000_002_000);
    expect(history[1]!.author).toBe(ALICE);
  });

  it('describes list items added, changed and removed', () => {
    const ctx = context(ALICE, '1'.repeat(16), 1_700_000_000_000);
    const created = newCaseOps({ alias: 'X' }, ctx);
    const caseId = created[0]!.caseId;
    const added = patchCaseOps(
      caseId,
      created,
      { tasks: [{ text: 'call the lawyer', due: '2025-03-01', done: false }] },
      ctx,
    );
    const itemId = (added[0] as Extract<Op, { type: 'item' }>).itemId;
    const done = patchCaseOps(
      caseId,
      [...created, ...added],
      { tasks: [{ id: itemId, text: 'call the lawyer', due: '2025-03-01', done: true }] },
      ctx,
    );
    const removed = patchCaseOps(caseId, [...created, ...added, ...done], { tasks: [] }, ctx);
    expect(lines([...created, ...added, ...done, ...removed]).slice(1)).toEqual([
      'task added: call the lawyer, due 2025-03-01',
      'task changed: call the lawyer, due 2025-03-01, done (done: false → true)',
      'task removed: call the lawyer, due 2025-03-01, done',
    ]);
  });

  it('shows both sides of a conflict and its resolution', () => {
    const alice = context(ALICE, '1'.repeat(16), 1_700_000_000_000);
    const bob = context(BOB, '2'.repeat(16), 1_700_000_000_500);
    const created = newCaseOps({ alias: 'X', stage: 'shelter' }, alice);
    const caseId = created[0]!.caseId;
    const a = patchCaseOps(caseId, created, { stage: 'documents' }, alice);
    const b = patchCaseOps(caseId, created, { stage: 'exit' }, bob);
    const state = foldCaseOps([...created, ...a, ...b])!;
    const conflict = state.conflicts[0]!;
    expect(conflict.candidates.map((w) => describeCandidate(conflict, w)).sort()).toEqual(['documents', 'exit']);
    const pick = resolveConflictOp(caseId, [...created, ...a, ...b], 'stage', a[0]!.id, alice);
    expect(lines([...created, ...a, ...b, pick]).at(-1)).toMatch(
      /^stage: (documents \| exit|exit \| documents) → documents \(conflict resolved\)$/,
    );
  });

  it('does not depend on the order ops arrived in, and ignores duplicates', () => {
    const ctx = context(ALICE, '1'.repeat(16), 1_700_000_000_000);
    const created = newCaseOps({ alias: 'X', notes: ['one', 'two'] }, ctx);
    const twice = [...created, ...created].reverse();
    expect(lines(twice)).toEqual(lines(created));
  });
});

describe('formatValue', () => {
  it('says nothing as a dash, joins lists and cuts long text', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue([])).toBe('—');
    expect(formatValue(['family', 'police'])).toBe('family, police');
    expect(formatValue('я'.repeat(100))).toHaveLength(60);
  });
});
