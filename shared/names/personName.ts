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
    else words.push(parsed.word);
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
    const word = { keys: initial ? [...new Set(keys.map((k) => k[0]!))] : keys, initial };
    const patronymic = !initial && keys.some((k) => k.length > 5 && PATRONYMIC_ENDINGS.some((e) => k.endsWith(e)));
    return { word, patronymic };
  }
}

export type NameMatchKind = 'full' | 'initials' | 'single';

function wordsMatch(a: NameWord, b: NameWord): 'full' | 'initial' | null {
  if (!a.initial && !b.initial) return a.keys.some((k) => b.keys.includes(k)) ? 'full' : null;
  const letters = (w: NameWord) => (w.initial ? w.keys : w.keys.map((k) => k[0]!));
  // А., Е., О., У., Я. and Ia. all fold to the one vowel letter `a`: as an initial it says nothing.
  return letters(a).some((l) => l !== 'a' && letters(b).includes(l)) ? 'initial' : null;
}

/**
 * How two names match: `full` when every word of the shorter is a word of the longer and at least
 * two are whole words; `initials` when some are only initials; `single` when the shorter is one
 * word; null when any word of the shorter has no partner. Patronymics count only when both have one
 * (then they must agree).
 */
export function matchNames(a: ParsedName, b: ParsedName): NameMatchKind | null {
  if (a.patronymic && b.patronymic && !wordsMatch(a.patronymic, b.patronymic)) return null;
  const [shorter, longer] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  if (shorter.length === 0) return null;
  const used = new Set<number>();
  let whole = 0;
  // Whole words first, so that an initial cannot take the partner a whole word needs.
  const order = [...shorter].sort((x, y) => Number(x.initial) - Number(y.initial));
  for (const word of order) {
    let partner = -1;
    let kind: 'full' | 'initial' | null = null;
    for (let i = 0; i < longer.length && partner < 0; i++) {
      if (used.has(i)) continue;
      kind = wordsMatch(word, longer[i]!);
      if (kind) partner = i;
    }
    if (partner < 0) return null;
    used.add(partner);
    if (kind === 'full') whole += 1;
  }
  if (shorter.length === 1) return whole === 1 ? 'single' : null;
  if (whole === 0) return null;
  return whole === shorter.length ? 'full' : 'initials';
}
