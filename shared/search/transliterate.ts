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

/**
 * What each character becomes before the folds: lower case, accents dropped (é → e), Cyrillic
 * transliterated, anything that is not a letter or digit a space. Computed once for the Latin and
 * Cyrillic blocks, where nearly every name lives; other characters take the slow path.
 */
const TABLE_SIZE = 0x530;
const CHAR_TABLE: string[] = Array.from({ length: TABLE_SIZE }, (_, code) => mapChar(String.fromCharCode(code)));

function mapChar(ch: string): string {
  const lower = ch.toLowerCase();
  const bare = lower.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (CYRILLIC[lower] !== undefined) return CYRILLIC[lower];
  if (CYRILLIC[bare] !== undefined) return CYRILLIC[bare];
  return bare.replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Latin spellings that stand for one sound in transliterations of Russian and Chechen names. */
const CLUSTERS = /shch|sch|tch|kh|zh|dj|ts|ph|[xjyqw]/g;
const CLUSTER_FOLD: Record<string, string> = {
  shch: 'sh',
  sch: 'sh',
  tch: 'ch',
  kh: 'h',
  zh: 'zh',
  dj: 'zh',
  ts: 'c',
  ph: 'f',
  x: 'h',
  j: 'i',
  y: 'i',
  q: 'k',
  w: 'v',
};
// Run after the clusters: "ye" has become "ie" by then, and new double letters may have formed.
const VOWELS_AND_DOUBLES = /ou|ie|([a-z])\1+/g;

export function foldForSearch(text: string): string {
  let mapped = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    mapped += code < TABLE_SIZE ? CHAR_TABLE[code]! : mapChar(text[i]!);
  }
  return mapped
    .replace(CLUSTERS, (m) => CLUSTER_FOLD[m]!)
    .replace(VOWELS_AND_DOUBLES, (m, double: string | undefined) => double ?? (m === 'ou' ? 'u' : 'e'))
    .replace(/ +/g, ' ')
    .trim();
}
