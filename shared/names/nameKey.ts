/**
 * One spelling-blind key for Russian and Chechen names, in Cyrillic or in any Latin transliteration:
 * ICAO 9303 (Russian passports since 2014: Iusupov, Titiev), BGN/PCGN (English media: Yusupov,
 * Titiyev), GOST 7.79 (Ûsupov, Žuželica), MVD-310, informal English (Ahmed, Hasan), German (Achmed,
 * Chassan, Jussupow, Zujewa) and French (Khassan, Tchétchénie, Jouk). Everything a transliteration
 * may disagree on is folded away:
 *   - every vowel, and every run of vowels and glides (е ё э и й ы ю я, ye yo yu ya ia iu ja ju ou…),
 *     becomes one `a`: ICAO "ia", BGN "ya", German "ja" and "Titiev"/"Titiyev" agree, and so do the
 *     vowel variants of Chechen names (Ахмед / Ахмад, Магомед / Мохаммед);
 *   - г and х share a letter (Гусейн / Хусейн, Magomed / Mohammed), as do kh, h, x and gh;
 *   - a voiced consonant at the end of a word is devoiced (Ахмед / Ахмет, Jussupow / Yusupov);
 *   - double letters are single (Hassan / Хасан), ъ, ь and apostrophes vanish (El'dar / Eldar).
 * Latin spellings that mean different sounds in different conventions ("ch" is ч in English, х in
 * German, ш in French; "j" is a glide in German and ICAO-like spellings, ж in French) are read in
 * each convention in turn (`nameKeyReadings`); `foldText` gives the first reading only.
 *
 * Key letters (lower case Latin, one per sound class): a vowel · b p v f d t z s m n l r k · h (г х)
 * · c (ц) · q (ч) · w (ш щ) · j (ж, дж). Digits stay; other scripts pass through lower-cased.
 */

const CYRILLIC: Record<string, string> = {
  а: 'A',
  б: 'B',
  в: 'V',
  г: 'H',
  д: 'D',
  е: 'A',
  ё: 'A',
  ж: 'J',
  з: 'Z',
  и: 'I',
  й: 'I',
  к: 'K',
  л: 'L',
  м: 'M',
  н: 'N',
  о: 'A',
  п: 'P',
  р: 'R',
  с: 'S',
  т: 'T',
  у: 'A',
  ф: 'F',
  х: 'H',
  ц: 'C',
  ч: 'Q',
  ш: 'W',
  щ: 'W',
  ъ: '',
  ы: 'I',
  ь: '',
  э: 'A',
  ю: 'A',
  я: 'A',
  // Chechen and other letters of the region: the palochka is a mark of its own, not a sound.
  ӏ: '',
  Ӏ: '',
  і: 'I',
  ї: 'I',
  є: 'A',
  ґ: 'H',
  ў: 'A',
  қ: 'K',
  ғ: 'H',
  ҳ: 'H',
  ә: 'A',
  ө: 'A',
  ү: 'A',
};

/** Latin letters with diacritics that GOST 7.79, ISO 9 and ALA-LC give a sound of their own. */
const LATIN_DIACRITICS: Record<string, string> = {
  ž: 'J',
  č: 'Q',
  š: 'W',
  ŝ: 'W',
  ĉ: 'Q',
  ĥ: 'H',
  û: 'A',
  â: 'A',
};

/** Marks transliterations use for ъ and ь, and apostrophes inside names (El'dar, D’Artagnan). */
const VANISHING = new Set(["'", '’', 'ʹ', 'ʺ', 'ʼ', '`', '´', '″', '\u0361']);

/** What each character becomes before the Latin clusters are read: computed once for the common blocks. */
const TABLE_SIZE = 0x530;
const CHAR_TABLE: string[] = Array.from({ length: TABLE_SIZE }, (_, code) => mapChar(String.fromCharCode(code)));

function mapChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (CYRILLIC[lower] !== undefined) return CYRILLIC[lower];
  if (LATIN_DIACRITICS[lower] !== undefined) return LATIN_DIACRITICS[lower];
  if (VANISHING.has(ch)) return '';
  const bare = lower.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (CYRILLIC[bare] !== undefined) return CYRILLIC[bare];
  if (bare === '') return '';
  return bare.replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * How a convention reads the Latin spellings that conventions disagree on. The first is the primary
 * reading (ICAO-like: "j" a glide, "x" = х, "ch" = ч), the others are tried for matching.
 */
export interface Convention {
  ch: string;
  sch: string;
  sh: string;
  j: string;
  z: string;
  x: string;
  sc: string;
  shh: string;
  /** German writes з as s and с as ss. */
  s: string;
  /** French writes г before e and i as gu. */
  gu: string;
  /** French writes -ин as -ine: a final e after a consonant is silent. */
  silentFinalE?: boolean;
}
export const CONVENTIONS: readonly Convention[] = [
  { ch: 'Q', sch: 'W', sh: 'W', j: 'I', z: 'Z', x: 'H', sc: 'SC', shh: 'W', s: 'S', gu: 'HA' }, // ICAO 9303, BGN/PCGN, GOST
  { ch: 'Q', sch: 'W', sh: 'W', j: 'J', z: 'Z', x: 'KS', sc: 'SC', shh: 'W', s: 'S', gu: 'HA' }, // informal English: Jamal
  { ch: 'H', sch: 'W', sh: 'W', j: 'I', z: 'C', x: 'KS', sc: 'SC', shh: 'W', s: 'Z', gu: 'HA' }, // German: Chassan, Schamil, Sarema
  { ch: 'H', sch: 'J', sh: 'W', j: 'I', z: 'C', x: 'KS', sc: 'SC', shh: 'W', s: 'Z', gu: 'HA' }, // German ж: Schukow, Schuscheliz
  { ch: 'W', sch: 'W', sh: 'W', j: 'J', z: 'Z', x: 'KS', sc: 'SC', shh: 'W', s: 'S', gu: 'H', silentFinalE: true }, // French: Chamil, Ibraguim, Chtchoukine
  { ch: 'Q', sch: 'W', sh: 'W', j: 'J', z: 'Z', x: 'H', sc: 'W', shh: 'WH', s: 'S', gu: 'HA' }, // Telegram: Jujelica, Scukin
  { ch: 'Q', sch: 'W', sh: 'SH', j: 'J', z: 'Z', x: 'H', sc: 'W', shh: 'WH', s: 'S', gu: 'HA' }, // Telegram сх: Mashadov
  { ch: 'H', sch: 'SH', sh: 'W', j: 'I', z: 'C', x: 'KS', sc: 'SC', shh: 'W', s: 'Z', gu: 'HA' }, // German сх: Maschadow
];

/** Latin spellings of one sound, longest first, by their first letter. */
const CLUSTERS_BY_FIRST: Record<string, readonly string[]> = {
  s: ['shch', 'shh', 'sch', 'sh', 'sc', 'ss'],
  t: ['tsch', 'tch'],
  z: ['zh'],
  k: ['kh'],
  c: ['chtch', 'ch', 'cz', 'ck'],
  d: ['dj'],
  p: ['ph'],
  g: ['gh', 'gu'],
};
const LATIN_FIXED: Record<string, string> = {
  shch: 'W',
  chtch: 'W',
  tsch: 'Q',
  tch: 'Q',
  zh: 'J',
  dj: 'J',
  cz: 'C',
  kh: 'H',
  ss: 'S',
  ph: 'F',
  gh: 'H',
  ck: 'K',
  a: 'A',
  e: 'A',
  i: 'I',
  o: 'A',
  u: 'A',
  y: 'I',
  b: 'B',
  c: 'C',
  d: 'D',
  f: 'F',
  g: 'H',
  h: 'H',
  k: 'K',
  l: 'L',
  m: 'M',
  n: 'N',
  p: 'P',
  q: 'K',
  r: 'R',
  t: 'T',
  v: 'V',
  w: 'V',
};
/** Spellings whose reading depends on the convention. */
const AMBIGUOUS = /ch|j|z|x|s|gu|[b-df-hj-np-tv-z]e(?: |$)/;

/** Pairs of key letters that are one sound: тс / ts → ц, дж / dzh → ж, тч → ч, šč → щ. */
const PAIR_FOLD: Record<string, string> = { TS: 'C', TC: 'C', TZ: 'C', DJ: 'J', TQ: 'Q', WQ: 'W' };
const DEVOICED: Record<string, string> = { b: 'p', d: 't', z: 's', v: 'f', j: 'w' };
const isCode = (ch: string) => ch >= 'A' && ch <= 'Z';
const isLatinConsonant = (ch: string) => ch >= 'a' && ch <= 'z' && !'aeiouy'.includes(ch);

/**
 * A run of vowels and glides: a glide before a vowel is part of that vowel (я = ya = ia = ja), and
 * what is left is `A`, `I` (и, ы, ий, ii) or `AI` (ай, ей, oy).
 */
const foldVowelRun = (run: string) =>
  run.length === 1
    ? run
    : run
        .replace(/I+(?=A)/g, '')
        .replace(/A+/g, 'A')
        .replace(/I+/g, 'I');

// Decomposed accents (z + combining caron) are composed first, so that ž is read as ž.
const COMBINING = /[\u0300-\u036f]/;

function mapChars(input: string): string {
  const text = COMBINING.test(input) ? input.normalize('NFC') : input;
  let mapped = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    mapped += code < TABLE_SIZE ? CHAR_TABLE[code]! : mapChar(text[i]!);
  }
  return mapped;
}

/** Latin spellings read as key letters under a convention; key letters and other characters pass. */
function readLatin(mapped: string, convention: Convention): string {
  let coded = '';
  for (let i = 0; i < mapped.length;) {
    const ch = mapped[i]!;
    if (ch < 'a' || ch > 'z') {
      coded += ch;
      i += 1;
      continue;
    }
    if (ch === 'e' && convention.silentFinalE && i > 0 && isLatinConsonant(mapped[i - 1]!)) {
      const next = mapped[i + 1];
      if (next === undefined || next === ' ') {
        i += 1;
        continue;
      }
    }
    const cluster = CLUSTERS_BY_FIRST[ch]?.find((c) => mapped.startsWith(c, i)) ?? ch;
    coded += LATIN_FIXED[cluster] ?? convention[cluster as keyof Convention];
    i += cluster.length;
  }
  return coded;
}

/** Key letters to the key: vowel runs folded, pairs joined, doubles single, word ends devoiced. */
function finish(coded: string): string {
  let out = '';
  let run = '';
  let last = '';
  const flushRun = () => {
    if (run === '') return;
    out += foldVowelRun(run).toLowerCase();
    last = 'A';
    run = '';
  };
  const endWord = () => {
    flushRun();
    const devoiced = DEVOICED[out[out.length - 1] ?? ''];
    if (devoiced) out = out.slice(0, -1) + devoiced;
  };
  for (let i = 0; i < coded.length; i++) {
    const ch = coded[i]!;
    if (ch === 'A' || ch === 'I') {
      run += ch;
      continue;
    }
    if (ch === ' ') {
      endWord();
      if (out !== '' && out[out.length - 1] !== ' ') out += ' ';
      last = ' ';
      continue;
    }
    flushRun();
    if (isCode(ch)) {
      const pair = PAIR_FOLD[last + ch];
      if (pair) {
        out = out.slice(0, -1) + pair.toLowerCase();
        last = pair;
        continue;
      }
      if (ch === last) continue;
      out += ch.toLowerCase();
    } else out += ch;
    last = ch;
  }
  endWord();
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

function readMapped(mapped: string, convention: Convention): string {
  return finish(readLatin(mapped, convention));
}

/** The primary key of a text: every word folded, words separated by single spaces. */
export function foldText(text: string): string {
  return readMapped(mapChars(text), CONVENTIONS[0]!);
}

/**
 * Every distinct key of a text under the conventions: one for Cyrillic text and for Latin text with
 * no ambiguous spelling, a few otherwise. The first is `foldText`'s.
 */
export function nameKeyReadings(text: string): string[] {
  const mapped = mapChars(text);
  const first = readMapped(mapped, CONVENTIONS[0]!);
  if (!AMBIGUOUS.test(mapped)) return [first];
  const readings = [first];
  for (let i = 1; i < CONVENTIONS.length; i++) {
    const reading = readMapped(mapped, CONVENTIONS[i]!);
    if (!readings.includes(reading)) readings.push(reading);
  }
  return readings;
}

/**
 * The primary key of a text followed by the other readings of just those words that conventions
 * read differently: what a search key needs, at a fraction of the cost of whole readings.
 */
export function foldWithVariants(text: string): string {
  const mapped = mapChars(text);
  const first = readMapped(mapped, CONVENTIONS[0]!);
  if (!AMBIGUOUS.test(mapped)) return first;
  const variants = new Set<string>();
  for (const word of mapped.split(' ')) {
    if (!AMBIGUOUS.test(word)) continue;
    const primary = readMapped(word, CONVENTIONS[0]!);
    for (let i = 1; i < CONVENTIONS.length; i++) {
      const reading = readMapped(word, CONVENTIONS[i]!);
      if (reading !== primary) variants.add(reading);
    }
  }
  return variants.size === 0 ? first : `${first} ${[...variants].join(' ')}`;
}
