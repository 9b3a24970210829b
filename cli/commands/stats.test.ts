import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultStatsSchema } from '../../shared/stats/stats.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { Vault } from '../../shared/vault/vault.js';
import { addCase, crossing, withPassphrase } from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
const env = withPassphrase();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'stats.crossing-vault');
  const demo = crossing(['demo', vault, '--cases', '60', '--seed', '5', '--kdf', 'interactive'], { env });
  if (demo.status !== 0) throw new Error(demo.stderr);
  addCase(vault, {
    alias: 'Zarema-Unique',
    legalName: 'Zarema Uniquova',
    otherNames: ['Зарема Юникова'],
    location: 'Secret Street 5',
    stage: 'resettled',
    refugeCountry: 'IS',
    passport: 'issued',
    contacts: [{ channel: 'phone', value: '+354 000 1111', safetyNote: 'never call' }],
  });
});
afterAll(() => cleanup());

describe('crossing stats', () => {
  it('counts by stage, refuge country and passport status', () => {
    const result = crossing(['stats', vault, '--json', '--exact'], { env });
    expect(result.status, result.stderr).toBe(0);
    const stats = vaultStatsSchema.parse(JSON.parse(result.stdout));
    expect(stats.total).toBe(61);
    expect(Object.values(stats.byStage).reduce((a, b) => a + b)).toBe(61);
    expect(Object.values(stats.byPassport).reduce((a, b) => a + b)).toBe(61);
    expect(stats.byRefugeCountry.IS).toBe(1);
    const human = crossing(['stats', vault, '--exact'], { env }).stdout;
    expect(human).toMatch(/^Cases: 61 /);
    expect(human).toMatch(/By stage:/);
    expect(human).toMatch(/IS\s+1/);
    expect(human).toMatch(/held_by_family\s+\d+\s+\d+/);
  });

  it('prints counts from 1 to 4 as <5 unless asked for exact ones, and says why', () => {
    const human = crossing(['stats', vault], { env }).stdout;
    expect(human).toMatch(/IS\s+<5/);
    expect(human).toMatch(/^Cases: 61 /);
    expect(human).toContain('Counts from 1 to 4 are shown as <5');
    const json = JSON.parse(crossing(['stats', vault, '--json'], { env }).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ total: 61, suppressedBelow: 5, byRefugeCountry: { IS: '<5' } });
  });

  it('prints no alias, name, id, place or contact of any case', async () => {
    // Every whole case, read through the library: the list prints summaries only.
    const open = await Vault.open(vault, { passphrase: env.CROSSING_PASSPHRASE! });
    const cases = [...open.allCases()].map((c) => open.getCase(c.id));
    open.lock();
    const personal = cases.flatMap((c) => [
      c.id,
      c.id.slice(0, 8),
      c.fields.alias,
      ...(c.fields.legalName ? [c.fields.legalName] : []),
      ...c.fields.otherNames,
      ...(c.fields.location ? [c.fields.location] : []),
      ...c.contacts.map((x) => x.value),
    ]);
    for (const args of [
      ['stats', vault],
      ['stats', vault, '--json'],
      ['stats', vault, '--exact'],
    ]) {
      const out = crossing(args, { env }).stdout;
      const leaked = personal.filter((text) => text.length >= 3 && out.includes(text));
      expect(leaked).toEqual([]);
    }
  });
});
