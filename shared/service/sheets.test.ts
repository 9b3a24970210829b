import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildXlsx } from '../sheets/testing/buildXlsx.js';
import { russianSheet } from '../sheets/testing/russianSheet.js';
import { makeTestService } from './testing.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('vault service: the spreadsheet wizard', () => {
  it('chooses, inspects, previews, imports once and removes the file, all by token', async () => {
    const t = makeTestService();
    cleanups.push(t.cleanup);
    await t.createVault('Aset');
    const file = path.join(t.dir, 'подопечные.xlsx');
    fs.writeFileSync(file, buildXlsx([russianSheet()]));
    t.answers.openSpreadsheet.push(file);
    const { file: chosen } = await t.call('chooseSpreadsheet', {});
    expect(chosen!.name).toBe('подопечные.xlsx');

    const inspection = await t.call('inspectSpreadsheet', { token: chosen!.token });
    expect(inspection.sheets).toEqual([{ name: 'Подопечные', rows: 10 }]);
    expect(inspection.samples.B).toEqual(['Исмаилова Заира Ахмедовна', 'Дудаев Ислам', 'Хасанова Луиза']);
    // The person maps the country column to risk (a slip): its values are proposed from the sheet again.
    const changed = {
      ...inspection.mapping,
      columns: inspection.mapping.columns.map((c) =>
        c.header === 'Страна' ? { column: c.column, header: c.header, target: 'risk' as const } : c,
      ),
    };
    const refilled = await t.call('inspectSpreadsheet', { token: chosen!.token, mapping: changed });
    expect(refilled.mapping.columns.find((c) => c.header === 'Страна')!.values).toContainEqual({
      value: 'Германия',
      count: 1,
      code: null,
    });

    const args = { token: chosen!.token, sheet: inspection.sheet, mapping: inspection.mapping };
    const preview = await t.call('previewSheetImport', args);
    expect(preview).toMatchObject({ status: 'preview', counts: { new: 6, totals: 1, blank: 1 } });
    expect((await t.call('queryCases', { filter: {} })).total).toBe(0);
    const imported = await t.call('applySheetImport', args);
    expect(t.events.filter((e) => e.event === 'sheetImportProgress').map((e) => e.payload)).toEqual([
      { phase: 'reading', done: 0, total: 0 },
      { phase: 'checking', done: 0, total: 8 },
      { phase: 'writing', done: 0, total: 6 },
    ]);
    expect(imported.counts).toEqual(preview.counts);
    expect((await t.call('queryCases', { filter: {} })).total).toBe(6);
    expect((await t.call('applySheetImport', args)).counts).toMatchObject({ new: 0, alreadyImported: 6 });

    await t.call('removeSpreadsheet', { token: chosen!.token });
    expect(fs.existsSync(file)).toBe(false);
    const again = await t.service.handle('removeSpreadsheet', { token: chosen!.token });
    expect(again).toMatchObject({ ok: false, error: { reason: 'sheetNotRemoved' } });

    // A file chosen for another purpose (an import) is never read or removed as a spreadsheet.
    const other = path.join(t.dir, 'other.crossing');
    fs.writeFileSync(other, 'x');
    t.answers.openImport.push(other);
    const { file: importRef } = await t.call('chooseImportFile', {});
    const refused = await t.service.handle('removeSpreadsheet', { token: importRef!.token });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'fileGone' } });
    expect(fs.existsSync(other)).toBe(true);
  });
});
