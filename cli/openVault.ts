import fs from 'node:fs';
import { authError, usageError } from '../shared/errors.js';
import { Vault } from '../shared/vault/vault.js';
import { progressLine } from './progress.js';
import { readUnlock } from './secrets.js';

export type UnlockValues = { 'passphrase-file'?: string; 'recovery-key-file'?: string };

/** Asks for the passphrase (or recovery key) only once the vault file is known to exist. */
export async function openVault(vaultPath: string, values: UnlockValues): Promise<Vault> {
  if (!fs.existsSync(vaultPath)) throw usageError(`there is no vault at ${vaultPath}`);
  // SQLite takes an empty file for an empty database; a person needs to hear what it really is.
  if (fs.statSync(vaultPath).size === 0) throw authError(`${vaultPath} is not a Crossing vault: the file is empty`);
  const unlock = await readUnlock(values);
  const progress = progressLine('opening', 'segments');
  try {
    return await Vault.open(vaultPath, unlock, { onProgress: progress.update });
  } finally {
    progress.finish();
  }
}

/** Opens the vault, runs the work, and locks it again whatever happens: keys never outlive the command. */
export async function withVault<T>(vaultPath: string, values: UnlockValues, work: (vault: Vault) => T | Promise<T>) {
  const vault = await openVault(vaultPath, values);
  try {
    return await work(vault);
  } finally {
    vault.lock();
  }
}
