import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService } from './testing.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
async function unlockedService() {
  const t = makeTestService({ now: () => new Date(2026, 5, 15, 12) });
  cleanups.push(t.cleanup);
  await t.createVault('Aset');
  return t;
}

describe('duplicate review through the contract', () => {
  it('warns while a case is typed, lists the pair, merges it into one case with one history, and undoes it', async () => {
    const t = await unlockedService();
    const { id: existing } = await t.call('createCase', { input: { alias: 'Магомед Исмаилов', birthYear: 1985 } });
    const { matches } = await t.call('matchNewCase', { draft: { alias: 'Magomed I.' } });
    expect(matches.map((m) => [m.b, m.aliasB])).toEqual([[existing, 'Магомед Исмаилов']]);
    expect((await t.call('matchNewCase', { draft: { alias: 'Хеда Цуева' } })).matches).toEqual([]);

    const { id: typed } = await t.call('createCase', { input: { alias: 'Magomed Ismailov', birthYear: 1985 } });
    const { pairs } = await t.call('listDuplicates', {});
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.reasons.map((r) => r.code)).toEqual(['similarName', 'sameBirthYear']);

    const merged = await t.call('mergeCases', { keep: existing, absorb: typed });
    expect(merged.case.id).toBe(existing);
    const { case: shown, history } = await t.call('getCase', { id: typed });
    expect(shown.id).toBe(existing);
    expect(history.map((h) => h.type)).toEqual(['create', 'create', 'merge']);
    expect((await t.call('listDuplicates', {})).pairs).toEqual([]);
    expect((await t.call('queryCases', { filter: {} })).total).toBe(1);

    const { survivor, absorbed } = await t.call('unmergeCase', { mergeOpId: history[2]!.opId });
    expect([survivor.id, absorbed.id]).toEqual([existing, typed]);
    expect((await t.call('queryCases', { filter: {} })).total).toBe(2);
  });

  it('remembers "not the same person", and refuses to merge a case with itself', async () => {
    const t = await unlockedService();
    const { id: a } = await t.call('createCase', { input: { alias: 'Зарема Исаева' } });
    const { id: b } = await t.call('createCase', { input: { alias: 'Zarema Isaeva' } });
    expect((await t.call('listDuplicates', {})).pairs).toHaveLength(1);
    await t.call('dismissDuplicate', { a, b });
    expect((await t.call('listDuplicates', {})).pairs).toEqual([]);
    const refused = await t.service.handle('mergeCases', { keep: a, absorb: a });
    expect(refused).toMatchObject({ ok: false, error: { code: 'usage', reason: 'sameCase' } });
  });
});
