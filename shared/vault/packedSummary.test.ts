import { expect, it } from 'vitest';
import { foldDemoCases, generateDemoOps } from '../demo/generate.js';
import { foldCaseOps } from '../oplog/fold.js';
import { summarizeCase } from '../oplog/summary.js';
import { packSummary, unpackSummary } from './packedSummary.js';

it('gives back every summary exactly, whatever its fields hold', () => {
  const options = { count: 200, seed: 3, author: 'a'.repeat(64), device: 'd0d0d0d0d0d0d0d0', now: Date.now() };
  const ops = generateDemoOps(options);
  const byCase = new Map<string, typeof ops>();
  for (const op of ops) byCase.set(op.caseId, [...(byCase.get(op.caseId) ?? []), op]);
  let arrived = 0;
  for (const state of foldDemoCases(options)) {
    const caseOps = byCase.get(state.id)!;
    const summary = summarizeCase(foldCaseOps(caseOps)!, caseOps);
    if (summary.arrivedAt !== null) arrived += 1;
    const stored = JSON.parse(JSON.stringify(packSummary(summary))) as unknown[];
    expect(unpackSummary(summary.id, stored)).toEqual(summary);
  }
  expect(arrived).toBeGreaterThan(0);
});

it('refuses a packed summary of the wrong length', () => {
  expect(() => unpackSummary('x', [1, 2, 3])).toThrow(/wrong length/);
});
