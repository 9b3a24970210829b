import { describe, expect, it } from 'vitest';
import { ABROAD_STAGES, PASSPORT_STATUSES, newCaseSchema } from '../model/case.js';
import { hlcMillis } from '../oplog/hlc.js';
import { opSchema } from '../oplog/ops.js';
import { DEMO_COUNT_DEFAULT, foldDemoCases, generateDemoOps } from './generate.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const base = { author: 'ab'.repeat(20), device: '0123456789abcdef', now: NOW };

describe('generateDemoOps', () => {
  const ops = generateDemoOps({ ...base, count: DEMO_COUNT_DEFAULT, seed: 7 });
  const cases = foldDemoCases({ ...base, count: DEMO_COUNT_DEFAULT, seed: 7 });

  it('writes only valid ops, about 3 to 5 per case', () => {
    for (const op of ops) expect(opSchema.safeParse(op).error).toBeUndefined();
    expect(cases).toHaveLength(150);
    expect(ops.length / cases.length).toBeGreaterThan(3);
    expect(ops.length / cases.length).toBeLessThan(5.5);
  });

  it('folds into cases that are valid as new cases, stage and closed reason agreeing', () => {
    for (const c of cases) {
      const { assignedTo: _, ...fields } = c.fields;
      const asInput = {
        ...fields,
        contacts: c.contacts.map(({ id: _id, ...rest }) => rest),
        documents: c.documents.map(({ id: _id, ...rest }) => rest),
        tasks: c.tasks.map(({ id: _id, ...rest }) => rest),
        notes: c.notes.map((n) => n.text),
      };
      expect(newCaseSchema.safeParse(asInput).error).toBeUndefined();
      expect(c.fields.stage === 'closed').toBe(c.fields.closedReason !== null);
      expect(c.conflicts).toEqual([]);
    }
  });

  it('puts about 130 of 150 people abroad, each with a country and a route', () => {
    const abroad = cases.filter((c) => ABROAD_STAGES.has(c.fields.stage));
    expect(abroad.length).toBeGreaterThanOrEqual(120);
    expect(abroad.length).toBeLessThanOrEqual(140);
    for (const c of abroad) {
      expect(['DE', 'FR', 'CA', 'NL', 'SE', 'LT', 'NO', 'FI', 'GB', 'ES', 'IE', 'BE']).toContain(
        c.fields.refugeCountry,
      );
      expect(c.fields.refugeRoute).not.toBeNull();
    }
    expect(cases.filter((c) => c.fields.stage === 'closed').length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.fields.stage)).size).toBe(9);
  });

  it('shows every passport status, Cyrillic names with Latin spellings, and overdue and done tasks', () => {
    for (const seed of [1, 2, 3, 7, 42]) {
      const seen = new Set(foldDemoCases({ ...base, count: 150, seed }).map((c) => c.fields.passport));
      expect([...seen].sort()).toEqual([...PASSPORT_STATUSES].sort());
    }
    const cyrillic = /[\u0400-\u04ff]/;
    for (const c of cases) {
      expect(cyrillic.test(c.fields.alias) || cyrillic.test(c.fields.legalName ?? '')).toBe(true);
      expect(c.fields.otherNames.some((n) => /^[A-Za-z]/.test(n))).toBe(true);
    }
    const today = new Date(NOW).toISOString().slice(0, 10);
    const tasks = cases.flatMap((c) => c.tasks);
    expect(tasks.some((t) => t.done)).toBe(true);
    expect(tasks.some((t) => !t.done && t.due !== null && t.due < today)).toBe(true);
    expect(cases.some((c) => c.contacts.some((k) => k.safetyNote))).toBe(true);
  });

  it('dates every op strictly later than the one before and strictly before now', () => {
    for (let i = 1; i < ops.length; i++) expect(ops[i]!.hlc > ops[i - 1]!.hlc).toBe(true);
    expect(hlcMillis(ops.at(-1)!.hlc)).toBeLessThan(NOW);
    expect(hlcMillis(ops[0]!.hlc)).toBeGreaterThan(NOW - 2.1 * 365 * 86_400_000);
  });

  it('is deterministic in its seed', () => {
    expect(generateDemoOps({ ...base, count: 40, seed: 7 })).toEqual(generateDemoOps({ ...base, count: 40, seed: 7 }));
    expect(generateDemoOps({ ...base, count: 40, seed: 8 })).not.toEqual(
      generateDemoOps({ ...base, count: 40, seed: 7 }),
    );
  });

  it('keeps the proportions for larger counts', () => {
    const big = foldDemoCases({ ...base, count: 3000, seed: 3 });
    const abroad = big.filter((c) => ABROAD_STAGES.has(c.fields.stage)).length / big.length;
    expect(abroad).toBeGreaterThan(0.84);
    expect(abroad).toBeLessThan(0.9);
  });
});
