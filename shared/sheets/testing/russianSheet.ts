import type { FixtureCell, FixtureSheet } from './buildXlsx.js';

/**
 * A network's sheet as it is really kept: a title row merged across, Russian headers, free-text
 * statuses, dates as cells and as text, a blank row and a totals row, a curator column no field
 * holds, and a comment a caseworker typed over several lines. Invented people.
 */
export const RUSSIAN_HEADERS = [
  '№',
  'ФИО',
  'Псевдоним',
  'Г.р.',
  'Телефон',
  'Загранпаспорт',
  'Внутренний паспорт',
  'Статус',
  'Страна',
  'Куратор',
  'Комментарий',
] as const;

export const RUSSIAN_ROWS: FixtureCell[][] = [
  [
    1,
    'Исмаилова Заира Ахмедовна',
    'Зарема',
    { date: '1995-03-12' },
    '+7 928 111-22-33',
    'изъят полицией',
    'у семьи',
    'ждёт визу',
    'Германия',
    'Мадина',
    'Муж угрожает.\nНе звонить после 20:00',
  ],
  [2, 'Дудаев Ислам', 'Ислам Д.', 1998, '+7 938 222-33-44', 'нет', 'есть', 'в Канаде', null, 'Мадина', null],
  [
    3,
    'Хасанова Луиза',
    'Луиза',
    '12.03.2017',
    null,
    'подали',
    'на руках',
    'в шелтере',
    null,
    'Тимур',
    'ребёнок, с матерью',
  ],
  [
    4,
    'Мусаев Аслан',
    'Аслан',
    'около 30 лет',
    '+7 928 555-66-77',
    'утерян',
    'изъят',
    'на проверке',
    null,
    'Тимур',
    null,
  ],
  [
    5,
    'Алиева Хеда',
    'Хеда',
    '1989',
    '+7 999 000-11-22',
    'выдан',
    'есть',
    'отказалась',
    null,
    'Мадина',
    'вернулась к семье сама',
  ],
  [],
  [
    6,
    'Садулаев Рамзан',
    'Рамзан',
    { date: '2001-11-30' },
    '+7 928 777-88-99',
    'непонятно что',
    'есть',
    'потерялся в Стамбуле',
    'Турция',
    'Тимур',
    null,
  ],
];

export function russianSheet(): FixtureSheet {
  return {
    name: 'Подопечные',
    merges: ['A1:K1'],
    rows: [
      ['Список подопечных сети на 01.03.2024'],
      [...RUSSIAN_HEADERS],
      ...RUSSIAN_ROWS,
      ['Итого', null, null, null, null, null, null, null, null, null, { formula: 'COUNTA(B3:B9)', result: 6 }],
    ],
  };
}

/** The same sheet as Russian Excel saves "CSV (разделители — точки с запятой)": Windows-1251, `;`, CRLF. */
export function russianCsvText(): string {
  const quote = (cell: FixtureCell): string => {
    if (cell === null || cell === undefined) return '';
    let text: string;
    if (typeof cell === 'object') {
      if ('date' in cell) {
        const [y, m, d] = cell.date.split('-');
        text = `${d}.${m}.${y}`;
      } else text = String(cell.result ?? '');
    } else text = String(cell);
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const sheet = russianSheet();
  const width = RUSSIAN_HEADERS.length;
  return sheet.rows
    .map((row) => Array.from({ length: width }, (_, i) => quote(row[i] ?? null)).join(';'))
    .join('\r\n')
    .concat('\r\n');
}

/** Windows-1251 bytes of Russian text (TextEncoder only writes UTF-8, so the table is built from TextDecoder). */
export function encodeWindows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table.get(text[i]!);
    if (byte === undefined) throw new Error(`${text[i]} has no Windows-1251 byte`);
    out[i] = byte;
  }
  return out;
}
