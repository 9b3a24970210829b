import fs from 'node:fs';
import { CrossingError, authError, rejectedError, usageError } from '../shared/errors.js';
import { printNotice } from './output.js';
import { Vault, type Unlock } from '../shared/vault/vault.js';
import { progressLine } from './progress.js';
import { readUnlock } from './secrets.js';

export type UnlockValues = { 'passphrase-file'?: string; 'recovery-key-file'?: string; 'recovery-share'?: string[] };

/**
 * `readOnly` for commands that only read (list, show, stats, check, identity): they run beside the
 * desktop app or another command holding the vault, on a consistent snapshot. Every other command
 * is a writer and takes the vault's writer lock; a second writer is refused, naming the holder.
 */
export interface OpenOptions {
  readOnly?: boolean;
  /** Open a vault found altered, for reading only (backup --rescue). */
  rescue?: boolean;
  /** The unlock, when the command has read it itself (it needs the passphrase again). */
  unlock?: Unlock;
}

/** Asks for the passphrase (or recovery key) only once the vault file is known to exist. */
export async function openVault(vaultPath: string, values: UnlockValues, options: OpenOptions = {}): Promise<Vault> {
  if (!fs.existsSync(vaultPath)) throw usageError(`there is no vault at ${vaultPath}`, 'noVaultHere');
  // SQLite takes an empty file for an empty database; a person needs to hear what it really is.
  if (fs.statSync(vaultPath).size === 0)
    throw authError(`${vaultPath} is not a Crossing vault: the file is empty`, 'notAVault');
  const unlock = options.unlock ?? (await readUnlock(values));
  const progress = progressLine('opening', 'segments');
  try {
    const vault = await Vault.open(vaultPath, unlock, {
      onProgress: progress.update,
      readOnly: options.readOnly ?? false,
      rescue: options.rescue ?? false,
    });
    if (vault.tampering) printNotice(`crossing: ${vault.tampering}; opened for reading only, to rescue its cases`);
    return vault;
  } catch (error) {
    if (error instanceof CrossingError && error.code === 'rejected' && /was altered: /.test(error.message)) {
      throw rejectedError(
        `${error.message}. Its cases can still be rescued: crossing backup ${vaultPath} --out FILE --rescue`,
        'vaultAltered',
      );
    }
    throw error;
  } finally {
    progress.finish();
  }
}

/** Opens the vault, runs the work, and locks it again whatever happens: keys never outlive the command. */
export async function withVault<T>(
  vaultPath: string,
  values: UnlockValues,
  work: (vault: Vault) => T | Promise<T>,
  options: OpenOptions = {},
) {
  const vault = await openVault(vaultPath, values, options);
  try {
    return await work(vault);
  } finally {
    vault.lock();
  }
}
