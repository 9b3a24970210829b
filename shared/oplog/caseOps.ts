import {
  EDITABLE_LIST_NAMES,
  FIELD_NAMES,
  DEFAULT_FIELDS,
  type CaseFields,
  type FieldName,
  type ListItem,
  type ListName,
  type NewCase,
  type ParsedCasePatch,
} from '../model/case.js';
import { canonicalJson, foldCaseOps, itemKey, registerHeads } from './fold.js';
import type { CreateOp, ItemOp, MergeOp, NoteOp, Op, SetOp, UnmergeOp } from './ops.js';

/**
 * Turning what a person asked for into ops. Pure: the clock, the author and fresh ids come from the
 * caller, so that tests can drive them.
 */
export interface OpContext {
  author: string;
  /** The next clock value, strictly after every value it returned before. */
  clock: () => string;
  newId: () => string;
}

export function newCaseOps(input: NewCase, ctx: OpContext): Op[] {
  const caseId = ctx.newId();
  const fields = { ...DEFAULT_FIELDS } as CaseFields;
  for (const field of FIELD_NAMES) {
    const value = (input as Partial<CaseFields>)[field];
    if (value !== undefined) (fields as Record<string, unknown>)[field] = value;
  }
  const items: CreateOp['items'] = {};
  for (const list of EDITABLE_LIST_NAMES) {
    const given = input[list] as ListItem[] | undefined;
    if (given?.length) items[list] = Object.fromEntries(given.map((item) => [ctx.newId(), item]));
  }
  const create: CreateOp = {
    id: ctx.newId(),
    caseId,
    hlc: ctx.clock(),
    author: ctx.author,
    type: 'create',
    fields,
    items,
  };
  return [create, ...(input.notes ?? []).map((text) => noteOp(caseId, text, ctx))];
}

export function noteOp(caseId: string, text: string, ctx: OpContext): NoteOp {
  return { id: ctx.newId(), caseId, hlc: ctx.clock(), author: ctx.author, type: 'note', text };
}

/**
 * The ops that bring a case to the patch: one set op for the fields that differ (or that are in
 * conflict, since writing a field settles its conflict), and one item op per list item added,
 * changed or removed. An empty result means the patch changes nothing.
 */
export function patchCaseOps(caseId: string, existing: readonly Op[], patch: ParsedCasePatch, ctx: OpContext): Op[] {
  const heads = registerHeads(existing);
  const changed: Partial<CaseFields> = {};
  const prev: SetOp['prev'] = {};
  for (const field of FIELD_NAMES) {
    const value = patch[field];
    if (value === undefined) continue;
    const survivors = heads.get(field) ?? [];
    const settled = survivors.length === 1 && canonicalJson(survivors[0]!.value) === canonicalJson(value);
    if (settled) continue;
    (changed as Record<string, unknown>)[field] = value;
    prev[field] = survivors.map((w) => w.opId);
  }
  const ops: Op[] = [];
  if (Object.keys(changed).length > 0) {
    ops.push({ id: ctx.newId(), caseId, hlc: ctx.clock(), author: ctx.author, type: 'set', fields: changed, prev });
  }
  for (const list of EDITABLE_LIST_NAMES) {
    const wanted = patch[list];
    if (wanted === undefined) continue;
    const current = new Map<string, string[]>();
    for (const [key, survivors] of heads) {
      if (!key.startsWith(`${list}/`) || survivors.every((w) => w.value === null)) continue;
      current.set(
        key.slice(list.length + 1),
        survivors.map((w) => w.opId),
      );
    }
    const kept = new Set<string>();
    for (const entry of wanted) {
      const { id, ...value } = entry as ListItem & { id?: string };
      if (id !== undefined && !current.has(id)) throw new Error(`${list}: no item with id ${id} in this case`);
      const itemId = id ?? ctx.newId();
      kept.add(itemId);
      const survivors = heads.get(itemKey(list, itemId)) ?? [];
      if (survivors.length === 1 && canonicalJson(survivors[0]!.value) === canonicalJson(value)) continue;
      ops.push(
        itemOp(
          caseId,
          list,
          itemId,
          value as ListItem,
          survivors.map((w) => w.opId),
          ctx,
        ),
      );
    }
    for (const [itemId, prevIds] of current) {
      if (!kept.has(itemId)) ops.push(itemOp(caseId, list, itemId, null, prevIds, ctx));
    }
  }
  return ops;
}

export function itemOp(
  caseId: string,
  list: ListName,
  itemId: string,
  value: ListItem | null,
  prev: string[],
  ctx: OpContext,
): ItemOp {
  return { id: ctx.newId(), caseId, hlc: ctx.clock(), author: ctx.author, type: 'item', list, itemId, value, prev };
}

/** Settles a conflict by writing the chosen candidate's value over every survivor of that register. */
export function resolveConflictOp(
  caseId: string,
  existing: readonly Op[],
  key: string,
  chosenOpId: string,
  ctx: OpContext,
): Op {
  const survivors = registerHeads(existing).get(key);
  const chosen = survivors?.find((w) => w.opId === chosenOpId);
  if (!survivors || !chosen) throw new Error(`no conflicting value ${chosenOpId} for ${key}`);
  const prevIds = survivors.map((w) => w.opId);
  const slash = key.indexOf('/');
  if (slash < 0) {
    const field = key as FieldName;
    return {
      id: ctx.newId(),
      caseId,
      hlc: ctx.clock(),
      author: ctx.author,
      type: 'set',
      fields: { [field]: chosen.value } as Partial<CaseFields>,
      prev: { [field]: prevIds },
    };
  }
  return itemOp(
    caseId,
    key.slice(0, slash) as ListName,
    key.slice(slash + 1),
    chosen.value as ListItem | null,
    prevIds,
    ctx,
  );
}

const MAX_OTHER_NAMES = 20;

/**
 * The op that makes `absorbed` part of `survivor`: the survivor's values win, a value only the
 * absorbed case knew fills a blank, and every name the absorbed case went by is kept among the
 * other names, so that search still finds the person by it. `survivorOps` and `absorbedOps` are
 * each case's ops as they fold now (merges already in effect included).
 */
export function mergeCaseOp(
  survivor: string,
  absorbed: string,
  survivorOps: readonly Op[],
  absorbedOps: readonly Op[],
  ctx: OpContext,
): MergeOp {
  const kept = foldCaseOps(survivorOps);
  const gone = foldCaseOps(absorbedOps);
  if (!kept || !gone) throw new Error('both cases must exist to be merged');
  const heads = registerHeads([...survivorOps, ...absorbedOps]);
  const fields = { ...kept.fields } as Record<FieldName, unknown>;
  for (const field of FIELD_NAMES) {
    const blank = fields[field] === null || (Array.isArray(fields[field]) && (fields[field] as unknown[]).length === 0);
    if (blank) fields[field] = (gone.fields as Record<FieldName, unknown>)[field];
  }
  const ownNames = new Set([kept.fields.alias, kept.fields.legalName].filter((n): n is string => !!n));
  const names = [...kept.fields.otherNames, gone.fields.alias, gone.fields.legalName ?? '', ...gone.fields.otherNames];
  fields.otherNames = [...new Set(names.filter((n) => n.trim() !== '' && !ownNames.has(n)))].slice(0, MAX_OTHER_NAMES);
  const prev: MergeOp['prev'] = {};
  for (const field of FIELD_NAMES) prev[field] = (heads.get(field) ?? []).map((w) => w.opId);
  return {
    id: ctx.newId(),
    caseId: survivor,
    hlc: ctx.clock(),
    author: ctx.author,
    type: 'merge',
    absorbed,
    fields: fields as Partial<CaseFields>,
    prev,
  };
}

export function unmergeOp(survivor: string, mergeOpId: string, ctx: OpContext): UnmergeOp {
  return { id: ctx.newId(), caseId: survivor, hlc: ctx.clock(), author: ctx.author, type: 'unmerge', merge: mergeOpId };
}
