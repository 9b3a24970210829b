import {
  describeIssues,
  newCaseSchema,
  type ClosedReason,
  type Contact,
  type NewCase,
  type Stage,
} from '../model/case.js';
import { cellText, columnIndex, columnLetter, isBlankCell, type Cell, type Sheet } from './cells.js';
import { SHEET_LIMITS } from './limits.js';
import {
  checkMappingFits,
  dataRowsOf,
  headersOf,
  splitValues,
  type ColumnMapping,
  type SheetMapping,
} from './mapping.js';
import { refuseSheet } from './sheetErrors.js';
import { birthYearOf } from './sheetDates.js';
import { isEnumTarget, type SheetTarget } from './targets.js';
import { countryInStage } from './vocabulary.js';
import { normalizeWords } from './words.js';

/**
 * Each row of a sheet as a case to create, or as a row skipped or refused with its reason, and every
 * piece of text that fits no field kept word for word in the case's note and listed as a warning.
 * Pure: the vault decides afterwards which rows it has imported before.
 */
export type WarningKind =
  | 'unmappedColumn'
  | 'unknownValue'
  | 'unreadDate'
  | 'invisibleRemoved'
  | 'formulaWithoutValue'
  | 'cellPastHeader'
  | 'tooLong';

export interface SheetWarning {
  kind: WarningKind;
  /** The row as the sheet numbers it (1 is the top row); null for a warning about a whole column. */
  row: number | null;
  column: string | null;
  header: string | null;
  /** The text concerned, word for word (kept in the note). */
  text: string;
}

export type SkipReason = 'blank' | 'totals';
export type RefuseReason = 'noName' | 'invalid';

export type PlannedRow =
  | { row: number; kind: 'case'; input: NewCase; fingerprintSource: string; noteLines: number }
  | { row: number; kind: 'skipped'; reason: SkipReason }
  | { row: number; kind: 'refused'; reason: RefuseReason; detail: string };

export interface RowPlan {
  headers: string[];
  rows: PlannedRow[];
  warnings: SheetWarning[];
}

// Text-direction controls (Trojan Source, CVE-2021-42574) and C0 controls other than tab and line
// breaks: invisible, and able to make a name read as another.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const TOTALS = /^(итого|итог|всего|total|totals|sum|сумма)(\s|$)/;

export interface PlanContext {
  fileName: string;
}

export function planRows(sheet: Sheet, mapping: SheetMapping, context: PlanContext): RowPlan {
  checkMappingFits(sheet, mapping);
  const headers = headersOf(sheet, mapping.headerRow);
  const dataRows = dataRowsOf(sheet, mapping.headerRow);
  const byIndex = columnsByIndex(mapping, headers);
  const warnings: SheetWarning[] = [];
  // A column that goes to the notes (named so, or named by nothing) is said once: nothing of it is lost.
  for (const column of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
    if (column.target === 'note') {
      warnings.push({
        kind: 'unmappedColumn',
        row: null,
        column: column.column,
        header: column.header,
        text: column.header,
      });
    }
  }
  const rows = dataRows.map((cells, i) => {
    const row = mapping.headerRow + 1 + i;
    return planRow(cells, row, byIndex, headers.length, warnings, { ...context, sheet: sheet.name });
  });
  return { headers, rows, warnings };
}

interface Column extends ColumnMapping {
  index: number;
  lookup: Map<string, string | null>;
}

function columnsByIndex(mapping: SheetMapping, headers: string[]): Map<number, Column> {
  const out = new Map<number, Column>();
  for (const column of mapping.columns) {
    const index = columnIndex(column.column);
    const lookup = new Map((column.values ?? []).map((v) => [v.value.trim(), v.code]));
    out.set(index, { ...column, index, lookup });
  }
  headers.forEach((header, index) => {
    if (!out.has(index) && header !== '') {
      // A column the mapping does not name is kept in the notes.
      out.set(index, { column: columnLetter(index), header, target: 'note', index, lookup: new Map() });
    }
  });
  return out;
}

function planRow(
  cells: Cell[],
  row: number,
  columns: Map<number, Column>,
  headerCount: number,
  warnings: SheetWarning[],
  context: PlanContext & { sheet: string },
): PlannedRow {
  if (cells.every((cell) => isBlankCell(cell))) return { row, kind: 'skipped', reason: 'blank' };
  const first = cells.find((cell) => !isBlankCell(cell));
  if (first !== undefined && TOTALS.test(normalizeWords(cellText(first))))
    return { row, kind: 'skipped', reason: 'totals' };

  const rowWarnings: SheetWarning[] = [];
  const warn = (kind: WarningKind, column: Column | null, index: number, text: string) =>
    rowWarnings.push({
      kind,
      row,
      column: column?.column ?? columnLetter(index),
      header: column?.header ?? null,
      text,
    });
  const notes: string[] = [];
  const keep = (column: Column | null, index: number, text: string) =>
    notes.push(`${column?.header || columnLetter(index)}: ${text}`);

  const out: Accumulated = { otherNames: [], contacts: [], fields: {}, multi: new Map() };

  cells.forEach((cell, index) => {
    if (isBlankCell(cell)) return;
    const column = columns.get(index) ?? null;
    if (typeof cell === 'object' && cell !== null && 'formula' in cell) {
      warn('formulaWithoutValue', column, index, `=${cell.formula}`);
      keep(column, index, `=${cell.formula}`);
      return;
    }
    let text = cellText(cell).trim();
    if (text.length > SHEET_LIMITS.maxCellChars) {
      throw refuseSheet(
        'cell',
        `row ${row}, column ${columnLetter(index)}${column?.header ? ` (${column.header})` : ''}: the cell holds ${text.length} characters, more than the ${SHEET_LIMITS.maxCellChars} a case note can hold; shorten it or split it over several cells`,
        { row, column: columnLetter(index) },
      );
    }
    const cleaned = text.replace(INVISIBLE, '');
    if (cleaned !== text) {
      warn('invisibleRemoved', column, index, describeInvisible(text));
      text = cleaned.trim();
      if (text === '') return;
    }
    if (!column) {
      warn('cellPastHeader', null, index, text);
      keep(null, index, text);
      return;
    }
    applyCell(
      column,
      cell,
      text,
      out,
      (kind, t) => warn(kind, column, index, t),
      (t) => keep(column, index, t),
    );
  });

  const alias = out.alias ?? out.legalName;
  if (alias === undefined) {
    return {
      row,
      kind: 'refused',
      reason: 'noName',
      detail: 'no name: the columns for a name (alias or full name) are empty',
    };
  }
  const stage = out.fields.stage as string | undefined;
  if (stage?.startsWith('closed:')) {
    out.fields.stage = 'closed' satisfies Stage;
    out.fields.closedReason = stage.slice('closed:'.length) as ClosedReason;
  }
  if (out.stageText && out.fields.refugeCountry === undefined) {
    const country = countryInStage(out.stageText);
    if (country) out.fields.refugeCountry = country;
  }
  for (const [target, codes] of out.multi) out.fields[target] = [...codes];
  const input: NewCase = {
    ...(out.fields as Partial<NewCase>),
    alias,
    ...(out.legalName !== undefined && out.legalName !== alias ? { legalName: out.legalName } : {}),
    ...(out.otherNames.length > 0 ? { otherNames: [...new Set(out.otherNames)].slice(0, 20) } : {}),
    ...(out.contacts.length > 0 ? { contacts: out.contacts.slice(0, 50) } : {}),
    ...(notes.length > 0 ? { notes: noteTexts(notes, context, row) } : {}),
  };
  const checked = newCaseSchema.safeParse(input);
  if (!checked.success) {
    return { row, kind: 'refused', reason: 'invalid', detail: describeIssues(checked.error) };
  }
  warnings.push(...rowWarnings);
  return {
    row,
    kind: 'case',
    input: checked.data,
    fingerprintSource: fingerprintSource(cells),
    noteLines: notes.length,
  };
}

/** What a row's cells have given so far. */
interface Accumulated {
  alias?: string;
  legalName?: string;
  otherNames: string[];
  contacts: Contact[];
  fields: Record<string, unknown>;
  stageText?: string;
  multi: Map<SheetTarget, Set<string>>;
}

function applyCell(
  column: Column,
  cell: Cell,
  text: string,
  out: Accumulated,
  warn: (kind: WarningKind, text: string) => void,
  keep: (text: string) => void,
): void {
  const target = column.target;
  const fitsOrKeep = (max: number, set: () => void) => {
    if (text.length <= max) set();
    else {
      warn('tooLong', text);
      keep(text);
    }
  };
  switch (target) {
    case 'skip':
      return;
    case 'note':
      keep(text);
      return;
    case 'alias':
      return fitsOrKeep(200, () => (out.alias = text));
    case 'legalName':
      return fitsOrKeep(300, () => (out.legalName = text));
    case 'location':
      return fitsOrKeep(200, () => (out.fields.location = text));
    case 'otherNames':
      for (const name of text.split(/[,;\n]+/).map((n) => n.trim())) {
        if (name === '') continue;
        if (name.length <= 300) out.otherNames.push(name);
        else {
          warn('tooLong', name);
          keep(name);
        }
      }
      return;
    case 'birthYear': {
      const found = birthYearOf(typeof cell === 'string' ? text : cell);
      if (!found) {
        warn('unreadDate', text);
        keep(text);
        return;
      }
      out.fields.birthYear = found.year;
      // The case keeps the year; the day and month the sheet gave are kept in the note.
      if (found.fullDate !== null) keep(text);
      return;
    }
    case 'phone':
    case 'telegram':
    case 'whatsapp':
    case 'signal':
    case 'email':
      for (const value of text.split(/[,;\n]+/).map((v) => v.trim())) {
        if (value === '') continue;
        if (value.length <= 300) out.contacts.push({ channel: target, value, safetyNote: null });
        else {
          warn('tooLong', value);
          keep(value);
        }
      }
      return;
    default: {
      if (!isEnumTarget(target)) return;
      if (target === 'stage') out.stageText = text;
      const multi = target === 'threats' || target === 'needs';
      for (const value of splitValues(target, text)) {
        const code = column.lookup.get(value) ?? null;
        if (code === null) {
          warn('unknownValue', value);
          keep(value);
        } else if (multi) {
          let set = out.multi.get(target);
          if (!set) out.multi.set(target, (set = new Set()));
          set.add(code);
        } else out.fields[target] = code;
      }
    }
  }
}

function describeInvisible(text: string): string {
  const found = [...new Set(text.match(INVISIBLE) ?? [])].map(
    (ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `${found.join(' ')} in: ${text.replace(INVISIBLE, '')}`;
}

/** The note of a row: where it came from, then each kept cell as "Header: text", split if longer than a note may be. */
function noteTexts(lines: string[], context: PlanContext & { sheet: string }, row: number): string[] {
  const head = `${context.fileName} · ${context.sheet} · ${row}`;
  const notes: string[] = [];
  let current = head;
  for (const line of lines) {
    if (current.length + 1 + line.length > SHEET_LIMITS.maxCellChars) {
      notes.push(current);
      current = head;
    }
    current += `\n${line}`;
  }
  notes.push(current);
  return notes;
}

/**
 * What identifies a row across imports: its cells as text, spaces normalised. The same row in the
 * same sheet imported again gives the same source, whatever the mapping (the vault keys and seals
 * it: see importSheet.ts).
 */
function fingerprintSource(cells: Cell[]): string {
  return cells
    .map((cell) => cellText(cell).normalize('NFC').replace(/\s+/g, ' ').trim())
    .join('\u001f')
    .replace(/\u001f+$/, '');
}
