import iuliia from 'iuliia';
import { describe, expect, it } from 'vitest';
import { foldText, nameKeyReadings } from './nameKey.js';

/**
 * The published transliteration tables, as the iuliia package implements them, are the oracle: every
 * Cyrillic name below, spelled by each scheme, must share a key with the Cyrillic original.
 */
const SCHEMES = {
  'ICAO 9303': iuliia.ICAO_DOC_9303,
  'BGN/PCGN': iuliia.BGN_PCGN,
  'GOST 7.79': iuliia.GOST_779,
  'GOST 7.79 (B)': iuliia.GOST_779_ALT,
  'GOST 52535': iuliia.GOST_52535,
  'MVD-310': iuliia.MVD_310,
  'MVD-782': iuliia.MVD_782,
  Wikipedia: iuliia.WIKIPEDIA,
  Telegram: iuliia.TELEGRAM,
  Scientific: iuliia.SCIENTIFIC,
  'UNGEGN 1987': iuliia.UNGEGN_1987,
  'ALA-LC': iuliia.ALA_LC,
  'BS 2979': iuliia.BS_2979,
  'MVD-310 (French)': iuliia.MVD_310_FR,
  'Yandex Maps': iuliia.YANDEX_MAPS,
  Mosmetro: iuliia.MOSMETRO,
};

/** Names and surnames of the region, chosen for the letters schemes disagree on. */
export const CYRILLIC_NAMES = [
  'Ахмед Жужелица',
  'Юсупов Зелимхан',
  'Титиев Ислам',
  'Хасан Цуев',
  'Шамиль Щукин',
  'Мадина Эльдаровна',
  'Артём Ильич Майя',
  'Яхья Чеченов',
  'Айшат Юнусова',
  'Хеда Абдурахманова',
  'Мовсар Гайрбеков',
  'Рамзан Ёлкин',
  'Магомед Исмаилов',
  'Ясмина Кадырова',
  'Зарема Хасиева',
  'Лема Бисултанов',
  'Асет Вагапова',
  'Жанна Хучиева',
  'Малика Межидова',
  'Руслан Шишханов',
  'Ильяс Щукин',
  'Хава Мусаева',
];

/** German, French and informal English spellings as offices and people write them. */
const HAND_SPELLINGS: Array<[cyrillic: string, ...latin: string[]]> = [
  ['Ахмед', 'Achmed', 'Ahmed', 'Akhmad', 'Ahmad', 'Achmat', 'Akhmet'],
  ['Хасан', 'Chassan', 'Khassan', 'Hasan', 'Hassan'],
  ['Юсупов', 'Jussupow', 'Youssoupov', 'Yusupoff', 'Iusupov'],
  ['Шамиль', 'Schamil', 'Chamil', 'Shamil'],
  ['Цуева', 'Zujewa', 'Tsoueva', 'Tsuyeva', 'Tcueva'],
  ['Магомед', 'Mohammed', 'Magomed', 'Muhammad', 'Mahomed'],
  ['Жуков', 'Schukow', 'Joukov', 'Zhukov'],
  ['Чеченов', 'Tschetschenow', 'Tchetchenov', 'Chechenov'],
  ['Джамал', 'Dschamal', 'Djamal', 'Jamal', 'Dzhamal'],
  ['Гусейн', 'Husein', 'Hussein', 'Guseyn'],
  ['Артём', 'Artyom', 'Artjom', 'Artem'],
];

const shareAKey = (a: string, b: string) => {
  const keys = new Set(nameKeyReadings(a));
  return nameKeyReadings(b).some((k) => keys.has(k));
};

describe('name keys', () => {
  it.each(Object.entries(SCHEMES))('every name spelled by %s shares a key with its Cyrillic', (_, schema) => {
    for (const name of CYRILLIC_NAMES) {
      const latin = iuliia.translate(name, schema);
      expect({ name, latin, match: shareAKey(name, latin) }).toEqual({ name, latin, match: true });
    }
  });

  it.each(HAND_SPELLINGS)('German, French and informal spellings of %s share its key', (cyrillic, ...latin) => {
    for (const spelling of latin) expect([spelling, shareAKey(cyrillic, spelling)]).toEqual([spelling, true]);
  });

  it('keeps different names apart', () => {
    const different: Array<[string, string]> = [
      ['Жанна', 'Янна'],
      ['Ахмед', 'Мухаммед'],
      ['Хасан', 'Хусейн'],
      ['Зелимхан', 'Зелимов'],
      ['Мадина', 'Малика'],
      ['Руслан', 'Рамзан'],
      ['Юсупов', 'Юнусов'],
    ];
    for (const [a, b] of different) expect([a, b, shareAKey(a, b)]).toEqual([a, b, false]);
  });

  it('reads Cyrillic and unambiguous Latin one way only', () => {
    expect(nameKeyReadings('Ахмед Жужелица')).toEqual([foldText('Ахмед Жужелица')]);
    expect(nameKeyReadings('Akhmed Zhuzhelitsa')).toHaveLength(1);
  });

  it('turns punctuation into single spaces, drops apostrophes and trims', () => {
    expect(foldText('  Ахмед — «Ali»  ')).toBe('ahmat ali');
    expect(foldText("El'dar")).toBe(foldText('Эльдар'));
  });

  it('keeps digits, so that document numbers and phone numbers can be searched', () => {
    expect(foldText('Passport 45 12 345678')).toBe('paspart 45 12 345678');
  });
});
