import { type UtilityProcess } from 'electron';
import { type VaultChild } from './vaultHost.js';
import { type FromVault } from './vaultMessages.js';

/** A utilityProcess seen through the small interface the vault host needs (and tests fake). */
export const asVaultChild = (child: UtilityProcess): VaultChild => ({
  postMessage: (message) => child.postMessage(message),
  onMessage: (listener) => void child.on('message', (message: FromVault) => listener(message)),
  onExit: (listener) => void child.on('exit', () => listener()),
  kill: () => void child.kill(),
});
