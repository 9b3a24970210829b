import { MIN_PASSPHRASE_LENGTH } from '../../shared/model/passphrase';

export { MIN_PASSPHRASE_LENGTH };

export type Strength = 0 | 1 | 2 | 3 | 4;

/**
 * A rough strength estimate (bits from length and character variety, minus repetition). It does not
 * pretend to be precise: it steers a person away from short or repetitive passphrases.
 */
export function passphraseStrength(passphrase: string): { score: Strength; bits: number } {
  if (!passphrase) return { score: 0, bits: 0 };
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[а-яё]/.test(passphrase)) pool += 33;
  if (/[А-ЯЁ]/.test(passphrase)) pool += 33;
  if (/[^a-zA-Z0-9а-яёА-ЯЁ]/.test(passphrase)) pool += 20;
  const unique = new Set(passphrase).size;
  const effectiveLength = Math.min(passphrase.length, unique * 2.5);
  const bits = Math.round(effectiveLength * Math.log2(Math.max(pool, 2)));
  const score: Strength = bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  return { score: passphrase.length < MIN_PASSPHRASE_LENGTH ? (Math.min(score, 1) as Strength) : score, bits };
}

export const passphraseAcceptable = (passphrase: string) =>
  passphrase.length >= MIN_PASSPHRASE_LENGTH && passphraseStrength(passphrase).score >= 2;
