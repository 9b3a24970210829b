import type { Cell, Sheet, Workbook } from './cells.js';
import { columnIndex } from './cells.js';
import { excelSerialToIso, isDateFormat } from './excelDates.js';
import { refuseSheet } from './sheetErrors.js';
import { ZipReader } from './unzip.js';
import { xmlEvents } from './xml.js';

/**
 * An XLSX workbook's sheets as rows of cells, read from the package's XML with fflate (see
 * unzip.ts) and a small XML reader. Dates are cells whose style shows a date; a formula's cell is
 * the result Excel saved with it. A cell merged down several rows is given to each of them (a
 * curator typed once for three people belongs to all three); titles merged across a row stay in
 * their first cell.
 */
export interface XlsxOptions {
  maxUnpackedBytes: number;
  /** Read only this sheet's cells (the others are listed by name). */
  sheet?: string;
}

export function readXlsx(bytes: Uint8Array, options: XlsxOptions): Workbook {
  const zip = new ZipReader(bytes, options.maxUnpackedBytes);
  const workbookXml = zip.readText('xl/workbook.xml');
  if (workbookXml === undefined) {
    if (zip.has('content.xml') && zip.has('mimetype')) {
      throw refuseSheet(
        'kind',
        'the file is an OpenDocument (ODS) spreadsheet, which is not read: save it from LibreOffice as .xlsx or .csv',
      );
    }
    throw refuseSheet('kind', 'the file is a zip archive but not an Excel workbook (it has no xl/workbook.xml)');
  }
  const { sheets: declared, date1904 } = readWorkbook(workbookXml);
  const targets = readRelationships(zip.readText('xl/_rels/workbook.xml.rels') ?? '');
  const strings = readSharedStrings(zip.readText('xl/sharedStrings.xml') ?? '');
  const dateStyles = readDateStyles(zip.readText('xl/styles.xml') ?? '');
  if (options.sheet !== undefined && !declared.some((s) => s.name === options.sheet)) {
    throw refuseSheet(
      'sheet',
      `the workbook has no sheet "${options.sheet}"; its sheets are: ${declared.map((s) => s.name).join(', ')}`,
      { sheet: options.sheet },
    );
  }
  const sheets: Sheet[] = declared.map(({ name, relId }) => {
    if (options.sheet !== undefined && name !== options.sheet) return { name, rows: [] };
    const target = targets.get(relId);
    const xml = target === undefined ? undefined : zip.readText(target);
    if (xml === undefined) throw refuseSheet('damaged', `the spreadsheet is damaged: sheet "${name}" is missing`);
    return { name, rows: readSheetRows(xml, strings, dateStyles, date1904) };
  });
  return { kind: 'xlsx', encoding: null, delimiter: null, sheets };
}

function readWorkbook(xml: string) {
  const sheets: Array<{ name: string; relId: string }> = [];
  let date1904 = false;
  for (const e of xmlEvents(xml)) {
    if (e.kind !== 'open') continue;
    if (e.name === 'sheet' && e.attrs.name !== undefined && e.attrs.id !== undefined) {
      sheets.push({ name: e.attrs.name, relId: e.attrs.id });
    }
    if (e.name === 'workbookPr') date1904 = e.attrs.date1904 === '1' || e.attrs.date1904 === 'true';
  }
  return { sheets, date1904 };
}

function readRelationships(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of xmlEvents(xml)) {
    if (e.kind === 'open' && e.name === 'Relationship' && e.attrs.Id && e.attrs.Target) {
      const target = e.attrs.Target;
      out.set(e.attrs.Id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  return out;
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0; // <rPh> holds reading hints, not the cell's text
  for (const e of xmlEvents(xml)) {
    if (e.kind === 'open') {
      if (e.name === 'si') current = '';
      else if (e.name === 'rPh') phonetic += 1;
      else if (e.name === 't') inText = !e.selfClosing;
    } else if (e.kind === 'close') {
      if (e.name === 'si') {
        out.push(current ?? '');
        current = null;
      } else if (e.name === 'rPh') phonetic -= 1;
      else if (e.name === 't') inText = false;
    } else if (inText && phonetic === 0 && current !== null) current += e.text;
  }
  return out;
}

/** For each cell style (index into cellXfs), whether it shows a date. */
function readDateStyles(xml: string): boolean[] {
  const codes = new Map<number, string>();
  const out: boolean[] = [];
  let inCellXfs = false;
  for (const e of xmlEvents(xml)) {
    if (e.kind === 'open' && e.name === 'numFmt') codes.set(Number(e.attrs.numFmtId), e.attrs.formatCode ?? '');
    else if (e.kind === 'open' && e.name === 'cellXfs') inCellXfs = true;
    else if (e.kind === 'close' && e.name === 'cellXfs') inCellXfs = false;
    else if (e.kind === 'open' && e.name === 'xf' && inCellXfs) {
      const id = Number(e.attrs.numFmtId ?? 0);
      out.push(isDateFormat(id, codes.get(id)));
    }
  }
  return out;
}

function readSheetRows(xml: string, strings: string[], dateStyles: boolean[], date1904: boolean): Cell[][] {
  const rows: Cell[][] = [];
  const merges: string[] = [];
  let row: Cell[] | null = null;
  let nextRow = 0;
  let cell: { col: number; type: string; style: number } | null = null;
  let nextCol = 0;
  let value = '';
  let formula = '';
  let part: 'v' | 'f' | 't' | null = null;
  for (const e of xmlEvents(xml)) {
    if (e.kind === 'text') {
      if (part === 'v' || part === 't') value += e.text;
      else if (part === 'f') formula += e.text;
      continue;
    }
    if (e.kind === 'open') {
      switch (e.name) {
        case 'row': {
          const r = e.attrs.r ? Number(e.attrs.r) - 1 : nextRow;
          while (rows.length < r) rows.push([]);
          row = [];
          rows[r] = row;
          nextRow = r + 1;
          nextCol = 0;
          break;
        }
        case 'c': {
          const ref = e.attrs.r?.match(/^[A-Z]+/)?.[0];
          const col = ref ? columnIndex(ref) : nextCol;
          cell = { col, type: e.attrs.t ?? 'n', style: Number(e.attrs.s ?? 0) };
          nextCol = col + 1;
          value = '';
          formula = '';
          break;
        }
        case 'v':
          part = 'v';
          break;
        case 'f':
          part = 'f';
          break;
        case 't':
          if (cell?.type === 'inlineStr') part = 't';
          break;
        case 'mergeCell':
          if (e.attrs.ref) merges.push(e.attrs.ref);
          break;
      }
      continue;
    }
    // close
    if (e.name === 'v' || e.name === 'f' || e.name === 't') part = null;
    else if (e.name === 'c' && cell && row) {
      row[cell.col] = cellValue(cell, value, formula, strings, dateStyles, date1904);
      cell = null;
    } else if (e.name === 'row') row = null;
  }
  for (const r of rows) for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = null;
  spreadVerticalMerges(rows, merges);
  return rows;
}

function cellValue(
  cell: { type: string; style: number },
  value: string,
  formula: string,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): Cell {
  if (value === '' && formula !== '') return { formula };
  if (value === '') return null;
  switch (cell.type) {
    case 's':
      return strings[Number(value)] ?? null;
    case 'str':
    case 'inlineStr':
      return value;
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return value; // #N/A, #REF!: kept as the text Excel shows
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? { date: value.slice(0, 10) } : value;
    default: {
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      if (dateStyles[cell.style]) {
        const iso = excelSerialToIso(n, date1904);
        if (iso) return { date: iso };
      }
      return n;
    }
  }
}

function spreadVerticalMerges(rows: Cell[][], merges: string[]): void {
  for (const ref of merges) {
    const m = ref.match(/^([A-Z]+)(\d+):([A-Z]+)(\d+)$/);
    if (!m) continue;
    const col = columnIndex(m[1]!);
    const top = Number(m[2]) - 1;
    const bottom = Math.min(Number(m[4]) - 1, rows.length - 1);
    if (bottom <= top) continue;
    const value = rows[top]?.[col] ?? null;
    for (let r = top + 1; r <= bottom; r++) {
      const row = rows[r] ?? (rows[r] = []);
      while (row.length <= col) row.push(null);
      if (row[col] === null) row[col] = value;
    }
  }
}
