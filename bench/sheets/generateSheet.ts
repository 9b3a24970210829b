import type { FixtureCell } from '../../shared/sheets/testing/buildXlsx.js';
import { RUSSIAN_HEADERS } from '../../shared/sheets/testing/russianSheet.js';

/**
 * N rows of a Russian network's sheet, varied the way real ones are (free-text statuses, dates as
 * cells and text, empty cells, comments), deterministic so runs compare. Invented names.
 */
const FAMILY = ['Исмаилова', 'Дудаев', 'Хасанова', 'Мусаев', 'Алиева', 'Садулаев', 'Магомадова', 'Эльмурзаев'];
const GIVEN = ['Заира', 'Ислам', 'Луиза', 'Аслан', 'Хеда', 'Рамзан', 'Мадина', 'Тимур', 'Зарема', 'Ахмед'];
const PASSPORT = ['изъят полицией', 'нет', 'подали', 'утерян', 'выдан', 'у семьи', 'непонятно что', ''];
const INTERNAL = ['есть', 'у семьи', 'на руках', 'изъят', ''];
const STAGE = [
  'ждёт визу',
  'в Канаде',
  'в шелтере',
  'на проверке',
  'отказалась',
  'в пути',
  'новый',
  'потерялся в Стамбуле',
];
const COUNTRY = ['Германия', '', 'Канада', 'Франция', 'Нидерланды', ''];

export function generateSheetRows(n: number): FixtureCell[][] {
  const rows: FixtureCell[][] = [['Список подопечных (сгенерирован для замера)'], [...RUSSIAN_HEADERS]];
  for (let i = 0; i < n; i++) {
    const year = 1960 + (i % 50);
    const birth: FixtureCell =
      i % 3 === 0
        ? { date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` }
        : i % 3 === 1
          ? year
          : `${String((i % 28) + 1).padStart(2, '0')}.03.${year}`;
    rows.push([
      i + 1,
      `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${i}`,
      `${GIVEN[i % GIVEN.length]} ${i}`,
      birth,
      `+7 928 ${String(100 + (i % 900)).padStart(3, '0')}-${String(i % 100).padStart(2, '0')}-${String((i * 3) % 100).padStart(2, '0')}`,
      PASSPORT[i % PASSPORT.length] || null,
      INTERNAL[i % INTERNAL.length] || null,
      STAGE[i % STAGE.length]!,
      COUNTRY[i % COUNTRY.length] || null,
      i % 2 ? 'Мадина' : 'Тимур',
      i % 4 === 0 ? `Комментарий к строке ${i}: связь через сестру, звонить днём` : null,
    ]);
  }
  return rows;
}
