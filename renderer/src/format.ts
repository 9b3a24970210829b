import i18next from 'i18next';

const locale = () => (i18next.language === 'ru' ? 'ru-RU' : 'en-GB');

export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n);

// One date and one date-and-time format per language, everywhere (table, timeline, tasks, history,
// imports): ru 02.12.2026 and 02.12.2026, 14:05; en 02/12/2026 and 02/12/2026, 14:05.
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export const formatDate = (value: number | string | Date) =>
  new Intl.DateTimeFormat(locale(), DATE).format(new Date(value));

/** A calendar day stored as YYYY-MM-DD (a due date), read as local, not UTC, midnight. */
export const formatDay = (day: string) => formatDate(`${day}T00:00:00`);

export const formatDateTime = (value: number | string | Date) =>
  new Intl.DateTimeFormat(locale(), { ...DATE, ...TIME }).format(new Date(value));

/** The same format as formatDateTime, kept under the name table cells use. */
export const formatShortDateTime = formatDateTime;

/** "2025-03" → "Mar 2025" / "мар. 2025 г." */
export const formatMonth = (month: string) =>
  new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short' }).format(new Date(`${month}-01T00:00:00Z`));

export function countryName(code: string | null): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A key fingerprint, shortened and grouped so a person can read it aloud. */
export const shortFingerprint = (fp: string) =>
  fp
    .slice(0, 8)
    .replace(/(.{4})/g, '$1 ')
    .trim();

/** Today in local time as YYYY-MM-DD (due dates and overdue checks are calendar days). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first characters of a case id: how a stub names a case whose alias was not kept. */
export const shortCaseId = (id: string) => id.slice(0, 4);
