import iuliia from 'iuliia';
import type { CaseState } from '../../oplog/fold.js';
import { DEFAULT_FIELDS, type CaseFields } from '../../model/case.js';

/**
 * A labelled set for duplicate detection, built by code: people with Chechen and Russian names, each
 * opened as two or three cases under different spellings (published schemes as iuliia implements
 * them, a German table written here, Cyrillic, word order swapped, patronymic or not, an initial
 * for the surname), and different people with the same or similar names. Deterministic for a seed.
 */
const FIRST = [
  'Ахмед',
  'Юсуп',
  'Магомед',
  'Рустам',
  'Руслан',
  'Ислам',
  'Адам',
  'Аслан',
  'Зелимхан',
  'Ибрагим',
  'Хасан',
  'Умар',
  'Шамиль',
  'Мовсар',
  'Алихан',
  'Тимур',
  'Ильяс',
  'Хамзат',
  'Мансур',
  'Анзор',
  'Хадижат',
  'Зарема',
  'Лейла',
  'Мадина',
  'Малика',
  'Айшат',
  'Хеда',
  'Ясмина',
  'Жанна',
  'Асет',
];
const SURNAME_ROOTS = [
  'Жужелиц',
  'Юсуп',
  'Титиев',
  'Цуев',
  'Щукин',
  'Исмаил',
  'Кадыр',
  'Хасиев',
  'Бисултан',
  'Вагап',
  'Хучиев',
  'Межид',
  'Шишхан',
  'Мусаев',
  'Гайрбек',
  'Абдурахман',
  'Юнус',
  'Эльдар',
  'Чечен',
  'Ахмад',
  'Дудаев',
  'Садулаев',
  'Масхад',
  'Яндарбиев',
  'Басаев',
  'Закаев',
  'Умаров',
  'Махмудов',
  'Ёлкин',
  'Зайнди',
];
const FATHERS = ['Руслан', 'Ислам', 'Магомед', 'Ахмед', 'Шамиль', 'Адам'];
const WOMEN = new Set(FIRST.slice(20));

type Spelling = (cyrillic: string) => string;
const SCHEMES: Record<string, Spelling> = {
  Cyrillic: (s) => s,
  'ICAO 9303': (s) => iuliia.translate(s, iuliia.ICAO_DOC_9303),
  'BGN/PCGN': (s) => iuliia.translate(s, iuliia.BGN_PCGN),
  'GOST 7.79': (s) => iuliia.translate(s, iuliia.GOST_779),
  'MVD-310': (s) => iuliia.translate(s, iuliia.MVD_310),
  'MVD-310 (French)': (s) => iuliia.translate(s, iuliia.MVD_310_FR),
  Wikipedia: (s) => iuliia.translate(s, iuliia.WIKIPEDIA),
  Telegram: (s) => iuliia.translate(s, iuliia.TELEGRAM),
  German: german,
};

/** German offices' Duden-style transliteration (no published table in iuliia). */
const GERMAN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'w',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'jo',
  ж: 'sch',
  з: 's',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'ch',
  ц: 'z',
  ч: 'tsch',
  ш: 'sch',
  щ: 'schtsch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
};
function german(text: string): string {
  // с between vowels is ss (Chassan), so that a single s can stand for з (Sarema).
  const spaced = text.replace(/(?<=[аеёиоуыэюя])с(?=[аеёиоуыэюя])/gi, 'сс');
  return spaced.replace(/[а-яё]/gi, (ch) => {
    const lower = ch.toLowerCase();
    const latin = GERMAN[lower] ?? lower;
    return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LabelledCase {
  person: number;
  scheme: string;
  state: Pick<CaseState, 'id' | 'fields' | 'contacts' | 'documents'>;
}

function surname(root: string, woman: boolean): string {
  const base = /(ев|ов|ин)$/.test(root) ? root : `${root}ов`;
  if (root.endsWith('ц')) return woman ? `${root}а` : root;
  if (woman) return base.endsWith('ин') ? `${base}а` : `${base}а`;
  return base;
}

interface Person {
  first: string;
  last: string;
  patronymic: string;
  year: number;
}

/**
 * `people` people, each opened as one to three cases under different spellings, and for every
 * third person a stranger with a similar name: a sibling (same surname, 40%), someone with the same
 * given name (40%), or a namesake born years apart (20%). No two people share given name and surname unless
 * they are such namesakes.
 */
export function labelledPeople(people: number, seed = 1): LabelledCase[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const schemes = Object.keys(SCHEMES);
  const combos = FIRST.flatMap((first) => SURNAME_ROOTS.map((root) => [first, root] as const));
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  if (people > combos.length / 3) throw new Error(`at most ${combos.length / 3} people`);
  const cases: LabelledCase[] = [];
  let serial = 0;
  const makePerson = (first: string, root: string, year: number): Person => {
    const woman = WOMEN.has(first);
    const father = pick(FATHERS);
    return { first, last: surname(root, woman), patronymic: woman ? `${father}овна` : `${father}ович`, year };
  };
  const open = (label: number, p: Person, copies: number, knownYear = false) => {
    for (let copy = 0; copy < copies; copy++) {
      const scheme = copy === 0 ? 'Cyrillic' : pick(schemes);
      const spell = SCHEMES[scheme]!;
      const shape = next();
      const name =
        shape < 0.4
          ? `${p.first} ${p.last}`
          : shape < 0.65
            ? `${p.last} ${p.first}`
            : shape < 0.85
              ? `${p.last} ${p.first} ${p.patronymic}`
              : `${p.first} ${p.last[0]}.`;
      const yearOfCase = !knownYear && next() < 0.15 ? null : next() < 0.85 ? p.year : p.year + (next() < 0.5 ? -1 : 1);
      const fields: CaseFields = { ...DEFAULT_FIELDS, alias: spell(name), birthYear: yearOfCase } as CaseFields;
      cases.push({
        person: label,
        scheme,
        state: { id: `case${String(serial++).padStart(18, '0')}`, fields, contacts: [], documents: [] },
      });
    }
  };
  let label = 0;
  const used = new Set<string>();
  const comboKey = (first: string, root: string) => `${first} ${root}`;
  let nextCombo = 0;
  let strangerCombo = combos.length - 1;
  for (let n = 0; n < people; n++) {
    while (used.has(comboKey(...combos[nextCombo]!))) nextCombo += 1;
    const [first, root] = combos[nextCombo]!;
    used.add(comboKey(first, root));
    const person = makePerson(first, root, 1960 + Math.floor(next() * 45));
    open(label++, person, 1 + Math.floor(next() * 3));
    if (n % 3 !== 0) continue;
    const kind = next();
    if (kind >= 0.4 && kind < 0.6) {
      open(label++, makePerson(first, root, person.year + 5 + Math.floor(next() * 15)), 1, true);
      continue;
    }
    // A sibling or someone with the same given name: a name no one else in the set has.
    const [otherFirst, otherRoot] = combos[strangerCombo]!;
    const stranger: readonly [string, string] = kind < 0.4 ? [otherFirst, root] : [first, otherRoot];
    strangerCombo -= 1;
    if (used.has(comboKey(...stranger))) continue;
    used.add(comboKey(...stranger));
    open(
      label++,
      makePerson(stranger[0], stranger[1], person.year + (kind < 0.4 ? 2 + Math.floor(next() * 10) : 0)),
      1,
    );
  }
  return cases;
}

export interface Evaluation {
  truePairs: number;
  /** True pairs whose two names are both written in full (no initial): the scheme variants. */
  schemePairs: number;
  found: number;
  foundTrue: number;
  foundScheme: number;
  recall: number;
  schemeRecall: number;
  precision: number;
}

/** Precision and recall of found pairs against the labels. */
export function evaluate(cases: readonly LabelledCase[], found: ReadonlyArray<{ a: string; b: string }>): Evaluation {
  const byId = new Map(cases.map((c) => [c.state.id, c]));
  const hasInitial = (c: LabelledCase) => /\.$/.test(c.state.fields.alias);
  const byPerson = new Map<number, LabelledCase[]>();
  for (const c of cases) byPerson.set(c.person, [...(byPerson.get(c.person) ?? []), c]);
  let truePairs = 0;
  let schemePairs = 0;
  for (const group of byPerson.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        truePairs += 1;
        if (!hasInitial(group[i]!) && !hasInitial(group[j]!)) schemePairs += 1;
      }
  let foundTrue = 0;
  let foundScheme = 0;
  for (const pair of found) {
    const a = byId.get(pair.a)!;
    const b = byId.get(pair.b)!;
    if (a.person !== b.person) continue;
    foundTrue += 1;
    if (!hasInitial(a) && !hasInitial(b)) foundScheme += 1;
  }
  return {
    truePairs,
    schemePairs,
    found: found.length,
    foundTrue,
    foundScheme,
    recall: truePairs ? foundTrue / truePairs : 1,
    schemeRecall: schemePairs ? foundScheme / schemePairs : 1,
    precision: found.length ? foundTrue / found.length : 1,
  };
}
