import { foldCaseOps, type CaseState } from './fold.js';
import { compareOps, type Op } from './ops.js';

/**
 * An op set held in memory with its cases folded: the merge itself, without storage. Merging is
 * set union by op id, so replicas that have seen the same ops hold the same cases. Used to
 * simulate many vaults exchanging files, and to preview what an import would change.
 */
export class Replica {
  private readonly opsByCase = new Map<string, Op[]>();
  private readonly opIds = new Set<string>();
  private readonly cases = new Map<string, CaseState>();

  /** Adds the ops not held yet (by id) and refolds the cases they touch; returns those case ids. */
  addOps(ops: Iterable<Op>): Set<string> {
    const touched = new Set<string>();
    for (const op of ops) {
      if (this.opIds.has(op.id)) continue;
      this.opIds.add(op.id);
      const list = this.opsByCase.get(op.caseId);
      if (list) list.push(op);
      else this.opsByCase.set(op.caseId, [op]);
      touched.add(op.caseId);
    }
    for (const caseId of touched) {
      const ops = this.opsByCase.get(caseId)!.sort(compareOps);
      const folded = foldCaseOps(ops);
      if (folded) this.cases.set(caseId, folded);
    }
    return touched;
  }

  caseOps(caseId: string): readonly Op[] {
    return this.opsByCase.get(caseId) ?? [];
  }

  allCases(): IterableIterator<CaseState> {
    return this.cases.values();
  }

  allCaseIds(): IterableIterator<string> {
    return this.cases.keys();
  }

  allOpCaseIds(): IterableIterator<string> {
    return this.opsByCase.keys();
  }
}
