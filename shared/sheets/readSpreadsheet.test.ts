import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CrossingError } from '../errors.js';
import { excelSerialToIso } from './excelDates.js';
import { readSpreadsheetBytes } from './readSpreadsheet.js';
import { sniffDelimiter } from './readCsv.js';
import { buildXlsx } from './testing/buildXlsx.js';
import { encodeWindows1251, russianCsvText, russianSheet } from './testing/russianSheet.js';

function refusal(work: () => unknown): CrossingError {
  try {
    work();
  } catch (error) {
    if (error instanceof CrossingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading a spreadsheet', () => {
  it('reads the CSV Russian Excel saves: Windows-1251, semicolons, a cell over two lines', () => {
    const book = readSpreadsheetBytes(encodeWindows1251(russianCsvText()), 'подопечные.csv');
    expect(book).toMatchObject({ kind: 'csv', encoding: 'windows-1251', delimiter: ';' });
    const rows = book.sheets[0]!.rows;
    expect(rows[0]![0]).toBe('Список подопечных сети на 01.03.2024');
    expect(rows[1]!.slice(0, 4)).toEqual(['№', 'ФИО', 'Псевдоним', 'Г.р.']);
    expect(rows[2]![10]).toBe('Муж угрожает.\nНе звонить после 20:00');
    expect(rows[2]![3]).toBe('12.03.1995');
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 with one, to the same cells', () => {
    const text = 'ФИО,Статус\r\n"Дудаев, Ислам",в Канаде\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    for (const bytes of [strToU8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]), utf16]) {
      const book = readSpreadsheetBytes(bytes, 'x.csv');
      expect(book.sheets[0]!.rows).toEqual([
        ['ФИО', 'Статус'],
        ['Дудаев, Ислам', 'в Канаде'],
      ]);
    }
  });

  it('sniffs tab and comma and semicolon, not counting delimiters inside quotes', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('ФИО;Город\n"Грозный, Чечня";x\n')).toBe(';');
    expect(sniffDelimiter('a,b\n1,2\n')).toBe(',');
  });

  it('refuses a chosen encoding the bytes are not in, naming it', () => {
    const error = refusal(() =>
      readSpreadsheetBytes(encodeWindows1251('ФИО;Статус\n'), 'x.csv', { encoding: 'utf-8' }),
    );
    expect(error.reason).toBe('sheetEncoding');
    expect(error.message).toContain('not valid utf-8');
  });

  it('reads an XLSX: a title merged across, date cells, numbers and formulas as their saved values', () => {
    const book = readSpreadsheetBytes(
      buildXlsx([russianSheet(), { name: 'Архив', rows: [['ФИО'], ['Кто-то']] }]),
      'x.xlsx',
    );
    expect(book.kind).toBe('xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['Подопечные', 'Архив']);
    const rows = book.sheets[0]!.rows;
    expect(rows[0]).toEqual(['Список подопечных сети на 01.03.2024']);
    expect(rows[2]![3]).toEqual({ date: '1995-03-12' });
    expect(rows[3]![3]).toBe(1998);
    expect(rows.at(-1)![10]).toBe(6);
  });

  it('keeps a formula without a saved value as the formula, and gives a cell merged down to every row', () => {
    const book = readSpreadsheetBytes(
      buildXlsx([
        {
          name: 'S',
          rows: [
            ['ФИО', 'Куратор', 'Сумма'],
            ['А', 'Мадина', { formula: 'A1+1' }],
            ['Б', null],
          ],
          merges: ['B2:B3'],
        },
      ]),
      'x.xlsx',
    );
    expect(book.sheets[0]!.rows[1]).toEqual(['А', 'Мадина', { formula: 'A1+1' }]);
    expect(book.sheets[0]!.rows[2]).toEqual(['Б', 'Мадина']);
  });

  it('counts Excel days the way Excel does, 1900 leap-year bug included', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(42806)).toBe('2017-03-12');
    expect(excelSerialToIso(0, true)).toBeNull();
  });

  it('refuses an empty file, a binary file and a password-protected workbook, each saying what to do', () => {
    expect(refusal(() => readSpreadsheetBytes(new Uint8Array(), 'e.csv')).reason).toBe('sheetEmpty');
    expect(refusal(() => readSpreadsheetBytes(strToU8('  \r\n'), 'e.csv')).reason).toBe('sheetEmpty');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(refusal(() => readSpreadsheetBytes(png, 'photo.csv')).reason).toBe('sheetNotSpreadsheet');
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const locked = refusal(() => readSpreadsheetBytes(cfb, 'locked.xlsx'));
    expect(locked.reason).toBe('sheetProtected');
    expect(locked.message).toContain('remove the password');
  });

  it('refuses a zip that is no workbook, a damaged one, and one over the size limit', () => {
    const notBook = zipSync({ 'readme.txt': strToU8('hi') });
    expect(refusal(() => readSpreadsheetBytes(notBook, 'x.xlsx')).reason).toBe('sheetNotSpreadsheet');
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<x/>'),
    });
    expect(refusal(() => readSpreadsheetBytes(ods, 'x.ods')).message).toContain(
      'save it from LibreOffice as .xlsx or .csv',
    );
    const cut = buildXlsx([russianSheet()]).subarray(0, 300);
    expect(refusal(() => readSpreadsheetBytes(cut, 'x.xlsx')).reason).toBe('sheetDamaged');
    const big = refusal(() => readSpreadsheetBytes(strToU8('a;b\n1;2\n'), 'x.csv', { limits: { maxFileBytes: 4 } }));
    expect(big.reason).toBe('sheetTooLarge');
  });

  it('stops unpacking a zip bomb at the limit instead of filling memory', () => {
    const zeros = new Uint8Array(64 * 1024 * 1024); // 64 MiB of zeros packs into ~64 KiB
    const bomb = zipSync({ 'xl/workbook.xml': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = refusal(() =>
      readSpreadsheetBytes(bomb, 'bomb.xlsx', { limits: { maxUnzippedBytes: 8 * 1024 * 1024 } }),
    );
    expect(error.reason).toBe('sheetUnpacksTooLarge');
    expect(error.message).toContain('zip bomb');
  });

  it('refuses a sheet name the file does not have, listing the ones it has', () => {
    const error = refusal(() => readSpreadsheetBytes(buildXlsx([russianSheet()]), 'x.xlsx', { sheet: 'Лист9' }));
    expect(error.reason).toBe('sheetNotFound');
    expect(error.message).toContain('Подопечные');
  });
});
