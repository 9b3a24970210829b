import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../shared/errors.js';
import type { KdfLevel } from '../shared/crypto/kdf.js';
import { displayNameSchema } from '../shared/identity/identity.js';
import { Vault } from '../shared/vault/vault.js';
import { isInterruptedCreation } from '../shared/vault/vaultFiles.js';
import { printJson, printLines } from './output.js';
import { ENV, readNewPassphrase } from './secrets.js';

/** Creates a vault (for `init`, and `demo` on a new path); the caller locks it. */
export async function createVault(
  vaultPath: string,
  options: {
    passphraseFile: string | undefined;
    kdf: KdfLevel | undefined;
    displayName?: string | undefined;
    postQuantum?: boolean | undefined;
    /** Print the recovery key as {vault, recoveryKey, fingerprint}. */
    json?: boolean | undefined;
  },
): Promise<{ vault: Vault; recoveryKey: string }> {
  // Refused before the passphrase is asked, so nobody types it twice for nothing. What a killed
  // init left is no vault: the create clears it and makes the vault again.
  if (fs.existsSync(vaultPath) && !isInterruptedCreation(path.resolve(vaultPath)))
    throw usageError(`${vaultPath} already exists: Crossing never overwrites a file`, 'fileExists', {
      name: vaultPath,
    });
  let displayName: string | undefined;
  if (options.displayName !== undefined) {
    const parsed = displayNameSchema.safeParse(options.displayName);
    if (!parsed.success) throw usageError(`--name ${parsed.error.issues[0]!.message}`, 'invalidData');
    displayName = parsed.data;
  }
  const passphrase = await readNewPassphrase(options.passphraseFile, ENV.passphrase);
  return Vault.create(vaultPath, {
    passphrase,
    kdf: options.kdf ?? 'moderate',
    displayName,
    postQuantum: options.postQuantum ?? false,
    // Printed before the vault is put in place: if stdout fails, no vault without its key is left.
    showRecoveryKey: ({ recoveryKey, fingerprint }) =>
      printRecoveryKey(vaultPath, fingerprint, recoveryKey, options.json ?? false),
  });
}

/** The recovery key is shown here and never again. */
function printRecoveryKey(vaultPath: string, fingerprint: string, recoveryKey: string, json: boolean): void {
  if (json) {
    printJson({ vault: vaultPath, recoveryKey, fingerprint });
    return;
  }
  printLines([
    `Created the vault ${vaultPath}`,
    '',
    'Recovery key (shown only this once):',
    '',
    `    ${recoveryKey}`,
    '',
    'Write it down on paper and keep it apart from this laptop. It opens the vault if the passphrase',
    'is lost, and it opens it for anyone who finds it.',
    '',
    `Your key fingerprint: ${fingerprint}`,
  ]);
}
