/**
 * Excel's day numbers. In the 1900 system day 1 is 1900-01-01 and day 60 is 29 February 1900, a day
 * that never was (kept for Lotus 1-2-3), so from day 61 on the count runs from 1899-12-30. Files
 * made on old Macs count from 1904-01-01 (the workbook says so).
 */
const DAY_MS = 86_400_000;

export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null; // up to 9999-12-31
  const whole = Math.floor(serial);
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else epoch = whole >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  if (!date1904 && whole === 60) return null; // 29 February 1900, the day that never was
  return new Date(epoch + whole * DAY_MS).toISOString().slice(0, 10);
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30, and the CJK ones Excel maps). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
  // Quoted text, escapes and [colour]/[locale] sections say nothing about dates.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  return /[dy]/.test(bare) || /(^|[^h:])m+([^:s]|$)/.test(bare.replace(/[^dmyhs:]/g, ''));
}
