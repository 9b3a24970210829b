import { readFileBounded } from '../shared/files/boundedRead.js';
import { rejectedError, usageError } from '../shared/errors.js';
import { checkNewPassphrase, type Unlock } from '../shared/vault/vault.js';
import { promptHidden } from './prompt.js';

/**
 * Where passphrases and recovery keys come from: a file, an environment variable, or the
 * terminal, in that order. They are never printed and never taken as a command-line argument
 * (other users of the machine can read those). A new vault's name is no secret: --name, the
 * variable, or the terminal.
 */
export const ENV = {
  passphrase: 'CROSSING_PASSPHRASE',
  name: 'CROSSING_NAME',
  recoveryKey: 'CROSSING_RECOVERY_KEY',
  newPassphrase: 'CROSSING_NEW_PASSPHRASE',
} as const;

export const unlockOptions = {
  'passphrase-file': { type: 'string' },
  'recovery-key-file': { type: 'string' },
  'recovery-share': { type: 'string', multiple: true },
} as const;

export const UNLOCK_HELP = `  --passphrase-file FILE     read the passphrase from FILE (or set ${ENV.passphrase}; else you are asked)
  --recovery-key-file FILE   unlock with the recovery key in FILE instead (or set ${ENV.recoveryKey})
  --recovery-share FILE      unlock with recovery shares instead, one file each (as many as the set needs)`;

/** Far above any passphrase, recovery key or age identity (a post-quantum one is ~2 KiB). */
export const MAX_SECRET_FILE_BYTES = 64 * 1024;

/** A secret file's content, less one trailing newline (editors add one; the rest is the secret). */
export function readSecretFile(file: string, what: string): string {
  let read;
  try {
    read = readFileBounded(file, MAX_SECRET_FILE_BYTES);
  } catch (error) {
    throw usageError(
      `cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'cannotRead',
    );
  }
  if (!read.ok) {
    throw rejectedError(
      `the ${what} file ${file} is over 64 KiB: it cannot be a ${what}; give the file that holds only it`,
      'inputTooLarge',
    );
  }
  const text = read.bytes.toString('utf8');
  read.bytes.fill(0);
  return text.replace(/\r?\n$/, '');
}

/** Reads an environment variable once and removes it, so no child process ever inherits it. */
function takeEnv(name: string): string | undefined {
  const value = process.env[name];
  delete process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export async function readUnlock(values: {
  'passphrase-file'?: string;
  'recovery-key-file'?: string;
  'recovery-share'?: string[];
}): Promise<Unlock> {
  const passphraseFile = values['passphrase-file'];
  const recoveryFile = values['recovery-key-file'];
  const shareFiles = values['recovery-share'] ?? [];
  if ([passphraseFile !== undefined, recoveryFile !== undefined, shareFiles.length > 0].filter(Boolean).length > 1) {
    throw usageError('give only one of --passphrase-file, --recovery-key-file or --recovery-share', 'commandLine');
  }
  if (shareFiles.length > 0) return { recoveryShares: shareFiles.map((f) => readSecretFile(f, 'recovery share')) };
  const envPassphrase = takeEnv(ENV.passphrase);
  const envRecovery = takeEnv(ENV.recoveryKey);
  if (passphraseFile !== undefined) return { passphrase: readSecretFile(passphraseFile, 'passphrase') };
  if (recoveryFile !== undefined) return { recoveryKey: readSecretFile(recoveryFile, 'recovery key') };
  if (envPassphrase !== undefined) return { passphrase: envPassphrase };
  if (envRecovery !== undefined) return { recoveryKey: envRecovery };
  return { passphrase: await promptHidden('Passphrase: ') };
}

/**
 * A passphrase being chosen: from a file or a variable as given, or typed twice on the terminal
 * (a typo in a new passphrase would lock the person out).
 */
export async function readNewPassphrase(file: string | undefined, envName: string): Promise<string> {
  const fromEnv = takeEnv(envName);
  let passphrase: string;
  if (file !== undefined) passphrase = readSecretFile(file, 'passphrase');
  else if (fromEnv !== undefined) passphrase = fromEnv;
  else {
    const hint = `there is no terminal to ask for the new passphrase: give it with a file option or the ${envName} variable`;
    passphrase = await promptHidden('New passphrase: ', hint);
    checkNewPassphrase(passphrase);
    if ((await promptHidden('Repeat the new passphrase: ', hint)) !== passphrase) {
      throw usageError('the two passphrases differ: nothing was changed', 'passphrasesDiffer');
    }
  }
  checkNewPassphrase(passphrase);
  return passphrase;
}
