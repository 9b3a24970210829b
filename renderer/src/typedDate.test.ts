import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDateText } from './typedDate';

describe('parseTypedDate', () => {
  it('reads day-first dates in both languages and ISO', () => {
    expect(parseTypedDate('02.12.2026')).toEqual({ kind: 'date', iso: '2026-12-02' });
    expect(parseTypedDate('2/12/2026')).toEqual({ kind: 'date', iso: '2026-12-02' });
    expect(parseTypedDate(' 2026-12-02 ')).toEqual({ kind: 'date', iso: '2026-12-02' });
    expect(parseTypedDate('29.02.2028')).toEqual({ kind: 'date', iso: '2028-02-29' });
  });

  it('calls an empty field empty, and nothing else', () => {
    expect(parseTypedDate('  ')).toEqual({ kind: 'empty' });
  });

  it('refuses half-typed and impossible dates instead of saving no date', () => {
    for (const text of [
      '02.12',
      '02.12.20',
      '31.02.2026',
      '29.02.2027',
      '00.01.2026',
      '12.13.2026',
      'завтра',
      '1.1.1899',
    ])
      expect(parseTypedDate(text), text).toEqual({ kind: 'unreadable' });
  });

  it('reads back every day it writes, in either language', () => {
    const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('ru', 'en'), (d, language) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseTypedDate(typedDateText(iso, language))).toEqual({ kind: 'date', iso });
      }),
    );
  });
});
