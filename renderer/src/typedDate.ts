/**
 * Dates as people type them: day, month, year in the UI language's order (ru 02.12.2026, en
 * 02/12/2026), or ISO 2026-12-02. Anything else, and any day that does not exist, is unreadable:
 * it is never quietly turned into "no date".
 */
export type TypedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'unreadable' };

export function parseTypedDate(text: string): TypedDate {
  const s = text.trim();
  if (!s) return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  if (!realDay(year, month, day)) return { kind: 'unreadable' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { kind: 'date', iso: `${year}-${pad(month)}-${pad(day)}` };
}

function realDay(year: number, month: number, day: number): boolean {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO day as the language writes it by hand: 02.12.2026 / 02/12/2026. */
export function typedDateText(iso: string | null, language: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return language === 'ru' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}
