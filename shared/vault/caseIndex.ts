import { compareOps, type Op } from '../oplog/ops.js';
import { foldCaseOps, type CaseState } from '../oplog/fold.js';
import { compileFilter, searchKeyOf, type CaseFilter } from '../search/filter.js';

/**
 * Every op and every folded case held in memory while the vault is open, with what search needs.
 * No I/O: the vault feeds it ops after they are committed, and tests feed it ops directly.
 */
export class CaseIndex {
  private readonly opsByCase = new Map<string, Op[]>();
  private readonly opIds = new Set<string>();
  private readonly cases = new Map<string, CaseState>();
  private readonly searchKeys = new Map<string, string>();

  get caseCount(): number {
    return this.cases.size;
  }

  get opCount(): number {
    return this.opIds.size;
  }

  hasOp(id: string): boolean {
    return this.opIds.has(id);
  }

  /** Adds ops it has not seen (by id) and refolds the cases they touch; returns those case ids. */
  addOps(ops: Iterable<Op>): Set<string> {
    const touched = new Set<string>();
    for (const op of ops) {
      if (this.opIds.has(op.id)) continue;
      this.opIds.add(op.id);
      let list = this.opsByCase.get(op.caseId);
      if (!list) this.opsByCase.set(op.caseId, (list = []));
      list.push(op);
      touched.add(op.caseId);
    }
    for (const caseId of touched) this.refold(caseId);
    return touched;
  }

  /** Forgets a case entirely (purge). Returns the ids of the ops it held. */
  removeCase(caseId: string): string[] {
    const ops = this.opsByCase.get(caseId) ?? [];
    for (const op of ops) this.opIds.delete(op.id);
    this.opsByCase.delete(caseId);
    this.cases.delete(caseId);
    this.searchKeys.delete(caseId);
    return ops.map((op) => op.id);
  }

  private refold(caseId: string): void {
    const ops = this.opsByCase.get(caseId)!;
    ops.sort(compareOps);
    const folded = foldCaseOps(ops);
    if (!folded) return; // ops that arrived before their case's create op wait here for it
    this.cases.set(caseId, folded);
    this.searchKeys.set(caseId, searchKeyOf(folded));
  }

  getCase(caseId: string): CaseState | undefined {
    return this.cases.get(caseId);
  }

  /** The case's ops in log order (by clock). */
  caseOps(caseId: string): readonly Op[] {
    return this.opsByCase.get(caseId) ?? [];
  }

  allCases(): IterableIterator<CaseState> {
    return this.cases.values();
  }

  allCaseIds(): IterableIterator<string> {
    return this.cases.keys();
  }

  /** Ids of every case that has ops, including ops still waiting for their case's create op. */
  allOpCaseIds(): IterableIterator<string> {
    return this.opsByCase.keys();
  }

  /** Drops every decrypted op and case (on lock). */
  clear(): void {
    this.opsByCase.clear();
    this.opIds.clear();
    this.cases.clear();
    this.searchKeys.clear();
  }

  query(filter: CaseFilter): CaseState[] {
    const matches = compileFilter(filter);
    const out: CaseState[] = [];
    for (const [id, c] of this.cases) if (matches(c, this.searchKeys.get(id)!)) out.push(c);
    return out;
  }

  /** Case ids that start with the given text: lets a person type the first characters of an id. */
  idsStartingWith(prefix: string): string[] {
    if (this.cases.has(prefix)) return [prefix];
    const out: string[] = [];
    for (const id of this.cases.keys()) if (id.startsWith(prefix)) out.push(id);
    return out;
  }
}
