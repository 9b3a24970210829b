import { usageError } from '../errors.js';
import { mergeCaseOp, unmergeOp } from '../oplog/caseOps.js';
import type { CaseState } from '../oplog/fold.js';
import type { MergeOp } from '../oplog/ops.js';
import type { Vault } from './vault.js';

/**
 * Merging two cases that are one person, and undoing it. The merge is an op (oplog/merges.ts), so
 * it travels in exports and every vault that sees it shows one case; the absorbed id keeps
 * answering as the survivor.
 */
export function mergeCases(vault: Vault, keepId: string, absorbId: string): CaseState {
  const keep = vault.getCase(keepId);
  const absorb = vault.getCase(absorbId);
  if (keep.id === absorb.id)
    throw usageError(`${keepId} and ${absorbId} are already one case`, 'sameCase', { id: keep.id });
  const op = mergeCaseOp(
    keep.id,
    absorb.id,
    vault.activeCaseOps(keep.id),
    vault.activeCaseOps(absorb.id),
    vault.opContext(),
  );
  vault.commitOps([op]);
  return vault.getCase(keep.id);
}

/** Undoes a merge in effect, named by its op id (as the case's history shows it). */
export function unmergeCases(vault: Vault, mergeOpId: string): { survivor: CaseState; absorbed: CaseState } {
  const merge = vault.activeMerges().find((m: MergeOp) => m.id === mergeOpId);
  if (!merge)
    throw usageError(`there is no merge ${mergeOpId} in effect in this vault`, 'noSuchMerge', { id: mergeOpId });
  vault.commitOps([unmergeOp(merge.caseId, merge.id, vault.opContext())]);
  return { survivor: vault.getCase(merge.caseId), absorbed: vault.getCase(merge.absorbed) };
}
