/**
 * Text from a vault is data, never terminal control: a name holding an escape sequence or a
 * bidirectional override must not repaint the screen or reorder what a caseworker reads.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\n' || ch === '\t' || ch === '\r' ? ' ' : '\ufffd'));
}

/** Like safeText, but keeps line breaks, for multi-line notes shown indented. */
export function safeLines(text: string): string[] {
  return text.split(/\r?\n/).map(safeText);
}

/** Width in terminal columns, close enough for names in Latin and Cyrillic (one column a letter). */
export function width(text: string): number {
  return [...text].length;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** An aligned table: each column as wide as its widest cell, two spaces between columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell))))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local calendar date, YYYY-MM-DD. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** Local date and time to the minute. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${localDate(ms)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export const shortId = (id: string) => id.slice(0, 8);
export const shortFingerprint = (fingerprint: string) => fingerprint.slice(0, 8);
