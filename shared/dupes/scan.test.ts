import { describe, expect, it } from 'vitest';
import { foldDemoCases } from '../demo/generate.js';
import { DEFAULT_FIELDS, type CaseFields, type Contact } from '../model/case.js';
import { DuplicateIndex, findDuplicates, findMatchesFor, pairKey } from './scan.js';
import { NAME_YEAR_WINDOW, personProfile, REVIEW_THRESHOLD, scorePair, TYPING_THRESHOLD } from './score.js';
import { evaluate, labelledPeople } from './testing/labelledPeople.js';

let serial = 0;
const demoCases = (count: number) =>
  foldDemoCases({ count, seed: 5, author: 'a'.repeat(40), device: 'b'.repeat(16), now: Date.UTC(2026, 0, 1) });
function person(
  fields: Partial<CaseFields> & { alias: string },
  contacts: Array<Pick<Contact, 'channel' | 'value'>> = [],
  documentNote?: string,
) {
  return personProfile({
    id: `p${String(serial++).padStart(21, '0')}`,
    fields: { ...DEFAULT_FIELDS, ...fields } as CaseFields,
    contacts: contacts.map((c, i) => ({ ...c, safetyNote: null, id: `c${i}` })),
    documents: documentNote
      ? [{ id: 'd1', kind: 'visa', status: 'applied', issuedOn: null, expiresOn: null, note: documentNote }]
      : [],
  });
}

describe('scorePair', () => {
  it('gives its reasons as codes with parameters', () => {
    const a = person({ alias: 'Ахмед Ж.', legalName: 'Ахмед Жужелица', birthYear: 1990 }, [
      { channel: 'telegram', value: '@akhmed_zh' },
    ]);
    const b = person({ alias: 'Akhmed Zhuzhelitsa', birthYear: 1991 }, [{ channel: 'telegram', value: 'akhmed_zh' }]);
    const { score, reasons } = scorePair(a, b);
    expect(reasons).toEqual([
      { code: 'sameContact', params: { value: '@akhmed_zh' } },
      { code: 'similarName', params: { a: 'Ахмед Жужелица', b: 'Akhmed Zhuzhelitsa', match: 'full' } },
      { code: 'nearBirthYear', params: { a: 1990, b: 1991 } },
    ]);
    expect(score).toBe(100);
  });

  it('counts a phone number written two ways and a document number', () => {
    const a = person({ alias: 'Мадина' }, [{ channel: 'phone', value: '+7 928 111-22-33' }], 'passport 45 12 345678');
    const b = person({ alias: 'Zarema' }, [{ channel: 'whatsapp', value: '89281112233' }], 'no. 4512345678');
    expect(scorePair(a, b).reasons.map((r) => r.code)).toEqual(['sameContact', 'sameDocumentNumber']);
  });

  it('holds a name alone under every threshold once birth years lie outside the scan window', () => {
    const a = person({ alias: 'Ахмед Жужелица Русланович', birthYear: 1990 });
    const b = person({ alias: 'Akhmed Zhuzhelitsa Ruslanovich', birthYear: 1990 + NAME_YEAR_WINDOW + 1 });
    expect(scorePair(a, b).reasons.map((r) => r.code)).toEqual(['similarName', 'differentBirthYear']);
    expect(scorePair(a, b).score).toBeLessThan(TYPING_THRESHOLD);
  });

  it('holds namesakes born years apart below the review threshold', () => {
    const a = person({ alias: 'Ахмед Жужелица', birthYear: 1970 });
    const b = person({ alias: 'Akhmed Zhuzhelitsa', birthYear: 1999 });
    expect(scorePair(a, b).score).toBeLessThan(50);
  });
});

describe('findDuplicates', () => {
  it('finds every pair a scan of all pairs finds, and leaves dismissed pairs out', () => {
    const cases = labelledPeople(120, 7).map((c) => personProfile(c.state));
    const index = new DuplicateIndex(cases);
    const found = findDuplicates(index).candidates;
    const everyPair: string[] = [];
    for (let i = 0; i < cases.length; i++)
      for (let j = i + 1; j < cases.length; j++)
        if (scorePair(cases[i]!, cases[j]!).score >= 50) everyPair.push(pairKey(cases[i]!.id, cases[j]!.id));
    expect(found.map((c) => pairKey(c.a, c.b)).sort()).toEqual(everyPair.sort());
    const dismissed = new Set([pairKey(found[0]!.a, found[0]!.b)]);
    expect(findDuplicates(index, dismissed).candidates).toHaveLength(found.length - 1);
  });

  it('finds every pair an all-pairs scan finds among demo cases, namesakes born years apart included', () => {
    const cases = demoCases(500).map(personProfile);
    const everyPair: string[] = [];
    for (let i = 0; i < cases.length; i++)
      for (let j = i + 1; j < cases.length; j++)
        if (scorePair(cases[i]!, cases[j]!).score >= TYPING_THRESHOLD)
          everyPair.push(pairKey(cases[i]!.id, cases[j]!.id));
    const found = findDuplicates(new DuplicateIndex(cases), new Set(), TYPING_THRESHOLD).candidates;
    expect(everyPair.length).toBeGreaterThan(100);
    expect(found.map((c) => pairKey(c.a, c.b)).sort()).toEqual(everyPair.sort());
  });

  it('keeps the likeliest pairs when asked for a few, and counts them all', () => {
    const index = new DuplicateIndex(demoCases(3000).map(personProfile));
    const all = findDuplicates(index).candidates;
    const few = findDuplicates(index, new Set(), REVIEW_THRESHOLD, 7);
    expect(all.length).toBeGreaterThan(2 * 7 + 1024); // past the point where the kept pairs are cut back
    expect(few.total).toBe(all.length);
    expect(few.candidates).toEqual(all.slice(0, 7));
  });

  it('finds every scheme variant of a person, and few strangers, in a labelled set', () => {
    const cases = labelledPeople(250, 3);
    const found = findDuplicates(new DuplicateIndex(cases.map((c) => personProfile(c.state)))).candidates;
    const result = evaluate(cases, found);
    expect(result.schemePairs).toBeGreaterThan(100);
    expect(result.schemeRecall).toBe(1);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('warns about a case being typed that matches one already there', () => {
    const existing = [person({ alias: 'Магомед Исмаилов', birthYear: 1985 }), person({ alias: 'Хеда Цуева' })];
    const index = new DuplicateIndex(existing);
    const draft = person({ alias: 'Magomed I.' });
    const matches = findMatchesFor(draft, index, TYPING_THRESHOLD);
    expect(matches.map((m) => m.b)).toEqual([existing[0]!.id]);
    expect(findMatchesFor(person({ alias: 'Ислам Мусаев' }), index, TYPING_THRESHOLD)).toEqual([]);
  });
});
