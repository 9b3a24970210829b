import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { MIN_PASSPHRASE_LENGTH } from './passphrase.js';

/**
 * Passphrase strength: zxcvbn-ts (a maintained TypeScript port of Dropbox's zxcvbn), which guesses
 * the way crackers do — common passwords, names, words, keyboard walks, repeats, dates, l33t — not
 * by counting character classes. One rule for the CLI, the vault and the UI.
 *
 * zxcvbn-ts has no Russian dictionary package; the words below are the Russian (Cyrillic and
 * Latin-typed) passwords and words most often found in leaked password lists, and words of this
 * network's own world that a person is likely to reach for. Twelve spaces, "пароль пароль" or
 * "qwertyuiop12" are refused; four unrelated words are not.
 */
const RUSSIAN_WORDS = [
  'пароль',
  'привет',
  'любовь',
  'солнышко',
  'наташа',
  'максим',
  'андрей',
  'дмитрий',
  'александр',
  'сергей',
  'ирина',
  'марина',
  'светлана',
  'олег',
  'мама',
  'папа',
  'котик',
  'зайка',
  'родина',
  'россия',
  'москва',
  'грозный',
  'чечня',
  'кавказ',
  'свобода',
  'надежда',
  'вера',
  'спасибо',
  'секрет',
  'ключ',
  'йцукен',
  'фыва',
  'ячсмит',
  'qwerty',
  'parol',
  'privet',
  'lubov',
  'solnyshko',
  'natasha',
  'maksim',
  'moskva',
  'rossiya',
  'grozny',
  'chechnya',
  'svoboda',
  'nadezhda',
  'spasibo',
  'crossing',
  'kreuzung',
  'evacuation',
  'эвакуация',
  'убежище',
  'беженец',
  'паспорт',
  'pasport',
  'ахмед',
  'ахмад',
  'ислам',
  'рамзан',
  'зелимхан',
  'луиза',
  'akhmed',
  'ahmed',
  'islam',
  'ramzan',
  'zelimkhan',
  'luiza',
];

// Built on first use: ranking the dictionaries takes ~0.3 s, which every command and every start
// of the app paid before, though only choosing a passphrase needs it.
let zxcvbn: ZxcvbnFactory | null = null;
const checker = () =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ru: RUSSIAN_WORDS },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

export type Strength = 0 | 1 | 2 | 3 | 4;
/**
 * zxcvbn's score 4: at least 10^10 estimated guesses ("very unguessable: strong protection from
 * offline slow-hash scenario"). Argon2id makes each guess slow, but a seized vault file can be
 * attacked offline for as long as the attacker likes; score 3 (10^8) lets "пароль пароль" through.
 */
export const MIN_PASSPHRASE_SCORE: Strength = 4;

export interface PassphraseVerdict {
  score: Strength;
  /** log10 of the estimated guesses. */
  guessesLog10: number;
  acceptable: boolean;
  /** Why it is refused, in words (English; the UI shows its own translations of the score). */
  problem: string | null;
}

export function judgePassphrase(passphrase: string): PassphraseVerdict {
  const normalized = passphrase.normalize('NFC');
  // zxcvbn's cost grows with length; past 100 characters, a passphrase is long enough anyway.
  const result = checker().check(normalized.slice(0, 100));
  const score = result.score as Strength;
  const tooShort = [...normalized].length < MIN_PASSPHRASE_LENGTH;
  const acceptable = !tooShort && score >= MIN_PASSPHRASE_SCORE;
  const problem = tooShort
    ? `the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long`
    : acceptable
      ? null
      : `the passphrase is too easy to guess${result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '').toLowerCase()})` : ''}: use four or more words that do not belong together`;
  return { score, guessesLog10: result.guessesLog10, acceptable, problem };
}
