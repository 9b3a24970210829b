import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService } from './testing.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('vault service: dashboard and report', () => {
  it('counts cases and saves an anonymous report as JSON or CSV', async () => {
    const t = makeTestService();
    cleanups.push(t.cleanup);
    await t.createVault();
    await t.call('createCase', {
      input: { alias: 'Secret Alias', risk: 'critical', refugeCountry: 'DE', stage: 'arrived' },
    });
    await t.call('createCase', { input: { alias: 'Other', location: 'Grozny' } });
    const stats = await t.call('getStats', { today: '2026-06-15' });
    expect(stats).toMatchObject({ total: 2, open: 2, byRefugeCountry: { DE: 1 }, byRisk: { critical: 1, medium: 1 } });

    const json = path.join(t.dir, 'report.json');
    t.answers.saveFile.push(json);
    expect(await t.call('saveReport', { today: '2026-06-15', format: 'json' })).toEqual({ savedAs: json });
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ date: '2026-06-15', total: '<5' });

    const csv = path.join(t.dir, 'report.csv');
    t.answers.saveFile.push(csv);
    await t.call('saveReport', { today: '2026-06-15', format: 'csv' });
    const text = fs.readFileSync(csv, 'utf8');
    // Two cases: every count is small, so the report shows none exactly.
    expect(text).toContain('totals,total,<5\n');
    expect(text).toContain('byRefugeCountry,DE,<5\n');
    for (const file of [json, csv]) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/Secret|Other|Grozny/);
  });
});
