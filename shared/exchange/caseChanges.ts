import { FIELD_NAMES, LIST_NAMES } from '../model/case.js';
import { canonicalJson, type CaseState, type Conflict } from '../oplog/fold.js';

/**
 * What an import changes in one case, for the import report and the preview: a new case, the
 * fields and lists whose value changed, and conflicts that appeared (both values, both authors).
 */
export interface CaseChange {
  caseId: string;
  alias: string;
  isNew: boolean;
  changedFields: string[];
  newConflicts: Conflict[];
}

export function diffCase(before: CaseState | undefined, after: CaseState): CaseChange {
  const changedFields: string[] = [];
  if (before) {
    for (const field of FIELD_NAMES) {
      if (canonicalJson(before.fields[field]) !== canonicalJson(after.fields[field])) changedFields.push(field);
    }
    for (const list of LIST_NAMES) {
      if (canonicalJson(before[list]) !== canonicalJson(after[list])) changedFields.push(list);
    }
    if (after.notes.length !== before.notes.length) changedFields.push('notes');
  }
  const known = new Map((before?.conflicts ?? []).map((c) => [c.key, conflictSignature(c)]));
  const newConflicts = after.conflicts.filter((c) => known.get(c.key) !== conflictSignature(c));
  return { caseId: after.id, alias: after.fields.alias, isNew: !before, changedFields, newConflicts };
}

const conflictSignature = (c: Conflict) =>
  c.candidates
    .map((w) => w.opId)
    .sort()
    .join(',');
