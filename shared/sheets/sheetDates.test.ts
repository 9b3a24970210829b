import { describe, expect, it } from 'vitest';
import { birthYearOf, parseDateText } from './sheetDates.js';
import { proposeTarget, proposeValue } from './vocabulary.js';
import { SHEET_CHECKS, refuseSheet, type SheetCheck } from './sheetErrors.js';
import { ERROR_REASONS } from '../errors.js';

describe('dates in sheets', () => {
  it('reads day-first dates, ISO dates and Excel day numbers, and refuses days that do not exist', () => {
    expect(parseDateText('12.03.2017')).toBe('2017-03-12');
    expect(parseDateText('03/04/2017')).toBe('2017-04-03');
    expect(parseDateText('2017-03-12')).toBe('2017-03-12');
    expect(parseDateText('31.02.2017')).toBeNull();
    expect(parseDateText('весной 2017')).toBeNull();
  });

  it('takes a birth year from a year alone, a date, a date cell or a day number', () => {
    expect(birthYearOf('1995')).toEqual({ year: 1995, fullDate: null });
    expect(birthYearOf('1995 г.')).toEqual({ year: 1995, fullDate: null });
    expect(birthYearOf(1995)).toEqual({ year: 1995, fullDate: null });
    expect(birthYearOf('12.03.1995')).toEqual({ year: 1995, fullDate: '1995-03-12' });
    expect(birthYearOf({ date: '1995-03-12' })).toEqual({ year: 1995, fullDate: '1995-03-12' });
    expect(birthYearOf(34770)).toEqual({ year: 1995, fullDate: '1995-03-12' });
    expect(birthYearOf('около 30 лет')).toBeNull();
  });
});

describe('the vocabulary of sheets', () => {
  it('knows Russian and English headers, the longest match winning', () => {
    expect(proposeTarget('Ф.И.О.')).toBe('legalName');
    expect(proposeTarget('Дата рождения (дд.мм.гггг)')).toBe('birthYear');
    expect(proposeTarget('Внутренний паспорт')).toBe('internalPassport');
    expect(proposeTarget('Паспорт')).toBe('internalPassport');
    expect(proposeTarget('Ответственный')).toBe('note');
    expect(proposeTarget('Date of birth')).toBe('birthYear');
    expect(proposeTarget('Любимый цвет')).toBeNull();
  });

  it('maps free-text statuses, ё or е, and countries in Russian and English', () => {
    expect(proposeValue('passport', 'Изъят полицией')).toBe('confiscated');
    expect(proposeValue('stage', 'ждет визу')).toBe('documents');
    expect(proposeValue('stage', 'В Канаде')).toBe('arrived');
    expect(proposeValue('stage', 'погибла')).toBe('closed:deceased');
    expect(proposeValue('refugeCountry', 'Германия')).toBe('DE');
    expect(proposeValue('refugeCountry', 'Canada')).toBe('CA');
    expect(proposeValue('gender', 'жен.')).toBe('woman');
    expect(proposeValue('risk', 'что-то')).toBeNull();
  });
});

describe('spreadsheet refusals', () => {
  it('each check has its own reason, which the UI translates', () => {
    const reasons = (Object.keys(SHEET_CHECKS) as SheetCheck[]).map((check) => refuseSheet(check, 'x').reason);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons.every((r) => (ERROR_REASONS as readonly string[]).includes(r!))).toBe(true);
  });
});
