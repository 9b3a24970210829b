import type { CreateOp, Op, SetOp } from '../oplog/ops.js';

/**
 * Minimum necessary: an export can leave out fields its recipient does not need. What was left out
 * is named in the bundle (`omitted`) and shown on import. Notes are free text and cannot be
 * redacted field by field: a person who must not see them should not be sent the case. `files`
 * leaves out evidence files' content only (exportCases.ts): their descriptions still travel.
 */
export const OMITTABLE_FIELDS = ['legalName', 'otherNames', 'contacts', 'location', 'files'] as const;
export type OmittableField = (typeof OMITTABLE_FIELDS)[number];

const SCALAR_FIELDS = ['legalName', 'otherNames', 'location'] as const;
/** What a left-out field reads as on the recipient's side (the case model's "not known"). */
const BLANK: Record<(typeof SCALAR_FIELDS)[number], null | []> = { legalName: null, otherNames: [], location: null };

/**
 * Removes the fields from create ops (set to "not known"), set ops (dropped from the op; an op
 * left with no field is dropped) and contact item ops (dropped). Ops keep their ids, so the
 * recipient's history still lines up with the sender's.
 */
export function redactOps(ops: readonly Op[], omitted: readonly OmittableField[]): Op[] {
  if (omitted.length === 0) return [...ops];
  const drop = new Set<string>(omitted);
  const out: Op[] = [];
  for (const op of ops) {
    const redacted = redactOp(op, drop);
    if (redacted) out.push(redacted);
  }
  return out;
}

function redactOp(op: Op, drop: ReadonlySet<string>): Op | null {
  switch (op.type) {
    case 'create': {
      const fields = { ...op.fields };
      for (const field of SCALAR_FIELDS) if (drop.has(field)) (fields as Record<string, unknown>)[field] = BLANK[field];
      const items: CreateOp['items'] = { ...op.items };
      if (drop.has('contacts')) delete items.contacts;
      return { ...op, fields, items };
    }
    case 'set':
    case 'merge': {
      const fields: SetOp['fields'] = { ...op.fields };
      const prev: SetOp['prev'] = { ...op.prev };
      for (const field of SCALAR_FIELDS) {
        if (!drop.has(field)) continue;
        delete fields[field];
        delete prev[field];
      }
      // A merge stays, even with no field left: the two cases are still one person.
      return Object.keys(fields).length === 0 && op.type === 'set' ? null : { ...op, fields, prev };
    }
    case 'item':
      return op.list === 'contacts' && drop.has('contacts') ? null : op;
    case 'note':
    case 'unmerge':
      return op;
  }
}
