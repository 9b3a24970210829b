/**
 * A spelling-blind key for names. Chechen names are written in Cyrillic and in several Latin
 * transliterations (Ахмед, Akhmed, Ahmed; Юсуп, Yusup, Jusup), so search compares a folded
 * skeleton of each: Cyrillic transliterated, then the letters transliterations disagree on merged.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
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
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Chechen and other letters that appear in names from the region.
  ӏ: '',
  Ӏ: '',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  қ: 'k',
  ғ: 'g',
  ҳ: 'h',
  ә: 'a',
  ө: 'o',
  ү: 'u',
};

/** Latin spellings that stand for one sound in transliterations of Russian and Chechen names. */
const FOLDS: Array<[RegExp, string]> = [
  [/shch/g, 'sh'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/kh/g, 'h'],
  [/x/g, 'h'],
  [/zh/g, '\u0001'], // kept apart from the j/y fold below
  [/dj/g, '\u0001'],
  [/[jy]/g, 'i'],
  [/ts/g, 'c'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/q/g, 'k'],
  [/ou/g, 'u'],
  [/ie/g, 'e'],
  [/(.)\1+/g, '$1'],
  [/\u0001/g, 'zh'],
];

const CYRILLIC_LETTER = new RegExp(`[${Object.keys(CYRILLIC).join('')}]`, 'g');

export function foldForSearch(text: string): string {
  let out = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(CYRILLIC_LETTER, (ch) => CYRILLIC[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const [pattern, replacement] of FOLDS) out = out.replace(pattern, replacement);
  return out.trim();
}
