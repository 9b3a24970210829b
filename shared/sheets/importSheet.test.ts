import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossingError } from '../errors.js';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from '../vault/vault.js';
import { importSpreadsheet, inspectSpreadsheet } from './importSheet.js';
import { parseMapping } from './mapping.js';
import { buildXlsx } from './testing/buildXlsx.js';
import { encodeWindows1251, russianCsvText, russianSheet } from './testing/russianSheet.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => ({ dir, cleanup } = makeTempDir()));
afterAll(() => cleanup());

async function freshVault(name: string): Promise<Vault> {
  const { vault } = await Vault.create(path.join(dir, `${name}.crossing-vault`), {
    passphrase: 'correct horse battery staple spreadsheet',
    kdf: 'interactive',
    displayName: 'Test',
  });
  return vault;
}

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function refusal(work: () => unknown): CrossingError {
  try {
    work();
  } catch (error) {
    if (error instanceof CrossingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const xlsxFile = () => write('подопечные.xlsx', buildXlsx([russianSheet()]));
const csvFile = () => write('подопечные.csv', encodeWindows1251(russianCsvText()));

describe('importing a Russian sheet', () => {
  it('proposes a mapping from the Russian headers under the title row, with every value counted', () => {
    const inspection = inspectSpreadsheet(xlsxFile());
    expect(inspection.mapping.headerRow).toBe(2);
    expect(Object.fromEntries(inspection.mapping.columns.map((c) => [c.header, c.target]))).toEqual({
      '№': 'note',
      ФИО: 'legalName',
      Псевдоним: 'alias',
      'Г.р.': 'birthYear',
      Телефон: 'phone',
      Загранпаспорт: 'passport',
      'Внутренний паспорт': 'internalPassport',
      Статус: 'stage',
      Страна: 'refugeCountry',
      Куратор: 'note',
      Комментарий: 'note',
    });
    const passport = inspection.mapping.columns.find((c) => c.target === 'passport')!;
    expect(passport.values).toContainEqual({ value: 'изъят полицией', count: 1, code: 'confiscated' });
    expect(passport.values).toContainEqual({ value: 'непонятно что', count: 1, code: null });
    const stage = inspection.mapping.columns.find((c) => c.target === 'stage')!;
    expect(stage.values).toContainEqual({ value: 'ждёт визу', count: 1, code: 'documents' });
    expect(stage.values).toContainEqual({ value: 'в Канаде', count: 1, code: 'arrived' });
    expect(stage.values).toContainEqual({ value: 'отказалась', count: 1, code: 'closed:declined' });
  });

  for (const [kind, file] of [
    ['XLSX', xlsxFile],
    ['Windows-1251 CSV', csvFile],
  ] as const) {
    it(`imports the ${kind} in one pass: every row accounted for, unmapped text kept in notes, again a no-op`, async () => {
      const vault = await freshVault(`import-${kind.replace(/\W/g, '')}`);
      try {
        const chosen = file();
        const preview = importSpreadsheet(vault, chosen, { dryRun: true });
        expect(vault.listCases()).toHaveLength(0); // a preview writes nothing
        const told: string[] = [];
        const report = importSpreadsheet(vault, chosen, {
          onProgress: (p) => told.push(`${p.phase} ${p.done}/${p.total}`),
        });
        expect(told).toEqual(['reading 0/0', 'checking 0/8', 'writing 0/6']);
        expect(report.counts).toMatchObject({ rows: 8, new: 6, blank: 1, totals: 1, refused: 0, alreadyImported: 0 });
        expect(report.counts).toEqual(preview.counts);
        expect(report.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);

        const byAlias = new Map(vault.listCases().map((c) => [c.fields.alias, vault.getCase(c.id)]));
        const zarema = byAlias.get('Зарема')!;
        expect(zarema.fields).toMatchObject({
          legalName: 'Исмаилова Заира Ахмедовна',
          birthYear: 1995,
          passport: 'confiscated',
          internalPassport: 'held_by_family',
          stage: 'documents',
          refugeCountry: 'DE',
        });
        expect(zarema.contacts).toMatchObject([{ channel: 'phone', value: '+7 928 111-22-33' }]);
        const note = zarema.notes.map((n) => n.text).join('\n');
        expect(note).toContain('Куратор: Мадина');
        expect(note).toContain('Комментарий: Муж угрожает.\nНе звонить после 20:00');
        expect(note).toContain('Г.р.: 12.03.1995'); // the case keeps the year, the note the day

        expect(byAlias.get('Ислам Д.')!.fields).toMatchObject({
          stage: 'arrived',
          refugeCountry: 'CA',
          birthYear: 1998,
        });
        expect(byAlias.get('Луиза')!.fields).toMatchObject({ birthYear: 2017, passport: 'applied', stage: 'shelter' });
        expect(byAlias.get('Хеда')!.fields).toMatchObject({ stage: 'closed', closedReason: 'declined' });
        const aslan = byAlias.get('Аслан')!;
        expect(aslan.fields.birthYear).toBeNull();
        expect(aslan.notes[0]!.text).toContain('Г.р.: около 30 лет');
        const ramzan = byAlias.get('Рамзан')!;
        expect(ramzan.fields).toMatchObject({ passport: 'unknown', stage: 'intake', refugeCountry: 'TR' });
        expect(ramzan.notes[0]!.text).toContain('Загранпаспорт: непонятно что');
        expect(ramzan.notes[0]!.text).toContain('Статус: потерялся в Стамбуле');
        expect(report.warnings).toContainEqual(
          expect.objectContaining({
            kind: 'unknownValue',
            row: 9,
            column: 'F',
            header: 'Загранпаспорт',
            text: 'непонятно что',
          }),
        );
        expect(report.warnings.filter((w) => w.kind === 'unmappedColumn').map((w) => w.header)).toEqual([
          '№',
          'Куратор',
          'Комментарий',
        ]);
        expect(report.warnings).toContainEqual(
          expect.objectContaining({ kind: 'unreadDate', row: 6, column: 'D', text: 'около 30 лет' }),
        );

        const counter = vault.counter;
        const again = importSpreadsheet(vault, chosen);
        expect(again.counts).toMatchObject({ new: 0, alreadyImported: 6 });
        expect(vault.listCases()).toHaveLength(6);
        expect(vault.counter).toBe(counter); // nothing was written at all
      } finally {
        vault.lock();
      }
    });
  }

  it('keeps the row fingerprints sealed: no cell of the sheet is readable in the vault file', async () => {
    const vault = await freshVault('sealed');
    const file = vault.path;
    importSpreadsheet(vault, csvFile());
    vault.lock();
    const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    for (const secret of ['Исмаилова', '928 111', 'Мадина']) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from(encodeWindows1251(secret)))).toBe(false);
    }
  });

  it('flags a row that looks like a case already held, and imports it as a new case for review', async () => {
    const vault = await freshVault('lookalike');
    try {
      // A given name alone is shared by too many people to flag; with the surname and year it is worth a look.
      vault.addCase({ alias: 'Zarema' });
      expect(importSpreadsheet(vault, csvFile(), { dryRun: true }).counts.lookalikes).toBe(0);
      const held = vault.addCase({ alias: 'Zaira I.', legalName: 'Zaira Ismailova', birthYear: 1995 });
      const report = importSpreadsheet(vault, csvFile(), { dryRun: true });
      const row = report.rows.find((r) => r.alias === 'Зарема')!;
      expect(row.lookalike).toEqual({ id: held.id, alias: 'Zaira I.' });
      expect(report.counts.lookalikes).toBe(1);
    } finally {
      vault.lock();
    }
  });

  it('refuses a bad mapping naming the problem, and writes nothing', async () => {
    const vault = await freshVault('badmapping');
    try {
      const mapping = inspectSpreadsheet(xlsxFile()).mapping;
      const twice = {
        ...mapping,
        columns: mapping.columns.map((c) => (c.header === 'Псевдоним' ? { ...c, target: 'legalName' } : c)),
      };
      const error = refusal(() => parseMapping(twice));
      expect(error.reason).toBe('sheetBadMapping');
      expect(error.message).toContain('legalName is mapped twice, from column B and column C');
      expect(
        refusal(() => parseMapping({ ...mapping, columns: [{ column: 'B', header: 'ФИО', target: 'surname' }] }))
          .message,
      ).toContain('columns.0.target');
      const badCode = {
        ...mapping,
        columns: mapping.columns.map((c) =>
          c.target === 'passport' ? { ...c, values: [{ value: 'нет', code: 'gone' }] } : c,
        ),
      };
      expect(refusal(() => parseMapping(badCode)).message).toContain('"gone" is not a value of passport');
      const shifted = parseMapping({ ...mapping, columns: [{ column: 'C', header: 'ФИО', target: 'legalName' }] });
      const misfit = refusal(() => importSpreadsheet(vault, xlsxFile(), { mapping: shifted }));
      expect(misfit.message).toContain('column C of row 2 is headed "Псевдоним"');
      expect(vault.listCases()).toHaveLength(0);
    } finally {
      vault.lock();
    }
  });

  it('applies the person’s value mapping, and keeps a value mapped to nothing in the note', async () => {
    const vault = await freshVault('edited');
    try {
      const proposal = inspectSpreadsheet(csvFile()).mapping;
      const mapping = parseMapping({
        ...proposal,
        columns: proposal.columns.map((c) =>
          c.target === 'passport'
            ? {
                ...c,
                values: c.values!.map((v) =>
                  v.value === 'непонятно что'
                    ? { ...v, code: 'unknown' }
                    : v.value === 'нет'
                      ? { ...v, code: null }
                      : v,
                ),
              }
            : c,
        ),
      });
      importSpreadsheet(vault, csvFile(), { mapping });
      const islam = vault.getCase(vault.listCases().find((c) => c.fields.alias === 'Ислам Д.')!.id);
      expect(islam.fields.passport).toBe('unknown');
      expect(islam.notes[0]!.text).toContain('Загранпаспорт: нет');
    } finally {
      vault.lock();
    }
  });

  it('refuses a sheet with no header row, one with too long a cell, and too many rows, writing nothing', async () => {
    const vault = await freshVault('bad');
    try {
      const noHeader = write('numbers.csv', '1;2;3\n4;5;6\n');
      expect(refusal(() => importSpreadsheet(vault, noHeader)).reason).toBe('sheetNoHeader');
      const huge = write('huge.csv', `ФИО;Комментарий\nАслан;${'я'.repeat(1024 * 1024)}\n`);
      const long = refusal(() => importSpreadsheet(vault, huge));
      expect(long.reason).toBe('sheetCellTooLong');
      expect(long.message).toContain('row 2, column B (Комментарий)');
      const many = write('many.csv', `ФИО;Статус\n${'Аслан;новый\n'.repeat(50_000)}`);
      const tooMany = refusal(() => importSpreadsheet(vault, many));
      expect(tooMany.reason).toBe('sheetTooManyRows');
      expect(tooMany.message).toContain('50000 rows');
      expect(vault.listCases()).toHaveLength(0);
    } finally {
      vault.lock();
    }
  });

  it('warns of ragged rows, invisible direction marks and formulas without values, naming row and column', async () => {
    const vault = await freshVault('odd');
    try {
      const file = write(
        'odd.xlsx',
        buildXlsx([
          {
            name: 'S',
            rows: [
              ['ФИО', 'Статус'],
              ['Ахмед\u202eдемхА', 'новый', 'лишняя ячейка'],
              ['Бислан\u0007', { formula: 'B2' }],
              [null, 'новый'],
            ],
          },
        ]),
      );
      const report = importSpreadsheet(vault, file);
      expect(report.counts).toMatchObject({ new: 2, refused: 1 });
      expect(report.rows[2]).toMatchObject({ row: 4, status: 'refused', reason: expect.stringContaining('no name') });
      const kinds = report.warnings.map((w) => [w.kind, w.row, w.column]);
      expect(kinds).toContainEqual(['invisibleRemoved', 2, 'A']);
      expect(kinds).toContainEqual(['cellPastHeader', 2, 'C']);
      expect(kinds).toContainEqual(['invisibleRemoved', 3, 'A']);
      expect(kinds).toContainEqual(['formulaWithoutValue', 3, 'B']);
      const aliases = vault.listCases().map((c) => c.fields.alias);
      expect(aliases.sort()).toEqual(['АхмеддемхА', 'Бислан']);
    } finally {
      vault.lock();
    }
  });
});
