import type { TFunction } from 'i18next';

/** Whole days since a moment, as the dashboard and Settings say it ("3 days ago"). */
export function daysSince(at: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / 86_400_000));
}

/** "Last backup: today" / "… 3 days ago". */
export function lastBackupText(t: TFunction, at: string, now: Date = new Date()): string {
  const days = daysSince(at, now);
  return days === 0 ? t('backup.lastToday') : t('backup.lastDaysAgo', { count: days });
}
