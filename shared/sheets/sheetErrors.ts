import { rejectedError, usageError, type CrossingError, type ErrorReason } from '../errors.js';

/**
 * Why a spreadsheet is refused, one reason each, in the order the checks run: the file (size, kind,
 * archive), then its content (sheet, header, rows, cells), then the person's mapping. Every
 * refusal says what is wrong and what to do, and nothing is written when one is raised.
 */
export const SHEET_CHECKS = {
  empty: 'sheetEmpty',
  size: 'sheetTooLarge',
  kind: 'sheetNotSpreadsheet',
  protected: 'sheetProtected',
  damaged: 'sheetDamaged',
  unpacked: 'sheetUnpacksTooLarge',
  encoding: 'sheetEncoding',
  sheet: 'sheetNotFound',
  header: 'sheetNoHeader',
  rows: 'sheetTooManyRows',
  cell: 'sheetCellTooLong',
  mapping: 'sheetBadMapping',
} as const satisfies Record<string, ErrorReason>;
export type SheetCheck = keyof typeof SHEET_CHECKS;

export function refuseSheet(
  check: SheetCheck,
  message: string,
  params?: Record<string, string | number>,
): CrossingError {
  const reason = SHEET_CHECKS[check];
  // A mapping or a sheet name is the person's own argument; everything else is about the file.
  const make = check === 'mapping' || check === 'sheet' || check === 'encoding' ? usageError : rejectedError;
  return make(message, reason, params);
}
