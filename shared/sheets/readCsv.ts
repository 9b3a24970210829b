import Papa from 'papaparse';
import type { Cell, Workbook } from './cells.js';
import { decodeText, type TextEncoding } from './decodeText.js';

/**
 * A CSV file as one sheet of text cells. Parsing is papaparse's (quoted cells spanning lines,
 * doubled quotes); the delimiter is guessed among the three that spreadsheets write — Russian Excel
 * writes `;`, because `,` is its decimal separator — unless the person chose one. Cells stay text:
 * what looks like a date or a number is read later, by the column it is in.
 */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvOptions {
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
}

export function readCsv(bytes: Uint8Array, name: string, options: CsvOptions = {}): Workbook {
  const { text, encoding } = decodeText(bytes, options.encoding);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows: Cell[][] = parsed.data.map((row) => row.map((value) => (value === '' ? null : value)));
  // A final line break makes papaparse end with one empty row; it is no row of the sheet.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === null)) rows.pop();
  return { kind: 'csv', encoding, delimiter, sheets: [{ name: sheetNameOf(name), rows }] };
}

/**
 * The delimiter that splits the first lines into the same number of cells most consistently, with
 * more than one cell. Counted outside quotes, so a comma inside "Грозный, Чечня" does not vote.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = countPerLine(text, delimiter, 30);
    if (counts.length === 0) continue;
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    const mode = modeOf(nonZero);
    const score = counts.filter((c) => c === mode).length * 1000 + mode;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count += 1;
    else if (!inQuotes && ch === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  if (count > 0 && counts.length < maxLines) counts.push(count);
  return counts;
}

function modeOf(values: number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

function sheetNameOf(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
}
