import { describe, expect, it } from 'vitest';
import { newCaseOps, type OpContext } from '../oplog/caseOps.js';
import { foldCaseOps, type CaseState } from '../oplog/fold.js';
import { formatHlc } from '../oplog/hlc.js';
import { summarizeCase } from '../oplog/summary.js';
import type { NewCase } from '../model/case.js';
import { compileFilter, searchKeyOf } from './filter.js';

function context(): OpContext {
  let n = 0;
  return {
    author: 'a'.repeat(40),
    clock: () => formatHlc({ ms: 1_700_000_000_000 + n, counter: 0, device: 'a'.repeat(16) }),
    newId: () => `id${String(n++).padStart(20, '0')}`,
  };
}

function caseOf(input: NewCase): CaseState {
  const ops = newCaseOps(input, context());
  return foldCaseOps(ops)!;
}

const finds = (c: CaseState, search: string) =>
  compileFilter({ search })(summarizeCase(c, newCaseOps({ alias: 'x' }, context())), searchKeyOf(c));

describe('search', () => {
  const akhmed = caseOf({
    alias: 'Ахмед Ж.',
    legalName: 'Akhmed Zhuzhelitsa',
    otherNames: ['Chassan Titiyev'],
    notes: ['Met him at the Hauptbahnhof; his brother Ильяс calls on Thursdays'],
    tasks: [{ text: 'Book the consulate for Zarema', due: null, done: false }],
    documents: [{ kind: 'visa', status: 'applied', issuedOn: null, expiresOn: null, note: 'application 77-451290' }],
  });

  it.each(['Ахмед', 'Akhmad', 'Achmed', 'Ахмет', 'Жужелица', 'Jujelica', 'Хасан', 'Титиев', 'Titiev', 'ахм'])(
    'finds a name from the spelling %s',
    (search) => expect(finds(akhmed, search)).toBe(true),
  );

  it.each(['hauptbahnhof', 'Ilyas', 'consulate', 'Зарема', '451290'])(
    'finds %s in notes, tasks and documents',
    (search) => expect(finds(akhmed, search)).toBe(true),
  );

  it.each(['Мухаммед', 'Хусейн', 'Ахмед Мадина', 'Berlin'])('does not find %s', (search) =>
    expect(finds(akhmed, search)).toBe(false),
  );
});
