import i18next from './i18n';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatShortDateTime } from './format';

describe('one date format per language', () => {
  const moment = new Date(2026, 11, 2, 14, 5);
  afterAll(() => void i18next.changeLanguage('en'));

  it('writes Russian dates as 02.12.2026 and 02.12.2026, 14:05', async () => {
    await i18next.changeLanguage('ru');
    expect(formatDate(moment)).toBe('02.12.2026');
    expect(formatDay('2026-12-02')).toBe('02.12.2026');
    expect(formatDateTime(moment)).toBe('02.12.2026, 14:05');
    expect(formatShortDateTime(moment)).toBe(formatDateTime(moment));
  });

  it('writes English dates day first, with a 24-hour clock', async () => {
    await i18next.changeLanguage('en');
    expect(formatDate(moment)).toBe('02/12/2026');
    expect(formatDateTime(moment)).toBe('02/12/2026, 14:05');
  });
});
