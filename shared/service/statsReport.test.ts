import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../stats/stats.js';
import { publishCount } from '../stats/disclosure.js';
import { csvCell, statsReport } from './statsReport.js';

const stats = computeStats([], { today: '2026-12-02' });
stats.total = 12;
stats.open = 3;
stats.byStage.intake = 1;
stats.byStage.arrived = 7;
stats.byRefugeCountry = { DE: 9, IS: 2 };

describe('the anonymous report', () => {
  it('publishes 1 to 4 as <5, and keeps zero and five or more exact', () => {
    fc.assert(
      fc.property(fc.nat(1000), (n) => {
        expect(publishCount(n)).toBe(n >= 1 && n <= 4 ? '<5' : n);
      }),
    );
  });

  it('writes CSV in the reader’s words, small counts suppressed and the rule explained', () => {
    const labels = {
      'header.group': 'Раздел',
      'header.key': 'Значение',
      'header.count': 'Число',
      report: 'Отчёт',
      date: 'Дата',
      note: 'Примечание',
      noteText: 'Числа от 1 до 4 показаны как <5.',
      totals: 'Итого',
      'totals.total': 'Всего дел',
      byStage: 'По этапам',
      'byStage.intake': 'Первичный приём',
      byRefugeCountry: 'По странам',
      'byRefugeCountry.IS': 'Исландия',
    };
    const lines = statsReport(stats, '2026-12-02', 'csv', labels).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Раздел,Значение,Число',
      'Отчёт,Дата,2026-12-02',
      'Отчёт,Примечание,Числа от 1 до 4 показаны как <5.',
    ]);
    expect(lines).toContain('Итого,Всего дел,12');
    expect(lines).toContain('Итого,open,<5');
    expect(lines).toContain('По этапам,Первичный приём,<5');
    expect(lines).toContain('По этапам,arrived,7');
    expect(lines).toContain('По странам,Исландия,<5');
    expect(lines).toContain('По странам,DE,9');
    expect(lines.filter((l) => /,[1-4]$/.test(l))).toEqual([]);
  });

  it('keeps codes in JSON, with the threshold and the note', () => {
    const json = JSON.parse(statsReport(stats, '2026-12-02', 'json')) as Record<string, unknown>;
    expect(json).toMatchObject({
      report: 'crossing-stats/2',
      suppressedBelow: 5,
      total: 12,
      open: '<5',
      byRefugeCountry: { DE: 9, IS: '<5' },
    });
    expect(String(json.note)).toMatch(/1 to 4/);
  });

  it('escapes cells a spreadsheet would run as formulas, and quotes separators', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const text of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(text).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell('Германия, ФРГ')).toBe('"Германия, ФРГ"');
    expect(csvCell('<5')).toBe('<5');
    const evil = statsReport(stats, '2026-12-02', 'csv', { byStage: '=cmd|calc' });
    expect(evil).not.toMatch(/(^|,)=/m);
  });
});
