import { z } from 'zod';
import {
  FIELD_NAMES,
  LIST_NAMES,
  consentSchema,
  contactSchema,
  documentSchema,
  evidenceFileSchema,
  fieldSchemas,
  fingerprintSchema,
  itemSchemas,
  noteTextSchema,
  taskSchema,
  type CaseFields,
  type FieldName,
  type ListItem,
  type ListName,
} from '../model/case.js';
import { HLC_PATTERN } from './hlc.js';

/**
 * An op is one change to one case, sealed and stored as it is: the op log is the case's history and
 * its audit trail. Every op that enters a vault, written here or imported, passes `opSchema`.
 */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { message: 'must be a 22-character id' });
const prevSchema = z.array(idSchema).max(64);

const base = {
  id: idSchema,
  caseId: idSchema,
  hlc: z.string().regex(HLC_PATTERN, { message: 'must be a clock value' }),
  author: fingerprintSchema,
};

const itemMaps = z.strictObject({
  contacts: z.record(idSchema, contactSchema).optional(),
  documents: z.record(idSchema, documentSchema).optional(),
  tasks: z.record(idSchema, taskSchema).optional(),
  files: z.record(idSchema, evidenceFileSchema).optional(),
});

const fullFields = z.strictObject(fieldSchemas);
const partialFields = z.strictObject(fieldSchemas).partial();

export const createOpSchema = z.strictObject({
  ...base,
  type: z.literal('create'),
  fields: fullFields,
  items: itemMaps,
});
export const setOpSchema = z
  .strictObject({
    ...base,
    type: z.literal('set'),
    fields: partialFields,
    prev: z.partialRecord(z.enum(FIELD_NAMES), prevSchema),
  })
  .refine((op) => Object.keys(op.fields).length > 0, { message: 'a set op must change at least one field' });
export const itemOpSchema = z
  .strictObject({
    ...base,
    type: z.literal('item'),
    list: z.enum(LIST_NAMES),
    itemId: idSchema,
    value: z.union([contactSchema, documentSchema, taskSchema, evidenceFileSchema, consentSchema]).nullable(),
    prev: prevSchema,
  })
  .superRefine((op, ctx) => {
    if (op.value === null) return;
    const parsed = itemSchemaFor(op.list).safeParse(op.value);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['value'], message: `is not a valid ${op.list} item` });
  });
export const noteOpSchema = z.strictObject({ ...base, type: z.literal('note'), text: noteTextSchema });
/**
 * Two cases are one person: the case `absorbed` joins this op's case (the survivor). Like a set op,
 * it writes the survivor's fields over every value either case held, so the merged case starts
 * settled; later edits to either id join it (see merges.ts).
 */
export const mergeOpSchema = z
  .strictObject({
    ...base,
    type: z.literal('merge'),
    absorbed: idSchema,
    fields: partialFields,
    prev: z.partialRecord(z.enum(FIELD_NAMES), z.array(idSchema).max(1024)),
  })
  .refine((op) => op.absorbed !== op.caseId, { message: 'a case cannot be merged into itself' });
/** Undoes a merge op (named by id): the two cases are apart again. */
export const unmergeOpSchema = z.strictObject({ ...base, type: z.literal('unmerge'), merge: idSchema });

export const opSchema = z.union([
  createOpSchema,
  setOpSchema,
  itemOpSchema,
  noteOpSchema,
  mergeOpSchema,
  unmergeOpSchema,
]);

export interface OpBase {
  id: string;
  caseId: string;
  hlc: string;
  author: string;
}
export interface CreateOp extends OpBase {
  type: 'create';
  fields: CaseFields;
  items: { [L in ListName]?: Record<string, ListItem> };
}
export interface SetOp extends OpBase {
  type: 'set';
  fields: Partial<CaseFields>;
  prev: Partial<Record<FieldName, string[]>>;
}
export interface ItemOp extends OpBase {
  type: 'item';
  list: ListName;
  itemId: string;
  value: ListItem | null;
  prev: string[];
}
export interface NoteOp extends OpBase {
  type: 'note';
  text: string;
}
export interface MergeOp extends OpBase {
  type: 'merge';
  absorbed: string;
  fields: Partial<CaseFields>;
  prev: Partial<Record<FieldName, string[]>>;
}
export interface UnmergeOp extends OpBase {
  type: 'unmerge';
  merge: string;
}
export type Op = CreateOp | SetOp | ItemOp | NoteOp | MergeOp | UnmergeOp;

function itemSchemaFor(list: ListName) {
  return itemSchemas[list];
}

/** Sort order of the log: by clock, then by id so that equal clocks (never expected) still sort one way. */
export function compareOps(a: { hlc: string; id: string }, b: { hlc: string; id: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
