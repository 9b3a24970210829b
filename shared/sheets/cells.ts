/**
 * One cell as a sheet gives it: text, a number, or a calendar date (XLSX date cells). Empty cells
 * are null. A formula's cell is its saved result; `formula` marks one that had no saved result.
 */
export type Cell = string | number | { date: string } | { formula: string } | null;

export interface Sheet {
  name: string;
  /** Rows as they are in the file, top to bottom; a row may be shorter or longer than others. */
  rows: Cell[][];
}

export interface Workbook {
  kind: 'csv' | 'xlsx';
  /** For CSV: the text encoding and the delimiter found (or chosen). */
  encoding: string | null;
  delimiter: string | null;
  sheets: Sheet[];
}

/** A cell as the words a person typed, for notes and for matching headers and values. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return formatNumber(cell);
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-');
    return `${d}.${m}.${y}`;
  }
  return `=${cell.formula}`;
}

function formatNumber(n: number): string {
  // Floating-point noise from Excel (0.30000000000000004) is not what the person typed.
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

export const isBlankCell = (cell: Cell | undefined): boolean => cell === undefined || cellText(cell).trim() === '';

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
