import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { makeVault, PASSPHRASE } from '../exchange/testing/fixtures.js';
import { caseHistory } from '../oplog/history.js';
import { mergeCases, unmergeCases } from './merge.js';
import { Vault } from './vault.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function twoCases() {
  const { dir, cleanup } = makeTempDir('crossing-merge-');
  cleanups.push(cleanup);
  const vault = await makeVault(dir, 'Caseworker');
  const file = path.join(dir, 'Caseworker.crossing-vault');
  const hotline = vault.addCase({
    alias: 'Ахмед Ж.',
    birthYear: 1990,
    notes: ['Called the hotline from a neighbour’s phone'],
    tasks: [{ text: 'Call back on Thursday', due: null, done: false }],
  });
  const shelter = vault.addCase({
    alias: 'Akhmed Zhuzhelitsa',
    legalName: 'Akhmed Zhuzhelitsa',
    stage: 'shelter',
    contacts: [{ channel: 'telegram', value: '@akhmed_zh', safetyNote: null }],
  });
  return { vault, hotline, shelter, file };
}

describe('merging cases', () => {
  it('makes one case with both histories, tasks, notes and names; the absorbed id answers as the survivor', async () => {
    const { vault, hotline, shelter } = await twoCases();
    const merged = mergeCases(vault, shelter.id, hotline.id);
    expect(merged.id).toBe(shelter.id);
    expect(vault.caseCount).toBe(1);
    expect(merged.fields.alias).toBe('Akhmed Zhuzhelitsa');
    expect(merged.fields.stage).toBe('shelter');
    expect(merged.fields.birthYear).toBe(1990); // only the hotline knew it
    expect(merged.fields.otherNames).toEqual(['Ахмед Ж.']);
    expect(merged.conflicts).toEqual([]);
    expect(merged.notes.map((n) => n.text)).toEqual(['Called the hotline from a neighbour’s phone']);
    expect(merged.tasks.map((t) => t.text)).toEqual(['Call back on Thursday']);
    expect(merged.contacts.map((c) => c.value)).toEqual(['@akhmed_zh']);
    expect(vault.getCase(hotline.id).id).toBe(shelter.id);
    expect(vault.resolveCaseId(hotline.id)).toBe(shelter.id);
    const kinds = caseHistory(vault.caseOps(shelter.id)).flatMap((e) => e.changes.map((c) => c.kind));
    expect(kinds.filter((k) => k === 'created')).toHaveLength(2);
    expect(kinds).toContain('merged');
    expect(vault.listCases({ search: 'Ахмед' }).map((c) => c.id)).toEqual([shelter.id]);
    vault.lock();
  });

  it('writes an edit to the absorbed id into the survivor, and stays merged after reopening', async () => {
    const { vault, hotline, shelter, file } = await twoCases();
    mergeCases(vault, shelter.id, hotline.id);
    vault.updateCase(hotline.id, { risk: 'critical' });
    vault.addNote(hotline.id, 'Moved to the second flat');
    vault.lock();
    const reopened = await Vault.open(file, { passphrase: PASSPHRASE });
    try {
      expect(reopened.caseCount).toBe(1);
      const merged = reopened.getCase(hotline.id);
      expect(merged.id).toBe(shelter.id);
      expect(merged.fields.risk).toBe('critical');
      expect(merged.notes).toHaveLength(2);
    } finally {
      reopened.lock();
    }
  });

  it('is undone from the history: two cases again', async () => {
    const { vault, hotline, shelter } = await twoCases();
    mergeCases(vault, shelter.id, hotline.id);
    const [merge] = vault.activeMerges();
    const { survivor, absorbed } = unmergeCases(vault, merge!.id);
    expect(vault.caseCount).toBe(2);
    expect(survivor.id).toBe(shelter.id);
    expect(absorbed.id).toBe(hotline.id);
    expect(absorbed.fields.alias).toBe('Ахмед Ж.');
    vault.lock();
  });

  it('refuses to merge a case with itself, or to undo a merge not in effect, and changes nothing', async () => {
    const { vault, hotline, shelter } = await twoCases();
    const before = vault.opCount;
    expect(() => mergeCases(vault, hotline.id, hotline.id)).toThrow(expect.objectContaining({ reason: 'sameCase' }));
    mergeCases(vault, shelter.id, hotline.id);
    expect(() => mergeCases(vault, hotline.id, shelter.id)).toThrow(expect.objectContaining({ reason: 'sameCase' }));
    expect(() => unmergeCases(vault, 'x'.repeat(22))).toThrow(expect.objectContaining({ reason: 'noSuchMerge' }));
    expect(vault.opCount).toBe(before + 1);
    vault.lock();
  });
});
