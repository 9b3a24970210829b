import {
  DEFAULT_FIELDS,
  FIELD_NAMES,
  LIST_NAMES,
  type CaseDocument,
  type Consent,
  type Contact,
  type EvidenceFile,
  type FieldName,
  type ListItem,
  type ListName,
  type Task,
} from '../model/case.js';
import { canonicalJson, type Conflict, type Write } from './fold.js';
import { hlcMillis } from './hlc.js';
import { compareOps, type Op } from './ops.js';

/**
 * A case's history for people: what each op changed, with the value it replaced. Pure, so that
 * the CLI and the UI tell the same story. The "before" of a write is read from the writes it names
 * as `prev`, never from the order ops arrived in.
 */
export type Change =
  | { kind: 'created'; fields: Partial<Record<FieldName, unknown>>; items: Partial<Record<ListName, number>> }
  | { kind: 'field'; field: FieldName; from: unknown[]; to: unknown }
  | {
      kind: 'item';
      list: ListName;
      itemId: string;
      action: 'added' | 'changed' | 'removed';
      from: (ListItem | null)[];
      to: ListItem | null;
    }
  | { kind: 'note'; text: string }
  | { kind: 'merged'; absorbed: string }
  | { kind: 'unmerged'; merge: string };

export interface HistoryEntry {
  opId: string;
  hlc: string;
  /** Wall-clock milliseconds of the op's clock. */
  at: number;
  author: string;
  changes: Change[];
}

export function caseHistory(ops: readonly Op[]): HistoryEntry[] {
  const byId = new Map<string, Op>();
  for (const op of ops) byId.set(op.id, op);
  return [...byId.values()].sort(compareOps).map((op) => ({
    opId: op.id,
    hlc: op.hlc,
    at: hlcMillis(op.hlc),
    author: op.author,
    changes: describeOp(op, byId),
  }));
}

/** The changes one op made; `known` holds the case's other ops, to look up the values it replaced. */
export function describeOp(op: Op, known: ReadonlyMap<string, Op>): Change[] {
  switch (op.type) {
    case 'create': {
      const fields: Partial<Record<FieldName, unknown>> = { alias: op.fields.alias };
      for (const field of FIELD_NAMES) {
        if (field === 'alias') continue;
        if (canonicalJson(op.fields[field]) !== canonicalJson(DEFAULT_FIELDS[field])) fields[field] = op.fields[field];
      }
      const items: Partial<Record<ListName, number>> = {};
      for (const list of LIST_NAMES) {
        const count = Object.keys(op.items[list] ?? {}).length;
        if (count > 0) items[list] = count;
      }
      return [{ kind: 'created', fields, items }];
    }
    case 'set':
      return (Object.keys(op.fields) as FieldName[]).map((field) => ({
        kind: 'field',
        field,
        from: (op.prev[field] ?? []).flatMap((id) => fieldValueIn(known.get(id), field)),
        to: op.fields[field],
      }));
    case 'item': {
      const from = op.prev.flatMap((id) => itemValueIn(known.get(id), op.list, op.itemId));
      const existed = from.some((v) => v !== null);
      const action = op.value === null ? 'removed' : existed ? 'changed' : 'added';
      return [{ kind: 'item', list: op.list, itemId: op.itemId, action, from, to: op.value }];
    }
    case 'note':
      return [{ kind: 'note', text: op.text }];
    case 'merge':
      return [{ kind: 'merged', absorbed: op.absorbed }];
    case 'unmerge':
      return [{ kind: 'unmerged', merge: op.merge }];
  }
}

function fieldValueIn(op: Op | undefined, field: FieldName): unknown[] {
  if (op?.type === 'create') return [op.fields[field]];
  if ((op?.type === 'set' || op?.type === 'merge') && field in op.fields) return [op.fields[field]];
  return [];
}

function itemValueIn(op: Op | undefined, list: ListName, itemId: string): (ListItem | null)[] {
  if (op?.type === 'create') {
    const value = op.items[list]?.[itemId];
    return value === undefined ? [] : [value];
  }
  if (op?.type === 'item' && op.list === list && op.itemId === itemId) return [op.value];
  return [];
}

// ---- words --------------------------------------------------------------------------------------

const MAX_VALUE_CHARS = 60;
const ITEM_LABEL: Record<ListName, string> = {
  contacts: 'contact',
  documents: 'document',
  tasks: 'task',
  files: 'file',
  consents: 'hand-off consent',
};

/** A field value in a few words: `—` for nothing, lists joined, long text cut. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : cut(value.map((v) => formatValue(v)).join(', '));
  if (typeof value === 'object') return cut(canonicalJson(value));
  return cut(String(value));
}

/** A list item in a few words: `signal +7 900…`, `visa (applied)`, `call the lawyer, due 2025-03-01`. */
export function formatItem(list: ListName, item: ListItem | null): string {
  if (item === null) return '—';
  if (list === 'contacts') {
    const c = item as Contact;
    return cut(`${c.channel} ${c.value}`);
  }
  if (list === 'documents') {
    const d = item as CaseDocument;
    return `${d.kind} (${d.status})`;
  }
  if (list === 'files') {
    const f = item as EvidenceFile;
    return cut(`${f.kind}: ${f.name}${f.caption ? ` (${f.caption})` : ''}`);
  }
  if (list === 'consents') {
    const c = item as Consent;
    return cut(
      c.agreedTo
        ? `to ${c.recipientName}; the person agreed to their data going to ${c.agreedTo}`
        : `to ${c.recipientName} without the person's agreement: ${c.override ?? ''}`,
    );
  }
  const t = item as Task;
  return cut(`${t.text}${t.due ? `, due ${t.due}` : ''}${t.done ? ', done' : ''}`);
}

/** One change as one line, e.g. `stage: shelter → documents`. */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'created': {
      const parts = Object.entries(change.fields).map(([field, value]) => `${field}: ${formatValue(value)}`);
      for (const [list, count] of Object.entries(change.items))
        parts.push(`${count} ${plural(list as ListName, count)}`);
      return `created (${parts.join(', ')})`;
    }
    case 'field': {
      const before = change.from.length === 0 ? '?' : change.from.map(formatValue).join(' | ');
      const resolved = change.from.length > 1 ? ' (conflict resolved)' : '';
      return `${change.field}: ${before} → ${formatValue(change.to)}${resolved}`;
    }
    case 'item': {
      const label = ITEM_LABEL[change.list];
      if (change.action === 'added') return `${label} added: ${formatItem(change.list, change.to)}`;
      if (change.action === 'removed') {
        const gone = change.from.find((v) => v !== null) ?? null;
        return `${label} removed: ${formatItem(change.list, gone)}`;
      }
      const resolved = change.from.length > 1 ? ' (conflict resolved)' : '';
      return `${label} changed: ${formatItem(change.list, change.to)} (${itemDiff(change.from[0] ?? null, change.to)})${resolved}`;
    }
    case 'note':
      return `note added: ${formatValue(change.text.replace(/\s+/g, ' '))}`;
    case 'merged':
      return `merged with case ${change.absorbed}: one person`;
    case 'unmerged':
      return `merge undone (${change.merge})`;
  }
}

/** A conflict's candidate value in a few words. */
export function describeCandidate(conflict: Conflict, write: Write): string {
  if (conflict.list) return write.value === null ? 'removed' : formatItem(conflict.list, write.value as ListItem);
  return formatValue(write.value);
}

function itemDiff(before: ListItem | null, after: ListItem | null): string {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changed = keys.filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
  if (changed.length === 0) return 'unchanged';
  return changed.map((k) => `${k}: ${formatValue(a[k])} → ${formatValue(b[k])}`).join(', ');
}

function plural(list: ListName, count: number): string {
  return count === 1 ? ITEM_LABEL[list] : list;
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_VALUE_CHARS ? text : `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…`;
}
