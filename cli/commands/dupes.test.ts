import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatePair } from '../../shared/dupes/vaultDuplicates.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, withPassphrase } from '../testing/runCrossing.js';

let cleanup: () => void;
let vault: string;
const env = withPassphrase();
let hotline: string;
let shelter: string;
let sister: string;
let namesake: string;

beforeAll(() => {
  let dir: string;
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'dupes.crossing-vault');
  initVault(vault);
  hotline = addCase(vault, {
    alias: 'Ахмед Ж.',
    birthYear: 1990,
    contacts: [{ channel: 'phone', value: '+7 928 111-22-33' }],
    notes: ['first call'],
  });
  shelter = addCase(vault, {
    alias: 'Akhmed Zhuzhelitsa',
    birthYear: 1991,
    contacts: [{ channel: 'whatsapp', value: '89281112233' }],
  });
  sister = addCase(vault, { alias: 'Зарема Исаева', birthYear: 1985 });
  namesake = addCase(vault, { alias: 'Zarema Isaeva' });
});
afterAll(() => cleanup());

const pairs = (): DuplicatePair[] => {
  const result = crossing(['dupes', vault, '--json'], { env });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as DuplicatePair[];
};
const pairOf = (p: DuplicatePair) => [p.a, p.b].sort();

describe('crossing dupes and case merge', () => {
  it('lists possible duplicates with their reasons, as JSON and as text', () => {
    const found = pairs();
    expect(found.map(pairOf)).toEqual([[hotline, shelter].sort(), [sister, namesake].sort()]);
    expect(found[0]!.reasons.map((r) => r.code)).toEqual(['sameContact', 'similarName', 'nearBirthYear']);
    const text = crossing(['dupes', vault], { env });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('same contact');
    expect(text.stdout).toContain('born 1990 / 1991');
  });

  it('forgets a pair marked not the same person', () => {
    const dismissed = crossing(['dupes', 'dismiss', vault, sister.slice(0, 8), namesake], { env });
    expect(dismissed.status, dismissed.stderr).toBe(0);
    expect(pairs().map(pairOf)).toEqual([[hotline, shelter].sort()]);
  });

  it('merges a pair into one case that answers to both ids and shows both histories', () => {
    const merged = crossing(['case', 'merge', vault, shelter, hotline.slice(0, 6)], { env });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout.trim()).toBe(shelter);
    expect(pairs()).toEqual([]);
    const shown = crossing(['case', 'show', vault, hotline, '--json'], { env });
    expect(shown.status, shown.stderr).toBe(0);
    const state = JSON.parse(shown.stdout) as { id: string; notes: unknown[]; fields: { otherNames: string[] } };
    expect(state.id).toBe(shelter);
    expect(state.notes).toHaveLength(1);
    expect(state.fields.otherNames).toContain('Ахмед Ж.');
  });

  it('refuses to merge a case with itself or an unknown id, with a clean error and exit code 1', () => {
    for (const args of [
      ['case', 'merge', vault, shelter, hotline],
      ['case', 'merge', vault, shelter, 'nosuchcase'],
      ['dupes', 'dismiss', vault, shelter],
    ]) {
      const refused = crossing(args, { env });
      expect(refused.status).toBe(1);
      expectCleanError(refused);
    }
  });
});
