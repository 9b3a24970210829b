import { nameKeyReadings } from './nameKey.js';

/**
 * A person's name as words that can be compared whatever the script, the transliteration, the word
 * order (surname first or last) or the patronymic: "Ахмед Ж.", "Akhmed Zhuzhelitsa" and
 * "Жужелица Ахмед Русланович" are all the same name.
 */
export interface NameWord {
  /** The word's keys, one per convention that reads it differently. */
  keys: string[];
  /** An initial ("Ж.", "Zh."): it matches any word whose key starts with its letter. */
  initial: boolean;
  /** The first letters of the keys, as an initial matches them (worked out once: names are compared often). */
  letters: string[];
}

export interface ParsedName {
  text: string;
  words: NameWord[];
  /** Russian patronymics (-ович, -евна, -ична): optional, since many records leave them out. */
  patronymic: NameWord | null;
}

// Marks belong to their word: GOST spellings may arrive decomposed (z + combining caron).
const WORD = /[\p{L}\p{M}'’ʹʼ]+\.?/gu;
const PATRONYMIC_ENDINGS = ['aviq', 'avna', 'iqna'];

// Names repeat (a vault holds many Ахмеды): each written word is folded once. Bounded, so that a
// long session does not keep every name it ever saw.
const WORD_CACHE = new Map<string, { word: NameWord; patronymic: boolean } | null>();
const WORD_CACHE_LIMIT = 50_000;
/** Words past this are not read as a name (matchNames keeps its partners in one 32-bit number). */
const MAX_NAME_WORDS = 30;

export function parseName(text: string): ParsedName {
  const words: NameWord[] = [];
  let patronymic: NameWord | null = null;
  for (const raw of text.match(WORD) ?? []) {
    let parsed = WORD_CACHE.get(raw);
    if (parsed === undefined) {
      parsed = parseWord(raw);
      if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
      WORD_CACHE.set(raw, parsed);
    }
    if (!parsed) continue;
    if (parsed.patronymic && !patronymic) patronymic = parsed.word;
    else if (words.length < MAX_NAME_WORDS) words.push(parsed.word);
  }
  return { text, words, patronymic };
}

function parseWord(raw: string): { word: NameWord; patronymic: boolean } | null {
  {
    const letters = raw.normalize('NFC').replace(/[.'’ʹʼ]/g, '');
    const initial = [...letters].length === 1 || (raw.endsWith('.') && [...letters].length <= 2);
    // An initial is read with an n after it: alone, Ж would be devoiced like a last letter, and И before a vowel is a glide.
    const keys = nameKeyReadings(initial ? `${letters}n` : letters).filter((k) => k.length > 0 && !k.includes(' '));
    if (keys.length === 0) return null;
    const wordKeys = initial ? [...new Set(keys.map((k) => k[0]!))] : keys;
    const word = { keys: wordKeys, initial, letters: [...new Set(wordKeys.map((k) => k[0]!))] };
    const patronymic = !initial && keys.some((k) => k.length > 5 && PATRONYMIC_ENDINGS.some((e) => k.endsWith(e)));
    return { word, patronymic };
  }
}

export type NameMatchKind = 'full' | 'initials' | 'single';

// Written as plain loops: a duplicate scan calls these millions of times, and closures add up.
function wordsMatch(a: NameWord, b: NameWord): 'full' | 'initial' | null {
  if (!a.initial && !b.initial) return sharesAny(a.keys, b.keys, null) ? 'full' : null;
  // А., Е., О., У., Я. and Ia. all fold to the one vowel letter `a`: as an initial it says nothing.
  return sharesAny(a.letters, b.letters, 'a') ? 'initial' : null;
}

function sharesAny(a: readonly string[], b: readonly string[], except: string | null): boolean {
  for (const x of a) {
    if (x === except) continue;
    for (const y of b) if (x === y) return true;
  }
  return false;
}

/**
 * How two names match: `full` when every word of the shorter is a word of the longer and at least
 * two are whole words; `initials` when some are only initials; `single` when the shorter is one
 * word; null when any word of the shorter has no partner. Patronymics count only when both have one
 * (then they must agree).
 */
export function matchNames(a: ParsedName, b: ParsedName): NameMatchKind | null {
  if (a.patronymic && b.patronymic && !wordsMatch(a.patronymic, b.patronymic)) return null;
  const shorter = a.words.length <= b.words.length ? a.words : b.words;
  const longer = shorter === a.words ? b.words : a.words;
  if (shorter.length === 0) return null;
  // Names have a handful of words: the longer name's partners taken so far fit in one number's bits.
  let used = 0;
  let whole = 0;
  // Whole words first, so that an initial cannot take the partner a whole word needs.
  for (let pass = 0; pass < 2; pass++)
    for (const word of shorter) {
      if (word.initial !== (pass === 1)) continue;
      let partner = -1;
      let kind: 'full' | 'initial' | null = null;
      for (let i = 0; i < longer.length && partner < 0; i++) {
        if (used & (1 << i)) continue;
        kind = wordsMatch(word, longer[i]!);
        if (kind) partner = i;
      }
      if (partner < 0) return null;
      used |= 1 << partner;
      if (kind === 'full') whole += 1;
    }
  if (shorter.length === 1) return whole === 1 ? 'single' : null;
  if (whole === 0) return null;
  return whole === shorter.length ? 'full' : 'initials';
}
