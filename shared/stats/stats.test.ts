import { describe, expect, it } from 'vitest';
import { PIPELINE_STAGES, type NewCase, type ParsedCasePatch } from '../model/case.js';
import { newCaseOps, noteOp, patchCaseOps, type OpContext } from '../oplog/caseOps.js';
import { foldCaseOps, type CaseState } from '../oplog/fold.js';
import { formatHlc } from '../oplog/hlc.js';
import type { Op } from '../oplog/ops.js';
import { summarizeCase } from '../oplog/summary.js';
import { computeStats, vaultStatsSchema } from './stats.js';

/** A context whose clock is set by the test: each op at the date given, or just after the last. */
function context(device = '00000000000000aa') {
  let n = 0;
  let ms = 0;
  let counter = 0;
  const ctx: OpContext = {
    author: 'f'.repeat(40),
    newId: () => `id${String(n++).padStart(20, '0')}`,
    clock: () => formatHlc({ ms, counter: counter++, device }),
  };
  const at = (iso: string) => {
    ms = Date.parse(iso);
    counter = 0;
  };
  return { ctx, at };
}

function story(
  ctx: OpContext,
  at: (iso: string) => void,
  start: [string, NewCase],
  ...later: [string, ParsedCasePatch][]
) {
  at(start[0]);
  const ops: Op[] = newCaseOps(start[1], ctx);
  for (const [when, patch] of later) {
    at(when);
    ops.push(...patchCaseOps(ops[0]!.caseId, ops, patch, ctx));
  }
  return { state: foldCaseOps(ops)!, ops };
}

const summarize = (c: { state: CaseState; ops: readonly Op[] }) => summarizeCase(c.state, c.ops);

describe('computeStats', () => {
  const { ctx, at } = context();
  const arrivedInMarch = story(
    ctx,
    at,
    ['2026-01-10T10:00:00Z', { alias: 'Ахмед И.', passport: 'confiscated', needs: ['legal', 'housing'], risk: 'high' }],
    ['2026-02-01T10:00:00Z', { stage: 'shelter' }],
    ['2026-03-05T10:00:00Z', { stage: 'arrived', refugeCountry: 'DE', refugeRoute: 'humanitarian_visa' }],
    ['2026-09-05T10:00:00Z', { stage: 'resettled', passport: 'issued' }],
  );
  const enteredResettled = story(ctx, at, [
    '2026-05-20T10:00:00Z',
    { alias: 'Лейла', stage: 'resettled', refugeCountry: 'CA', refugeRoute: 'asylum_claim', needs: ['legal'] },
  ]);
  const inShelter = story(ctx, at, [
    '2026-10-01T10:00:00Z',
    {
      alias: 'Юсуп',
      stage: 'shelter',
      passport: 'destroyed',
      internalPassport: 'held_by_family',
      risk: 'critical',
      tasks: [
        { text: 'Call the lawyer', due: '2026-10-05', done: false },
        { text: 'Find a doctor', due: '2026-12-01', done: false },
        { text: 'Buy a SIM card', due: '2026-10-02', done: true },
      ],
    },
  ]);
  const closed = story(
    ctx,
    at,
    ['2025-12-01T10:00:00Z', { alias: 'Хава', tasks: [{ text: 'Call back', due: '2025-12-03', done: false }] }],
    ['2025-12-20T10:00:00Z', { stage: 'closed', closedReason: 'lost_contact' }],
  );
  at('2026-10-02T00:00:00Z');
  inShelter.ops.push(noteOp(inShelter.state.id, 'Moved to the shelter', ctx));

  const stats = computeStats([arrivedInMarch, enteredResettled, inShelter, closed].map(summarize), {
    today: '2026-11-01',
  });

  it('counts cases by stage in pipeline order, zeros included', () => {
    expect(vaultStatsSchema.parse(stats)).toEqual(stats);
    expect(stats.total).toBe(4);
    expect(stats.open).toBe(3);
    expect(Object.keys(stats.byStage)).toEqual([...PIPELINE_STAGES, 'closed']);
    expect(stats.byStage).toMatchObject({ intake: 0, shelter: 1, resettled: 2, closed: 1, arrived: 0 });
  });

  it('counts passports, risks, needs and countries', () => {
    expect(stats.byPassport).toMatchObject({ issued: 1, unknown: 2, destroyed: 1, confiscated: 0 });
    expect(stats.byInternalPassport).toMatchObject({ unknown: 3, held_by_family: 1 });
    expect(stats.byRisk).toEqual({ critical: 1, high: 1, medium: 2, low: 0 });
    expect(stats.byNeed).toEqual({ medical: 0, psychological: 0, legal: 2, housing: 1, financial: 0 });
    expect(stats.byRefugeCountry).toEqual({ CA: 1, DE: 1 });
  });

  it('dates an arrival by the first op that moved the case abroad, or by its create op', () => {
    expect(stats.arrivalsByMonth).toEqual({ '2026-03': 1, '2026-04': 0, '2026-05': 1 });
  });

  it('counts overdue tasks of open cases only, and cases in conflict', () => {
    expect(stats.overdueTasks).toBe(1);
    expect(stats.casesWithConflicts).toBe(0);
    // Two devices change the stage without seeing each other: a conflict.
    const other = context('00000000000000bb');
    other.at('2026-10-03T10:00:00Z');
    const ops = [
      ...inShelter.ops,
      ...patchCaseOps(inShelter.state.id, inShelter.ops, { stage: 'documents' }, other.ctx),
    ];
    at('2026-10-04T10:00:00Z');
    ops.push(...patchCaseOps(inShelter.state.id, inShelter.ops, { stage: 'exit' }, ctx));
    const state = foldCaseOps(ops)!;
    expect(state.conflicts).toHaveLength(1);
    expect(computeStats([summarize({ state, ops })], { today: '2026-11-01' }).casesWithConflicts).toBe(1);
  });

  it('holds nothing that names or locates a person', () => {
    const text = JSON.stringify(stats);
    for (const c of [arrivedInMarch, enteredResettled, inShelter, closed]) {
      expect(text).not.toContain(c.state.id);
      expect(text).not.toContain(c.state.fields.alias);
    }
    expect(computeStats([], { today: '2026-11-01' })).toMatchObject({ total: 0, arrivalsByMonth: {} });
  });
});
