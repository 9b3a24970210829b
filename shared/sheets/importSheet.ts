import path from 'node:path';
import { newCaseOps } from '../oplog/caseOps.js';
import { formatHlc, tickHlc, type Hlc } from '../oplog/hlc.js';
import type { Op } from '../oplog/ops.js';
import { randomId } from '../crypto/random.js';
import type { NewCase } from '../model/case.js';
import type { Vault } from '../vault/vault.js';
import { isBlankCell, type Sheet, type Workbook } from './cells.js';
import type { TextEncoding } from './decodeText.js';
import { importedRows, rememberRows, rowFingerprint } from './importedRows.js';
import { lookalikeFinder, type ExistingCase } from './looksLikeExisting.js';
import {
  checkMappingFits,
  dataRowsOf,
  fillValues,
  findHeaderRow,
  proposeMapping,
  type SheetMapping,
} from './mapping.js';
import { cellText, columnLetter } from './cells.js';
import { planRows, type SheetWarning } from './planRows.js';
import type { CsvDelimiter } from './readCsv.js';
import { readSpreadsheetFile } from './readSpreadsheet.js';
import { refuseSheet } from './sheetErrors.js';

/**
 * Import of a spreadsheet, in the shape of the sealed-file import: the file is read and checked in a
 * fixed order (size, kind, archive, sheet, header, rows, cells, mapping), each refusal saying why
 * and what to do; then every row is planned, rows imported before are recognised, and the new cases
 * and the record of their rows are written in ONE transaction. A preview runs every step but the
 * write, so what it shows is what an import does.
 */
export interface SheetReadOptions {
  sheet?: string;
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
}

export interface SheetImportOptions extends SheetReadOptions {
  /** The person's mapping; without one, the proposal is used. */
  mapping?: SheetMapping;
  dryRun?: boolean;
  /** Told as the import moves on: after reading, every few hundred rows checked, before the write. */
  onProgress?: (progress: SheetImportProgress) => void;
}

export interface SheetImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

const PROGRESS_EVERY = 500;

export type RowStatus = 'new' | 'already imported' | 'repeated' | 'skipped' | 'refused';

export interface RowOutcome {
  row: number;
  status: RowStatus;
  /** Why a row was skipped or refused, or which earlier row a repeated one repeats. */
  reason: string | null;
  alias: string | null;
  /** A case already in the vault that this row looks like: flagged for review, not merged. */
  lookalike: ExistingCase | null;
  /** How many cells of the row are kept in its note. */
  keptInNote: number;
  caseId: string | null;
}

export interface SheetImportReport {
  status: 'preview' | 'imported';
  fileName: string;
  kind: Workbook['kind'];
  sheet: string;
  sheets: string[];
  encoding: string | null;
  delimiter: string | null;
  mapping: SheetMapping;
  counts: {
    rows: number;
    new: number;
    alreadyImported: number;
    repeated: number;
    blank: number;
    totals: number;
    refused: number;
    withNotes: number;
    lookalikes: number;
  };
  rows: RowOutcome[];
  warnings: SheetWarning[];
}

export interface SheetInspection {
  fileName: string;
  kind: Workbook['kind'];
  sheets: Array<{ name: string; rows: number }>;
  sheet: string;
  encoding: string | null;
  delimiter: string | null;
  mapping: SheetMapping;
  /** A few values of each column (by letter), for the person to recognise it by. */
  samples: Record<string, string[]>;
}

/** The file's sheets and the proposed mapping of one (the first with data unless named). */
export function inspectSpreadsheet(
  filePath: string,
  options: SheetReadOptions & { mapping?: SheetMapping } = {},
): SheetInspection {
  const workbook = readSpreadsheetFile(filePath, options);
  const sheet = pickSheet(workbook, options.sheet);
  const mapping = options.mapping && options.mapping.sheet === sheet.name ? options.mapping : null;
  if (mapping) checkMappingFits(sheet, mapping);
  return {
    fileName: path.basename(filePath),
    kind: workbook.kind,
    sheets: workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: sheet.name,
    encoding: workbook.encoding,
    delimiter: workbook.delimiter,
    mapping: mapping ? fillValues(sheet, mapping) : proposeMapping(sheet),
    samples: samplesOf(sheet, mapping?.headerRow ?? null),
  };
}

export function importSpreadsheet(vault: Vault, filePath: string, options: SheetImportOptions = {}): SheetImportReport {
  const fileName = path.basename(filePath);
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'reading', done: 0, total: 0 });
  const { plan, mapping, file } = readAndPlan(filePath, options);
  const total = plan.rows.length;

  const known = importedRows(vault);
  const findLookalike = lookalikeFinder(vault);
  const firstRowOf = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  const fresh: Array<{ outcome: RowOutcome; input: NewCase; fingerprint: string }> = [];
  for (const planned of plan.rows) {
    if (outcomes.length % PROGRESS_EVERY === 0) progress({ phase: 'checking', done: outcomes.length, total });
    if (planned.kind === 'skipped') {
      outcomes.push(outcome(planned.row, 'skipped', planned.reason));
      continue;
    }
    if (planned.kind === 'refused') {
      outcomes.push(outcome(planned.row, 'refused', planned.detail));
      continue;
    }
    const fingerprint = rowFingerprint(vault, planned.fingerprintSource);
    const alias = planned.input.alias;
    if (known.has(fingerprint)) {
      outcomes.push({ ...outcome(planned.row, 'already imported', null), alias });
      continue;
    }
    const earlier = firstRowOf.get(fingerprint);
    if (earlier !== undefined) {
      outcomes.push({ ...outcome(planned.row, 'repeated', `the same as row ${earlier}`), alias });
      continue;
    }
    firstRowOf.set(fingerprint, planned.row);
    const lookalike = findLookalike(planned.input);
    const input = lookalike ? withLookalikeNote(planned.input, lookalike) : planned.input;
    const row = { ...outcome(planned.row, 'new', null), alias, lookalike, keptInNote: planned.noteLines };
    outcomes.push(row);
    fresh.push({ outcome: row, input, fingerprint });
  }

  if (!options.dryRun && fresh.length > 0) {
    progress({ phase: 'writing', done: 0, total: fresh.length });
    const ops = opsFor(
      vault,
      fresh.map((f) => f.input),
    );
    const created = ops.filter((op) => op.type === 'create');
    fresh.forEach((f, i) => (f.outcome.caseId = created[i]!.caseId));
    vault.mergeValidatedOps(ops, (db) =>
      rememberRows(
        vault,
        db,
        known,
        fresh.map((f) => f.fingerprint),
      ),
    );
  }

  const count = (status: RowStatus, reason?: string) =>
    outcomes.filter((o) => o.status === status && (reason === undefined || o.reason === reason)).length;
  return {
    status: options.dryRun ? 'preview' : 'imported',
    fileName,
    ...file,
    mapping,
    counts: {
      rows: outcomes.length,
      new: fresh.length,
      alreadyImported: count('already imported'),
      repeated: count('repeated'),
      blank: count('skipped', 'blank'),
      totals: count('skipped', 'totals'),
      refused: count('refused'),
      withNotes: fresh.filter((f) => f.outcome.keptInNote > 0).length,
      lookalikes: fresh.filter((f) => f.outcome.lookalike !== null).length,
    },
    rows: outcomes,
    warnings: plan.warnings,
  };
}

function samplesOf(sheet: Sheet, headerRow: number | null): Record<string, string[]> {
  const rows = dataRowsOf(sheet, headerRow ?? findHeaderRow(sheet));
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    row.forEach((cell, index) => {
      const text = cellText(cell).trim().replace(/\s+/g, ' ').slice(0, 60);
      if (text === '') return;
      const list = (out[columnLetter(index)] ??= []);
      if (list.length < 3 && !list.includes(text)) list.push(text);
    });
  }
  return out;
}

/**
 * The file read and every row planned. Only the plan leaves: the sheet's cells are garbage before
 * the vault writes, which keeps the peak memory of a large import down.
 */
function readAndPlan(filePath: string, options: SheetImportOptions) {
  const sheetName = options.sheet ?? options.mapping?.sheet;
  const workbook = readSpreadsheetFile(filePath, { ...options, sheet: sheetName });
  const sheet = pickSheet(workbook, sheetName);
  const mapping = options.mapping ?? proposeMapping(sheet);
  const plan = planRows(sheet, mapping, { fileName: path.basename(filePath) });
  const file = {
    kind: workbook.kind,
    sheet: sheet.name,
    sheets: workbook.sheets.map((s) => s.name),
    encoding: workbook.encoding,
    delimiter: workbook.delimiter,
  };
  return { plan, mapping, file };
}

function outcome(row: number, status: RowStatus, reason: string | null): RowOutcome {
  return { row, status, reason, alias: null, lookalike: null, keptInNote: 0, caseId: null };
}

function pickSheet(workbook: Workbook, name: string | undefined): Sheet {
  if (name !== undefined) {
    const found = workbook.sheets.find((s) => s.name === name);
    if (!found) {
      throw refuseSheet(
        'sheet',
        `the file has no sheet "${name}"; its sheets are: ${workbook.sheets.map((s) => s.name).join(', ')}`,
        {
          sheet: name,
        },
      );
    }
    return found;
  }
  const withData = workbook.sheets.find((s) => s.rows.some((row) => row.some((cell) => !isBlankCell(cell))));
  if (!withData) throw refuseSheet('empty', 'every sheet of the file is empty: there is nothing to import');
  return withData;
}

/** A look-alike is said on the case itself, so the flag outlives the import report. */
function withLookalikeNote(input: NewCase, lookalike: ExistingCase): NewCase {
  const note = `Похоже на дело «${lookalike.alias}» (${lookalike.id.slice(0, 8)}): проверьте, не один ли это человек. / Looks like the case "${lookalike.alias}" (${lookalike.id.slice(0, 8)}): check whether it is the same person.`;
  return { ...input, notes: [...(input.notes ?? []), note] };
}

/** Ops for the new cases, stamped with this vault's author and device, clock running from now. */
function opsFor(vault: Vault, inputs: readonly NewCase[]): Op[] {
  let clock: Hlc = { ms: 0, counter: 0, device: vault.device };
  const ctx = {
    author: vault.me.fingerprint,
    newId: randomId,
    clock: () => {
      clock = tickHlc(clock, Date.now());
      return formatHlc(clock);
    },
  };
  return inputs.flatMap((input) => newCaseOps(input, ctx));
}
