import { MIN_PASSPHRASE_LENGTH } from '../../shared/model/passphrase';
import { judgePassphrase, type Strength } from '../../shared/model/passphraseStrength';

export { MIN_PASSPHRASE_LENGTH };
export type { Strength };

/**
 * How hard the passphrase is to guess, by the same estimator (zxcvbn-ts) that the vault and the CLI
 * apply: the meter and the refusal can never disagree. `bits` is log2 of the estimated guesses.
 */
export function passphraseStrength(passphrase: string): { score: Strength; bits: number } {
  if (!passphrase) return { score: 0, bits: 0 };
  const verdict = judgePassphrase(passphrase);
  const bits = Math.round(verdict.guessesLog10 * Math.log2(10));
  const score =
    [...passphrase].length < MIN_PASSPHRASE_LENGTH ? (Math.min(verdict.score, 1) as Strength) : verdict.score;
  return { score, bits };
}

export const passphraseAcceptable = (passphrase: string) => judgePassphrase(passphrase).acceptable;
