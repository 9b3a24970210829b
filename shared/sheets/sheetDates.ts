import type { Cell } from './cells.js';
import { excelSerialToIso } from './excelDates.js';

/**
 * Dates as Russian and English sheets write them. Day first is the rule in Russia and Europe, so
 * 03/04/2017 is 3 April; a year alone is a birth year. Anything else ("весной 2017", "около 30
 * лет") is not guessed at: the caller keeps it in the note, word for word.
 */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = t.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s*г\.?)?$/);
  if (m) return isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function isoIfReal(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31.02 is no date
  return date.toISOString().slice(0, 10);
}

export interface BirthYear {
  year: number;
  /** The full date when the sheet gave one (kept in the note: the case keeps only the year). */
  fullDate: string | null;
}

/** The birth year in a cell: a year, a date in any form above, a date cell or an Excel day number. */
export function birthYearOf(cell: Cell): BirthYear | null {
  if (cell === null) return null;
  if (typeof cell === 'object' && 'date' in cell) return fromIso(cell.date);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return { year: cell, fullDate: null };
    // A date cell saved without its date format is a day number (1 = 1900-01-01).
    const iso = cell > 2100 && cell < 80_000 ? excelSerialToIso(cell) : null;
    return iso ? fromIso(iso) : null;
  }
  if (typeof cell !== 'string') return null;
  const year = cell.trim().match(/^(\d{4})(?:\s*(?:г|гг|год|г\.р|y|yr)\.?)?$/i);
  if (year && Number(year[1]) >= 1900 && Number(year[1]) <= 2100) return { year: Number(year[1]), fullDate: null };
  const iso = parseDateText(cell);
  return iso ? fromIso(iso) : null;
}

function fromIso(iso: string): BirthYear | null {
  const year = Number(iso.slice(0, 4));
  if (year < 1900 || year > 2100) return null;
  return { year, fullDate: iso };
}
