import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { readFileBounded } from '../files/boundedRead.js';
import type { Workbook } from './cells.js';
import { looksBinary, type TextEncoding } from './decodeText.js';
import { SHEET_LIMITS, type SheetLimits } from './limits.js';
import { readCsv, type CsvDelimiter } from './readCsv.js';
import { readXlsx } from './readXlsx.js';
import { refuseSheet } from './sheetErrors.js';

/**
 * A chosen spreadsheet file, read within the limits, its kind told by its first bytes (never by its
 * name): a zip is an XLSX workbook, an OLE compound file is a password-protected workbook or an old
 * .xls (Excel encrypts a workbook into one), other binary is refused, anything else is CSV text.
 *
 * Library choice: papaparse for CSV and fflate with the small XML reader of xml.ts for XLSX. The
 * usual `xlsx` package on npm (0.18.5) has two open advisories and no fixed release there; exceljs
 * has had no release since 2023; read-excel-file is built on fflate too but gives no control over
 * unpacking (a zip bomb) or merged cells. fflate and papaparse are small, dependency-free, released
 * this year and run in Node and in Electron alike. ODS is not read: save it as XLSX or CSV.
 */
export interface ReadOptions {
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
  /** For a workbook: read only this sheet's cells. */
  sheet?: string;
  limits?: Partial<SheetLimits>;
}

export function readSpreadsheetFile(filePath: string, options: ReadOptions = {}): Workbook {
  const limits = { ...SHEET_LIMITS, ...options.limits };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw usageError(`there is no file ${filePath}`, 'noSuchFile', { name: path.basename(filePath) });
  }
  if (!stat.isFile()) throw usageError(`${filePath} is not a file`, 'notAFile', { name: path.basename(filePath) });
  let read;
  try {
    read = readFileBounded(filePath, limits.maxFileBytes);
  } catch {
    throw usageError(`${filePath} cannot be read`, 'cannotRead', { name: path.basename(filePath) });
  }
  if (!read.ok) throw tooLarge(limits.maxFileBytes);
  return readSpreadsheetBytes(read.bytes, path.basename(filePath), { ...options, limits });
}

export function readSpreadsheetBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): Workbook {
  const limits = { ...SHEET_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) throw tooLarge(limits.maxFileBytes);
  if (bytes.length === 0 || isOnlyWhitespace(bytes))
    throw refuseSheet('empty', `${name} is empty: there is nothing to import`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return readXlsx(bytes, { maxUnpackedBytes: limits.maxUnzippedBytes, sheet: options.sheet });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw refuseSheet(
      'protected',
      `${name} is a password-protected workbook or an old .xls file (an OLE compound file, not a zip): open it in Excel or LibreOffice, remove the password and save it as .xlsx or .csv`,
    );
  }
  if (looksBinary(bytes)) {
    throw refuseSheet('kind', `${name} is not a spreadsheet: it holds binary data. Save the sheet as .xlsx or .csv`);
  }
  const workbook = readCsv(bytes, name, { encoding: options.encoding, delimiter: options.delimiter });
  if (options.sheet !== undefined && workbook.sheets[0]!.name !== options.sheet) {
    throw refuseSheet('sheet', `a CSV file has one sheet, "${workbook.sheets[0]!.name}", not "${options.sheet}"`, {
      sheet: options.sheet,
    });
  }
  return workbook;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function isOnlyWhitespace(bytes: Uint8Array): boolean {
  if (bytes.length > 4096) return false;
  return (
    new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim() === ''
  );
}

const tooLarge = (limit: number) =>
  refuseSheet(
    'size',
    `the file is over the limit of ${Math.round(limit / (1024 * 1024))} MiB for a spreadsheet: split it into smaller files`,
  );
