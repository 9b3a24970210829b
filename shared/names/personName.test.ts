import iuliia from 'iuliia';
import { describe, expect, it } from 'vitest';
import { matchNames, parseName } from './personName.js';

const match = (a: string, b: string) => matchNames(parseName(a), parseName(b));

describe('matchNames', () => {
  it('matches a name across scripts, schemes and word order', () => {
    expect(match('Ахмед Жужелица', 'Akhmed Zhuzhelitsa')).toBe('full');
    expect(match('Ахмед Жужелица', 'Zhuzhelitsa Akhmed')).toBe('full');
    expect(match('Юсупов Зелимхан', iuliia.translate('Зелимхан Юсупов', iuliia.ICAO_DOC_9303))).toBe('full');
    expect(match('Титиев Ислам', 'Islam Titiyev')).toBe('full');
    expect(match('Хасан Цуев', 'Chassan Zujew')).toBe('full');
  });

  it('treats the patronymic as optional, but two patronymics must agree', () => {
    expect(match('Ахмед Русланович Жужелица', 'Akhmed Zhuzhelitsa')).toBe('full');
    expect(match('Zhuzhelitsa Akhmed Ruslanovich', 'Жужелица Ахмед')).toBe('full');
    expect(match('Ахмед Русланович Жужелица', 'Ахмед Исламович Жужелица')).toBeNull();
  });

  it('matches initials only as initials', () => {
    expect(match('Ахмед Ж.', 'Akhmed Zhuzhelitsa')).toBe('initials');
    expect(match('Магомед И.', 'Магомед Исмаилов')).toBe('initials');
    expect(match('Ахмед Ж.', 'Ахмед Исмаилов')).toBeNull();
  });

  it('says when only one word was there to compare', () => {
    expect(match('Ахмед', 'Akhmed Zhuzhelitsa')).toBe('single');
  });

  it('keeps different people apart', () => {
    expect(match('Ахмед Жужелица', 'Ахмед Жуков')).toBeNull();
    expect(match('Хасан Цуев', 'Хусейн Цуев')).toBeNull();
    expect(match('Мадина Исаева', 'Малика Исаева')).toBeNull();
    expect(match('', 'Ахмед')).toBeNull();
  });

  it('reads at most 30 words of a name, so a pasted paragraph still compares sanely', () => {
    const paragraph = Array.from({ length: 40 }, (_, i) => `Слово${'а'.repeat(i % 7)}`).join(' ');
    expect(parseName(paragraph).words).toHaveLength(30);
    expect(match(`Ахмед Жужелица ${paragraph}`, 'Akhmed Zhuzhelitsa')).toBe('full');
    expect(match(paragraph, 'Ахмед Жужелица')).toBeNull();
  });
});
