import i18next from 'i18next';

const locale = () => (i18next.language === 'ru' ? 'ru-RU' : 'en-GB');

export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n);

export const formatDate = (value: number | string | Date) =>
  new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(value));

/** Compact, for table cells: 24.11.2026, 22:13 / 24/11/2026, 22:13. */
export const formatShortDateTime = (value: number | string | Date) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(value));

export const formatDateTime = (value: number | string | Date) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));

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
