/**
 * How much of a spreadsheet Crossing takes. A network's sheet is a few hundred rows; these bounds
 * are far above that and far below what would exhaust a laptop's memory, so that a wrong file (a
 * video renamed .csv, a zip bomb renamed .xlsx) is refused before it is read whole.
 */
export const SHEET_LIMITS = {
  /** The file as it lies on disk. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Everything unpacked from an XLSX archive together: a zip bomb stops here. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Rows under the header: one import is one transaction, and one person reviews it. */
  maxDataRows: 20_000,
  maxColumns: 200,
  /** A note holds at most this many characters (shared/model/case.ts), so no cell may be longer. */
  maxCellChars: 20_000,
  /** A header is looked for among the first rows only (title rows above it). */
  headerSearchRows: 20,
} as const;
export type SheetLimits = { [K in keyof typeof SHEET_LIMITS]: number };
