import { SUMMARY_FIELDS, type CaseSummary, type SummaryFields } from '../oplog/summary.js';

/**
 * A case summary as the index snapshot stores it: its values in a fixed order, without the names.
 * At 100,000 cases the names were half the snapshot's JSON, and parsing them half of an open.
 */
const TOP_KEYS = ['conflicts', 'openTaskDues', 'fileCount', 'createdAt', 'updatedAt', 'arrivedAt', 'opCount'] as const;

// Every key of a summary is packed: a new one that is not fails to compile here.
type Packed = Exclude<keyof CaseSummary, 'id' | 'fields' | (typeof TOP_KEYS)[number]>;
const everyKeyPacked: [Packed] extends [never] ? true : never = true;
void everyKeyPacked;

export type PackedSummary = unknown[];

export function packSummary(summary: CaseSummary): PackedSummary {
  const out: unknown[] = SUMMARY_FIELDS.map((name) => summary.fields[name]);
  for (const key of TOP_KEYS) out.push(key === 'fileCount' ? (summary.fileCount ?? 0) : summary[key]);
  return out;
}

export function unpackSummary(id: string, packed: PackedSummary): CaseSummary {
  if (!Array.isArray(packed) || packed.length !== SUMMARY_FIELDS.length + TOP_KEYS.length) {
    throw new Error('a packed case summary has the wrong length');
  }
  const fields = {} as Record<string, unknown>;
  SUMMARY_FIELDS.forEach((name, i) => (fields[name] = packed[i]));
  const at = SUMMARY_FIELDS.length;
  return {
    id,
    fields: fields as unknown as SummaryFields,
    conflicts: packed[at] as number,
    openTaskDues: packed[at + 1] as string[],
    fileCount: packed[at + 2] as number,
    createdAt: packed[at + 3] as string,
    updatedAt: packed[at + 4] as string,
    arrivedAt: packed[at + 5] as string | null,
    opCount: packed[at + 6] as number,
  };
}
