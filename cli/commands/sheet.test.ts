import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetImportReport } from '../../shared/sheets/importSheet.js';
import type { SheetMapping } from '../../shared/sheets/mapping.js';
import { buildXlsx } from '../../shared/sheets/testing/buildXlsx.js';
import { encodeWindows1251, russianCsvText, russianSheet } from '../../shared/sheets/testing/russianSheet.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { crossing, expectCleanError, initVault, sha256, withPassphrase } from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
let csv: string;
let xlsx: string;
const env = withPassphrase();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'sheet.crossing-vault');
  initVault(vault);
  csv = path.join(dir, 'подопечные.csv');
  fs.writeFileSync(csv, encodeWindows1251(russianCsvText()));
  xlsx = path.join(dir, 'подопечные.xlsx');
  fs.writeFileSync(xlsx, buildXlsx([russianSheet()]));
});
afterAll(() => cleanup());

const listAliases = () =>
  (JSON.parse(crossing(['case', 'list', vault, '--json'], { env }).stdout) as Array<{ fields: { alias: string } }>)
    .map((c) => c.fields.alias)
    .sort();

describe('crossing sheet', () => {
  it('map prints the proposed mapping of a Windows-1251 CSV as JSON to edit', () => {
    const result = crossing(['sheet', 'map', vault, csv]);
    expect(result.status, result.stderr).toBe(0);
    const mapping = JSON.parse(result.stdout) as SheetMapping;
    expect(mapping).toMatchObject({ format: 'crossing-sheet-mapping/1', sheet: 'подопечные', headerRow: 2 });
    expect(mapping.columns.find((c) => c.header === 'Статус')).toMatchObject({ column: 'H', target: 'stage' });
  });

  it('a dry run writes nothing; the import takes every row; the same sheet again is a no-op', () => {
    const before = sha256(vault);
    const preview = crossing(['sheet', 'import', vault, csv, '--dry-run'], { env });
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('preview (nothing changed)');
    expect(preview.stdout).toContain(
      '8 rows: 6 new case(s), 0 imported before, 0 repeated, 1 blank, 1 totals, 0 refused',
    );
    expect(preview.stdout).toContain(
      'warning: row 9, column F (Загранпаспорт): value not mapped, kept in the note: "непонятно что"',
    );
    expect(sha256(vault)).toBe(before);
    expect(listAliases()).toEqual([]);

    const imported = crossing(['sheet', 'import', vault, csv, '--json'], { env });
    expect(imported.status, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as SheetImportReport;
    expect(report.counts).toMatchObject({ new: 6, blank: 1, totals: 1, refused: 0 });
    expect(listAliases()).toEqual(['Аслан', 'Зарема', 'Ислам Д.', 'Луиза', 'Рамзан', 'Хеда']);

    const again = crossing(['sheet', 'import', vault, csv], { env });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 new case(s), 6 imported before');
    expect(listAliases()).toHaveLength(6);
  });

  it('imports an XLSX with a title row and date cells through an edited mapping; its rows are known from the CSV', () => {
    const mapped = crossing(['sheet', 'map', vault, xlsx, '--sheet', 'Подопечные']);
    const mapping = JSON.parse(mapped.stdout) as SheetMapping;
    // The person decides the curator column is not needed here.
    const edited = {
      ...mapping,
      columns: mapping.columns.map((c) => (c.header === 'Куратор' ? { ...c, target: 'skip' } : c)),
    };
    const file = path.join(dir, 'mapping.json');
    fs.writeFileSync(file, JSON.stringify(edited));

    const other = path.join(dir, 'other.crossing-vault');
    initVault(other);
    const result = crossing(['sheet', 'import', other, xlsx, '--mapping', file, '--json'], { env });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as SheetImportReport;
    expect(report.counts).toMatchObject({ new: 6, totals: 1, blank: 1, refused: 0 });
    const zarema = report.rows.find((r) => r.alias === 'Зарема')!;
    const shown = JSON.parse(crossing(['case', 'show', other, zarema.caseId!, '--json'], { env }).stdout) as {
      fields: { birthYear: number };
      notes: Array<{ text: string }>;
    };
    expect(shown.fields.birthYear).toBe(1995);
    expect(shown.notes[0]!.text).toContain('Г.р.: 12.03.1995');
    expect(shown.notes[0]!.text).not.toContain('Мадина');

    // The same rows saved as XLSX instead of CSV are the same rows: nothing new in the first vault.
    const same = crossing(['sheet', 'import', vault, xlsx, '--json'], { env });
    expect((JSON.parse(same.stdout) as SheetImportReport).counts).toMatchObject({ new: 0, alreadyImported: 6 });
  });

  it('refuses a column mapped twice and an unknown field, naming them, before asking for the passphrase', () => {
    const mapping = JSON.parse(crossing(['sheet', 'map', vault, xlsx]).stdout) as SheetMapping;
    const twice = path.join(dir, 'twice.json');
    fs.writeFileSync(
      twice,
      JSON.stringify({
        ...mapping,
        columns: mapping.columns.map((c) => (c.header === 'Псевдоним' ? { ...c, target: 'legalName' } : c)),
      }),
    );
    const result = crossing(['sheet', 'import', vault, xlsx, '--mapping', twice]);
    expect(result.status).toBe(1);
    expectCleanError(result);
    expect(result.stderr).toContain('legalName is mapped twice, from column B and column C');
    const unknown = path.join(dir, 'unknown.json');
    fs.writeFileSync(
      unknown,
      JSON.stringify({ ...mapping, columns: [{ column: 'B', header: 'ФИО', target: 'surname' }] }),
    );
    const refused = crossing(['sheet', 'import', vault, xlsx, '--mapping', unknown]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('columns.0.target');
  });

  it('refuses a password-protected workbook and a binary file with exit 3 and what to do', () => {
    const locked = path.join(dir, 'locked.xlsx');
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    fs.writeFileSync(locked, cfb);
    const result = crossing(['sheet', 'map', vault, locked]);
    expect(result.status).toBe(3);
    expectCleanError(result);
    expect(result.stderr).toContain('remove the password');
  });
});
