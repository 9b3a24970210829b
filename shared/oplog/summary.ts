import { ABROAD_STAGES, type CaseFields, type Stage } from '../model/case.js';
import type { CaseState } from './fold.js';
import type { Op } from './ops.js';

/**
 * What the vault keeps in memory for every case: the fields people sort, filter and count by, and
 * nothing else. The whole case (contacts, notes, history) is folded from its ops when it is opened,
 * so that 100,000 cases fit in a few tens of megabytes.
 */
export const SUMMARY_FIELDS = [
  'alias',
  'stage',
  'closedReason',
  'passport',
  'internalPassport',
  'refugeCountry',
  'risk',
  'assignedTo',
  'needs',
] as const;
export type SummaryFields = Pick<CaseFields, (typeof SUMMARY_FIELDS)[number]>;

export interface CaseSummary {
  id: string;
  fields: SummaryFields;
  conflicts: number;
  /** Due dates of the tasks not yet done, for "overdue" without keeping the tasks. */
  openTaskDues: string[];
  /** How many evidence files the case has (absent in index snapshots written before files). */
  fileCount?: number;
  createdAt: string;
  updatedAt: string;
  /** Clock of the earliest op that put the case at arrived or resettled, if it is there now. */
  arrivedAt: string | null;
  opCount: number;
}

export function summarizeCase(state: CaseState, ops: readonly Op[]): CaseSummary {
  const f = state.fields;
  return {
    id: state.id,
    fields: {
      alias: f.alias,
      stage: f.stage,
      closedReason: f.closedReason,
      passport: f.passport,
      internalPassport: f.internalPassport,
      refugeCountry: f.refugeCountry,
      risk: f.risk,
      assignedTo: f.assignedTo,
      needs: f.needs,
    },
    conflicts: state.conflicts.length,
    openTaskDues: state.tasks.filter((t) => !t.done && t.due !== null).map((t) => t.due!),
    fileCount: state.files.length,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    arrivedAt: ABROAD_STAGES.has(f.stage) ? firstArrival(ops) : null,
    opCount: state.opCount,
  };
}

export function overdueTasks(summary: CaseSummary, today: string): number {
  let n = 0;
  for (const due of summary.openTaskDues) if (due < today) n += 1;
  return n;
}

/** The clock of the earliest op that put the case at arrived or resettled (its create op included). */
function firstArrival(ops: readonly Op[]): string | null {
  let first: string | null = null;
  for (const op of ops) {
    let stage: Stage | undefined;
    if (op.type === 'create' || op.type === 'set' || op.type === 'merge') stage = op.fields.stage;
    if (stage !== undefined && ABROAD_STAGES.has(stage) && (first === null || op.hlc < first)) first = op.hlc;
  }
  return first;
}
