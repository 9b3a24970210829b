import { usageError } from '../shared/errors.js';
import { KDF_LEVELS, type KdfLevel } from '../shared/crypto/kdf.js';

export const KDF_HELP = `  --kdf LEVEL                how hard the passphrase is to guess by brute force: interactive, moderate
                             (the default, about a second to unlock) or sensitive (1 GiB of memory)`;

export function parseKdfLevel(value: string | undefined): KdfLevel | undefined {
  if (value === undefined) return undefined;
  if (!(KDF_LEVELS as readonly string[]).includes(value)) {
    throw usageError(`--kdf must be one of ${KDF_LEVELS.join(', ')}`, 'commandLine');
  }
  return value as KdfLevel;
}
