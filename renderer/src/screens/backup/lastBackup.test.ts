import { describe, expect, it } from 'vitest';
import i18next from '../../i18n';
import { daysSince, lastBackupText } from './lastBackup';

describe('last backup', () => {
  it('counts whole days and says today for less than one, in Russian plural forms', async () => {
    const now = new Date('2026-12-03T09:00:00Z');
    expect(daysSince('2026-12-03T01:00:00Z', now)).toBe(0);
    expect(daysSince('2026-11-30T09:00:00Z', now)).toBe(3);
    await i18next.changeLanguage('ru');
    const t = i18next.t.bind(i18next);
    expect(lastBackupText(t, '2026-12-03T01:00:00Z', now)).toBe('Последняя резервная копия: сегодня');
    expect(lastBackupText(t, '2026-12-02T08:00:00Z', now)).toBe('Последняя резервная копия: 1 день назад');
    expect(lastBackupText(t, '2026-11-30T09:00:00Z', now)).toBe('Последняя резервная копия: 3 дня назад');
    expect(lastBackupText(t, '2026-11-28T09:00:00Z', now)).toBe('Последняя резервная копия: 5 дней назад');
  });
});
