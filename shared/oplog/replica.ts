import { foldCaseOps, type CaseState } from './fold.js';
import { MergeLog } from './merges.js';
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
  readonly merges = new MergeLog();

  /** Adds the ops not held yet (by id) and refolds the cases they touch; returns those case ids. */
  addOps(ops: Iterable<Op>): Set<string> {
    const touched = new Set<string>();
    const fresh: Op[] = [];
    for (const op of ops) {
      if (this.opIds.has(op.id)) continue;
      this.opIds.add(op.id);
      fresh.push(op);
      const list = this.opsByCase.get(op.caseId);
      if (list) list.push(op);
      else this.opsByCase.set(op.caseId, [op]);
      touched.add(op.caseId);
    }
    for (const caseId of this.merges.add(fresh)) touched.add(caseId);
    // An op under an absorbed case's id shows in its survivor: fold the survivors of what was touched.
    const survivors = new Set<string>();
    for (const caseId of touched) {
      this.opsByCase.get(caseId)?.sort(compareOps);
      const survivor = this.merges.survivorOf(caseId);
      if (survivor !== caseId) this.cases.delete(caseId);
      survivors.add(survivor);
    }
    for (const caseId of survivors) {
      const folded = foldCaseOps(this.activeOps(caseId), caseId);
      if (folded) this.cases.set(caseId, folded);
      else this.cases.delete(caseId);
    }
    return touched;
  }

  /** The ops a case holds under its own id (what an export of it carries, with its group's). */
  caseOps(caseId: string): readonly Op[] {
    return this.opsByCase.get(caseId) ?? [];
  }

  /** The ops of the case a case id shows as, merged cases included, less merges that took no effect. */
  activeOps(caseId: string): Op[] {
    const members = this.merges.membersOf(this.merges.survivorOf(caseId));
    const ops = members.length === 1 ? [...this.caseOps(members[0]!)] : members.flatMap((m) => this.caseOps(m));
    return ops.filter((op) => this.merges.isActive(op)).sort(compareOps);
  }

  getCase(caseId: string): CaseState | undefined {
    return this.cases.get(this.merges.survivorOf(caseId));
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
