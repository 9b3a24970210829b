import { z } from 'zod';
import { describeIssues } from '../model/case.js';
import { cellText, columnIndex, columnLetter, isBlankCell, type Cell, type Sheet } from './cells.js';
import { SHEET_LIMITS } from './limits.js';
import { refuseSheet } from './sheetErrors.js';
import {
  MULTI_VALUE_TARGETS,
  REPEATABLE_TARGETS,
  SHEET_TARGETS,
  TARGET_CODES,
  isEnumTarget,
  type SheetTarget,
} from './targets.js';
import { proposeTarget, proposeValue } from './vocabulary.js';

/**
 * The mapping of a sheet's columns to case fields and of their values to the model's codes: what
 * `crossing sheet map` prints for a person to edit and `sheet import --mapping` reads back, and what
 * the import wizard edits. This schema is its one definition.
 */
export const MAPPING_FORMAT = 'crossing-sheet-mapping/1';

const valueMappingSchema = z.strictObject({
  value: z.string().max(SHEET_LIMITS.maxCellChars),
  /** How many rows hold it (informative: written by a proposal, ignored when read). */
  count: z.number().int().min(0).optional(),
  /** The model's code, or null to keep the value in the note. */
  code: z.string().max(40).nullable(),
});

const columnMappingSchema = z.strictObject({
  column: z.string().regex(/^[A-Z]{1,3}$/, { message: 'must be a column letter such as C' }),
  header: z.string().max(SHEET_LIMITS.maxCellChars),
  target: z.enum(SHEET_TARGETS),
  values: z.array(valueMappingSchema).max(10_000).optional(),
});

export const sheetMappingSchema = z
  .strictObject({
    format: z.literal(MAPPING_FORMAT),
    sheet: z.string().max(200),
    headerRow: z.number().int().min(1).max(1_048_576),
    columns: z.array(columnMappingSchema).max(SHEET_LIMITS.maxColumns),
  })
  .superRefine((mapping, ctx) => {
    const seenColumns = new Set<string>();
    const targetColumn = new Map<SheetTarget, string>();
    mapping.columns.forEach((column, i) => {
      if (seenColumns.has(column.column)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'column'],
          message: `column ${column.column} is listed twice`,
        });
      }
      seenColumns.add(column.column);
      const earlier = targetColumn.get(column.target);
      if (earlier !== undefined && !REPEATABLE_TARGETS.has(column.target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'target'],
          message: `${column.target} is mapped twice, from column ${earlier} and column ${column.column}: a case has one ${column.target}`,
        });
      }
      targetColumn.set(column.target, column.column);
      if (!column.values) return;
      if (!isEnumTarget(column.target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'values'],
          message: `${column.target} takes no value mapping`,
        });
        return;
      }
      const codes: readonly string[] = TARGET_CODES[column.target];
      column.values.forEach((entry, j) => {
        if (entry.code !== null && !codes.includes(entry.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', i, 'values', j, 'code'],
            message: `"${entry.code}" is not a value of ${column.target} (one of: ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ', …' : ''})`,
          });
        }
      });
    });
  });
export type SheetMapping = z.output<typeof sheetMappingSchema>;
export type ColumnMapping = SheetMapping['columns'][number];

/** A mapping read from JSON (a file or the UI), or a refusal naming what is wrong with it. */
export function parseMapping(value: unknown): SheetMapping {
  const parsed = sheetMappingSchema.safeParse(value);
  if (!parsed.success) throw refuseSheet('mapping', `the mapping is not valid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * The header row: the first of the top rows in which at least two cells, or one naming a person
 * (ФИО, Псевдоним, Name), are known column names. Title rows above it ("Список подопечных на
 * 01.03.2024") are passed over.
 */
export function findHeaderRow(sheet: Sheet): number {
  const limit = Math.min(sheet.rows.length, SHEET_LIMITS.headerSearchRows);
  for (let r = 0; r < limit; r++) {
    const targets = (sheet.rows[r] ?? []).map((cell) => (typeof cell === 'string' ? proposeTarget(cell) : null));
    const known = targets.filter((t) => t !== null && t !== 'note');
    if (known.length >= 2 || known.some((t) => t === 'alias' || t === 'legalName')) return r + 1;
  }
  throw refuseSheet(
    'header',
    `no row among the first ${limit} of sheet "${sheet.name}" looks like a header (a row of column names such as ФИО, Псевдоним, Статус, Name, Status): add one above the data, or give the header row in a mapping`,
    { sheet: sheet.name },
  );
}

export function headersOf(sheet: Sheet, headerRow: number): string[] {
  return (sheet.rows[headerRow - 1] ?? []).map((cell) => cellText(cell).trim());
}

/** The rows under the header, refused when there are more than one import takes. */
export function dataRowsOf(sheet: Sheet, headerRow: number): Cell[][] {
  const rows = sheet.rows.slice(headerRow);
  if (rows.length > SHEET_LIMITS.maxDataRows) {
    throw refuseSheet(
      'rows',
      `sheet "${sheet.name}" has ${rows.length} rows under its header, more than the ${SHEET_LIMITS.maxDataRows} one import takes: split it into several files`,
      { rows: rows.length, limit: SHEET_LIMITS.maxDataRows },
    );
  }
  return rows;
}

/** The proposed mapping of a sheet: every headed column, and every distinct value of the enumerated ones with its count. */
export function proposeMapping(sheet: Sheet, headerRow = findHeaderRow(sheet)): SheetMapping {
  const headers = headersOf(sheet, headerRow);
  if (headers.length > SHEET_LIMITS.maxColumns) {
    throw refuseSheet('header', `the header row has ${headers.length} columns, more than ${SHEET_LIMITS.maxColumns}`);
  }
  const rows = dataRowsOf(sheet, headerRow);
  const used = new Set<SheetTarget>();
  const columns: ColumnMapping[] = [];
  headers.forEach((header, index) => {
    const hasData = rows.some((row) => !isBlankCell(row[index]));
    if (header === '' && !hasData) return;
    let target: SheetTarget = proposeTarget(header) ?? 'note';
    // A second column for a field a case has once is kept as a note, for the person to decide.
    if (used.has(target) && !REPEATABLE_TARGETS.has(target)) target = 'note';
    used.add(target);
    columns.push({ column: columnLetter(index), header, target, values: valuesOf(target, rows, index) });
  });
  return { format: MAPPING_FORMAT, sheet: sheet.name, headerRow, columns: columns.map(dropEmptyValues) };
}

/** The mapping with a column's target changed, its values proposed again (the wizard's step 3). */
export function retarget(sheet: Sheet, mapping: SheetMapping, column: string, target: SheetTarget): SheetMapping {
  const rows = dataRowsOf(sheet, mapping.headerRow);
  const index = columnIndex(column);
  return {
    ...mapping,
    columns: mapping.columns.map((c) =>
      c.column === column ? dropEmptyValues({ ...c, target, values: valuesOf(target, rows, index) }) : c,
    ),
  };
}

function valuesOf(target: SheetTarget, rows: Cell[][], index: number): ColumnMapping['values'] {
  if (!isEnumTarget(target)) return undefined;
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const value of splitValues(target, cellText(row[index] ?? null)))
      counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, count, code: proposeValue(target, value) }));
}

function dropEmptyValues(column: ColumnMapping): ColumnMapping {
  if (column.values !== undefined) return column;
  const { values: _values, ...rest } = column;
  return rest;
}

/** The values of one cell: a list for threats and needs ("семья, полиция"), else the trimmed cell. */
export function splitValues(target: SheetTarget, text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (!MULTI_VALUE_TARGETS.has(target)) return [trimmed];
  return trimmed
    .split(/[,;/\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * A mapping checked against the sheet it is applied to: each column it names must carry the header
 * it was made for, so a mapping made for another sheet is refused instead of filling wrong fields.
 */
export function checkMappingFits(sheet: Sheet, mapping: SheetMapping): void {
  const headers = headersOf(sheet, mapping.headerRow);
  for (const column of mapping.columns) {
    const index = columnIndex(column.column);
    const actual = headers[index] ?? '';
    if (actual !== column.header.trim()) {
      throw refuseSheet(
        'mapping',
        `column ${column.column} of row ${mapping.headerRow} is headed "${actual}" in the sheet, but the mapping says "${column.header}": the mapping was made for another sheet or header row`,
      );
    }
  }
}
