import type { ChannelResult } from '../ipc/contract.js';
import { caseHistory, type Change } from '../oplog/history.js';
import type { Op } from '../oplog/ops.js';

type HistoryEntry = ChannelResult<'getCase'>['history'][number];
type EntryChange = HistoryEntry['changes'][number];

/**
 * A case's history in the contract's shape, built on the same pure history the CLI prints.
 * `from` is always the list of values a write replaced (several when it resolved a conflict),
 * absent for a creation or a note.
 */
export function historyEntries(ops: readonly Op[], nameOf: (fingerprint: string) => string | null): HistoryEntry[] {
  return caseHistory(ops).map((entry) => ({
    opId: entry.opId,
    hlc: entry.hlc,
    at: entry.at,
    author: entry.author,
    authorName: nameOf(entry.author),
    type: entryType(entry.changes[0]),
    changes: entry.changes.flatMap(toEntryChanges),
  }));
}

function entryType(change: Change | undefined): HistoryEntry['type'] {
  switch (change?.kind) {
    case 'created':
      return 'create';
    case 'item':
      return 'item';
    case 'note':
      return 'note';
    case 'merged':
      return 'merge';
    case 'unmerged':
      return 'unmerge';
    default:
      return 'set';
  }
}

function toEntryChanges(change: Change): EntryChange[] {
  switch (change.kind) {
    case 'created':
      return [
        ...Object.entries(change.fields).map(([key, to]) => ({ key, to })),
        ...Object.entries(change.items).map(([key, count]) => ({ key, to: count })),
      ];
    case 'field':
      return [{ key: change.field, from: change.from, to: change.to }];
    case 'item':
      return [{ key: `${change.list}/${change.itemId}`, from: change.from, to: change.to }];
    case 'note':
      return [{ key: 'note', to: change.text }];
    case 'merged':
      return [{ key: 'merged', to: change.absorbed }];
    case 'unmerged':
      return [{ key: 'unmerged', to: change.merge }];
  }
}
