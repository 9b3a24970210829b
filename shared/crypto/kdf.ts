import { KDF_LEVELS, type KdfLevel } from './kdfLevels.js';
import { sodium } from './sodium.js';

export { KDF_LEVELS, DEFAULT_KDF_LEVEL, type KdfLevel } from './kdfLevels.js';

/** The level and its exact limits are stored in the vault header. */

export interface KdfParams {
  level: KdfLevel;
  opsLimit: number;
  memLimit: number;
}

export function kdfParamsFor(level: KdfLevel): KdfParams {
  const s = sodium();
  switch (level) {
    case 'interactive':
      return { level, opsLimit: s.crypto_pwhash_OPSLIMIT_INTERACTIVE, memLimit: s.crypto_pwhash_MEMLIMIT_INTERACTIVE };
    case 'moderate':
      return { level, opsLimit: s.crypto_pwhash_OPSLIMIT_MODERATE, memLimit: s.crypto_pwhash_MEMLIMIT_MODERATE };
    case 'sensitive':
      return { level, opsLimit: s.crypto_pwhash_OPSLIMIT_SENSITIVE, memLimit: s.crypto_pwhash_MEMLIMIT_SENSITIVE };
  }
}

/**
 * Only the three known parameter sets are accepted from a header, before any key is derived: a
 * tampered header could otherwise ask for 64 GiB of memory, or weaken the KDF to nothing.
 */
export function isKnownKdf(params: KdfParams): boolean {
  if (!KDF_LEVELS.includes(params.level)) return false;
  const expected = kdfParamsFor(params.level);
  return expected.opsLimit === params.opsLimit && expected.memLimit === params.memLimit;
}

export const SALT_BYTES = 16;

/** Passphrases are NFC-normalised so that one passphrase typed on two keyboards gives one key. */
export function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

export function deriveKek(passphrase: string, salt: Uint8Array, params: KdfParams): Uint8Array {
  const s = sodium();
  const secret = passphraseBytes(passphrase);
  try {
    return s.crypto_pwhash(32, secret, salt, params.opsLimit, params.memLimit, s.crypto_pwhash_ALG_ARGON2ID13);
  } finally {
    s.memzero(secret);
  }
}
