/** The person's calendar date as YYYY-MM-DD (local time: a task due today is not overdue at 01:00). */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
