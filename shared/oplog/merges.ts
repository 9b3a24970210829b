import { compareOps, type MergeOp, type Op } from './ops.js';

/**
 * Which cases are one person. Merges are ops like any other, so every vault that has seen the same
 * merge and unmerge ops must draw the same groups, whatever order they arrived in: merges are taken
 * in log order (clock, then id), each joining the absorbed case's group to the survivor's, and a
 * merge whose two cases are already one group (the same pair merged twice, or in opposite
 * directions by two vaults) changes nothing. So the earliest merge decides the survivor.
 */
export class MergeLog {
  private readonly merges = new Map<string, MergeOp>();
  private readonly undone = new Set<string>();
  private resolved: Resolution | null = null;

  get isEmpty(): boolean {
    return this.merges.size === 0;
  }

  /** Takes the merge and unmerge ops among `ops`; returns the case ids whose group may have changed. */
  add(ops: Iterable<Op>): Set<string> {
    const before = this.merges.size > 0 ? this.resolve() : null;
    const changed = new Set<string>();
    for (const op of ops) {
      if (op.type === 'merge' && !this.merges.has(op.id)) {
        this.merges.set(op.id, op);
        changed.add(op.caseId).add(op.absorbed);
      } else if (op.type === 'unmerge' && !this.undone.has(op.merge)) {
        this.undone.add(op.merge);
        const merge = this.merges.get(op.merge);
        if (merge) changed.add(merge.caseId).add(merge.absorbed);
      }
    }
    if (changed.size === 0) return changed;
    this.resolved = null;
    // Every member of a group that held one of the named cases, before or after, is folded anew.
    const widened = new Set<string>();
    for (const id of changed) {
      for (const member of membersIn(before, id)) widened.add(member);
      for (const member of this.membersOf(this.survivorOf(id))) widened.add(member);
      for (const member of this.membersOf(id)) widened.add(member);
    }
    return widened;
  }

  /** The case a case id shows as: itself, or the survivor of the merges it was absorbed in. */
  survivorOf(caseId: string): string {
    return this.resolve().survivor.get(caseId) ?? caseId;
  }

  /** The survivor and every case absorbed in it (just the case when it was never merged). */
  membersOf(survivor: string): string[] {
    return this.resolve().members.get(survivor) ?? [survivor];
  }

  isActive(op: Op): boolean {
    return op.type !== 'merge' || this.resolve().active.has(op.id);
  }

  /** The merge ops that took effect, as the history shows them (for unmerging). */
  activeMerges(): MergeOp[] {
    const { active } = this.resolve();
    return [...this.merges.values()].filter((m) => active.has(m.id)).sort(compareOps);
  }

  /** Every merge op, to be kept with the index snapshot. */
  ops(): MergeOp[] {
    return [...this.merges.values()];
  }

  /** Unmerge ops only name their merge: enough to restore the log. */
  undoneMerges(): string[] {
    return [...this.undone];
  }

  restore(merges: readonly MergeOp[], undone: readonly string[]): void {
    for (const m of merges) this.merges.set(m.id, m);
    for (const id of undone) this.undone.add(id);
    this.resolved = null;
  }

  clear(): void {
    this.merges.clear();
    this.undone.clear();
    this.resolved = null;
  }

  private resolve(): Resolution {
    if (!this.resolved) this.resolved = resolveMerges([...this.merges.values()], this.undone);
    return this.resolved;
  }
}

interface Resolution {
  survivor: Map<string, string>;
  members: Map<string, string[]>;
  active: Set<string>;
}

function membersIn(resolution: Resolution | null, caseId: string): string[] {
  if (!resolution) return [caseId];
  const survivor = resolution.survivor.get(caseId) ?? caseId;
  return resolution.members.get(survivor) ?? [caseId];
}

/** The pure rule: merges in log order, union by survivor, a merge inside one group ignored. */
export function resolveMerges(merges: readonly MergeOp[], undone: ReadonlySet<string>): Resolution {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root)) root = parent.get(root)!;
    return root;
  };
  const active = new Set<string>();
  for (const merge of [...merges].sort(compareOps)) {
    if (undone.has(merge.id)) continue;
    const absorbedRoot = find(merge.absorbed);
    const survivorRoot = find(merge.caseId);
    if (absorbedRoot === survivorRoot) continue;
    parent.set(absorbedRoot, survivorRoot);
    active.add(merge.id);
  }
  const survivor = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    survivor.set(id, root);
    let list = members.get(root);
    if (!list) members.set(root, (list = [root]));
    list.push(id);
  }
  for (const list of members.values()) list.sort();
  return { survivor, members, active };
}
