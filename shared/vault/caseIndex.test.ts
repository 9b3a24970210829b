import fc from 'fast-check';
import { expect, it } from 'vitest';
import { newCaseOps, patchCaseOps, type OpContext } from '../oplog/caseOps.js';
import { foldCaseOps } from '../oplog/fold.js';
import { formatHlc } from '../oplog/hlc.js';
import type { Op } from '../oplog/ops.js';
import { compileFilter, searchKeyOf } from '../search/filter.js';
import { CaseIndex } from './caseIndex.js';

const NAMES = ['Ахмед', 'Akhmed', 'Хеда', 'Kheda', 'Юсуп', 'Jusup', 'Зелимхан', 'Ислам', 'Marina', 'Aslan'];

function context(): OpContext {
  let n = 0;
  return {
    author: 'a'.repeat(40),
    clock: () => formatHlc({ ms: 1_700_000_000_000 + n, counter: 0, device: 'a'.repeat(16) }),
    newId: () => `id${String(n++).padStart(20, '0')}`,
  };
}

it('finds by search exactly the cases a one-by-one scan finds, also after edits', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 30 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NAMES)), { maxLength: 5 }),
      fc.constantFrom(...NAMES, 'ахм', 'eda', 'Ислам Ахмед', 'nobody'),
      (people, renames, query) => {
        const ctx = context();
        const index = new CaseIndex();
        const opsOf = new Map<string, Op[]>();
        const put = (caseId: string, ops: Op[]) => {
          opsOf.set(caseId, ops);
          index.setFolded(caseId, foldCaseOps(ops), ops);
        };
        for (const [alias, other] of people) {
          const ops = newCaseOps({ alias, otherNames: [other] }, ctx);
          put(ops[0]!.caseId, ops);
        }
        index.query({ search: query }); // builds the joined search text before the edits
        const ids = [...opsOf.keys()];
        for (const [pick, alias] of renames) {
          const caseId = ids[pick % ids.length]!;
          const ops = opsOf.get(caseId)!;
          put(caseId, [...ops, ...patchCaseOps(caseId, ops, { alias }, ctx)]);
        }
        const matches = compileFilter({ search: query });
        const expected = [...opsOf.values()]
          .map((ops) => foldCaseOps(ops)!)
          .filter((c) => matches(index.summary(c.id)!, searchKeyOf(c)))
          .map((c) => c.id)
          .sort();
        expect(
          index
            .query({ search: query })
            .map((c) => c.id)
            .sort(),
        ).toEqual(expected);
      },
    ),
    { numRuns: 200 },
  );
});
