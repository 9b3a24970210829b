import { cellText, columnIndex, columnLetter, isBlankCell, type Cell, type Sheet } from './cells.js';
import { SHEET_LIMITS } from './limits.js';
import { refuseSheet } from './sheetErrors.js';
import { MAPPING_FORMAT, type ColumnMapping, type SheetMapping } from './mappingSchema.js';
import { MULTI_VALUE_TARGETS, REPEATABLE_TARGETS, isEnumTarget, type SheetTarget } from './targets.js';
import { proposeTarget, proposeValue } from './vocabulary.js';

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

/**
 * The mapping with every enumerated column given its distinct values: those of a column whose target
 * the person just changed (the wizard drops them), proposed again from the sheet.
 */
export function fillValues(sheet: Sheet, mapping: SheetMapping): SheetMapping {
  const rows = dataRowsOf(sheet, mapping.headerRow);
  return {
    ...mapping,
    columns: mapping.columns.map((c) =>
      c.values === undefined && isEnumTarget(c.target)
        ? { ...c, values: valuesOf(c.target, rows, columnIndex(c.column)) }
        : c,
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

export {
  MAPPING_FORMAT,
  parseMapping,
  sheetMappingSchema,
  type ColumnMapping,
  type SheetMapping,
} from './mappingSchema.js';
