import {
  DEFAULT_FIELDS,
  FIELD_NAMES,
  LIST_NAMES,
  type CaseDocument,
  type CaseFields,
  type Consent,
  type Contact,
  type EvidenceFile,
  type FieldName,
  type ListItem,
  type ListName,
  type Task,
} from '../model/case.js';
import { compareOps, type Op } from './ops.js';

/**
 * A case is the fold of its ops. Every field and every list item is a multi-value register: a write
 * names the writes it replaces (`prev`), and the register's value is the set of writes nobody
 * replaced. One survivor is a plain value; several concurrent survivors are a conflict that stays
 * visible until a person picks one (the pick is a write that replaces them all). The result depends
 * only on the set of ops, never on the order they arrived in.
 */

export interface Write {
  opId: string;
  hlc: string;
  author: string;
  value: unknown;
}

export interface Conflict {
  /** `stage`, or `tasks/<itemId>` for a list item. */
  key: string;
  field?: FieldName;
  list?: ListName;
  itemId?: string;
  /** Newest first; the first is the value shown until someone resolves the conflict. */
  candidates: Write[];
}

export interface Note {
  id: string;
  text: string;
  hlc: string;
  author: string;
}

export type WithId<T> = T & { id: string };

export interface CaseState {
  id: string;
  fields: CaseFields;
  contacts: WithId<Contact>[];
  documents: WithId<CaseDocument>[];
  tasks: WithId<Task>[];
  /** Evidence files' descriptions; their content is sealed apart (shared/evidence). */
  files: WithId<EvidenceFile>[];
  /** Each hand-off's consent, or the reason it was handed off without (never edited). */
  consents: WithId<Consent>[];
  notes: Note[];
  conflicts: Conflict[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  opCount: number;
}

/** Every register's surviving writes: what a new write must name as `prev` to replace them. */
export type RegisterHeads = Map<string, Write[]>;

export const itemKey = (list: ListName, itemId: string) => `${list}/${itemId}`;

export function registerHeads(ops: readonly Op[]): RegisterHeads {
  // Per register: its writes, and the ids its later writes name as replaced (most have none).
  const registers = new Map<string, { writes: Write[]; replaced?: Set<string> }>();
  const seen = new Set<string>();
  const put = (key: string, op: Op, value: unknown, prev: readonly string[] | undefined) => {
    let register = registers.get(key);
    if (!register) registers.set(key, (register = { writes: [] }));
    register.writes.push({ opId: op.id, hlc: op.hlc, author: op.author, value });
    if (prev && prev.length > 0) {
      register.replaced ??= new Set();
      for (const p of prev) register.replaced.add(p);
    }
  };
  for (const op of ops) {
    if (seen.has(op.id)) continue;
    seen.add(op.id);
    switch (op.type) {
      case 'create':
        for (const field of FIELD_NAMES) put(field, op, op.fields[field], undefined);
        for (const list of LIST_NAMES) {
          const items = op.items[list];
          if (items)
            for (const [itemId, value] of Object.entries(items)) put(itemKey(list, itemId), op, value, undefined);
        }
        break;
      case 'set':
      case 'merge':
        for (const field of Object.keys(op.fields) as FieldName[]) put(field, op, op.fields[field], op.prev[field]);
        break;
      case 'item':
        put(itemKey(op.list, op.itemId), op, op.value, op.prev);
        break;
      case 'note':
      case 'unmerge':
        break;
    }
  }
  const heads: RegisterHeads = new Map();
  for (const [key, { writes, replaced }] of registers) {
    if (writes.length === 1 && !replaced) {
      heads.set(key, writes);
      continue;
    }
    const survivors = replaced ? writes.filter((w) => !replaced.has(w.opId)) : writes;
    survivors.sort((a, b) => (a.hlc !== b.hlc ? (a.hlc < b.hlc ? 1 : -1) : a.opId < b.opId ? 1 : -1));
    heads.set(key, survivors);
  }
  return heads;
}

/**
 * Folds one case's ops (any order, duplicates allowed). Null until the case's create op is among them.
 * A merged case is the fold of every op of the cases merged into it (`survivor` names it; see
 * merges.ts), less the merge ops that took no effect.
 */
export function foldCaseOps(ops: readonly Op[], survivor?: string): CaseState | null {
  const creates = ops.filter((op) => op.type === 'create');
  if (creates.length === 0) return null;
  const first = creates.reduce((a, b) => (compareOps(a, b) <= 0 ? a : b));
  const heads = registerHeads(ops);
  const fields = { alias: '', ...DEFAULT_FIELDS } as CaseFields;
  const lists: Record<ListName, WithId<ListItem>[]> = {
    contacts: [],
    documents: [],
    tasks: [],
    files: [],
    consents: [],
  };
  const conflicts: Conflict[] = [];
  for (const [key, survivors] of heads) {
    const winner = survivors[0];
    if (!winner) continue; // every write was replaced: impossible for well-formed ops, harmless otherwise
    const slash = key.indexOf('/');
    if (slash < 0) {
      (fields as Record<string, unknown>)[key] = winner.value;
      if (disagree(survivors)) conflicts.push({ key, field: key as FieldName, candidates: survivors });
    } else {
      const list = key.slice(0, slash) as ListName;
      const itemId = key.slice(slash + 1);
      if (winner.value !== null) lists[list].push({ ...(winner.value as ListItem), id: itemId });
      if (disagree(survivors)) conflicts.push({ key, list, itemId, candidates: survivors });
    }
  }
  const notes: Note[] = [];
  const seen = new Set<string>();
  // Items are listed in the order they were first added, whichever write survives.
  const origin = new Map<string, string>();
  const noteOrigin = (key: string, hlc: string) => {
    const known = origin.get(key);
    if (known === undefined || hlc < known) origin.set(key, hlc);
  };
  let updatedAt = first.hlc;
  for (const op of ops) {
    if (seen.has(op.id)) continue;
    seen.add(op.id);
    if (op.hlc > updatedAt) updatedAt = op.hlc;
    if (op.type === 'note') notes.push({ id: op.id, text: op.text, hlc: op.hlc, author: op.author });
    else if (op.type === 'item') noteOrigin(op.itemId, op.hlc);
    else if (op.type === 'create')
      for (const list of LIST_NAMES) for (const itemId of Object.keys(op.items[list] ?? {})) noteOrigin(itemId, op.hlc);
  }
  notes.sort((a, b) => compareOps(a, b));
  const byItemOrigin = (items: WithId<ListItem>[]) =>
    items.sort((a, b) => {
      const oa = origin.get(a.id) ?? '';
      const ob = origin.get(b.id) ?? '';
      if (oa !== ob) return oa < ob ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  conflicts.sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    id: survivor ?? first.caseId,
    fields,
    contacts: byItemOrigin(lists.contacts) as WithId<Contact>[],
    documents: byItemOrigin(lists.documents) as WithId<CaseDocument>[],
    tasks: byItemOrigin(lists.tasks) as WithId<Task>[],
    files: byItemOrigin(lists.files) as WithId<EvidenceFile>[],
    consents: byItemOrigin(lists.consents) as WithId<Consent>[],
    notes,
    conflicts,
    createdAt: first.hlc,
    createdBy: first.author,
    updatedAt,
    opCount: seen.size,
  };
}

function disagree(survivors: readonly Write[]): boolean {
  if (survivors.length < 2) return false;
  const firstValue = canonicalJson(survivors[0]!.value);
  return survivors.some((w) => canonicalJson(w.value) !== firstValue);
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
