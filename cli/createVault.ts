import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../shared/errors.js';
import type { KdfLevel } from '../shared/crypto/kdf.js';
import { displayNameSchema } from '../shared/identity/identity.js';
import { Vault } from '../shared/vault/vault.js';
import { isInterruptedCreation } from '../shared/vault/vaultFiles.js';
import { printJson, printLines } from './output.js';
import { promptVisible } from './prompt.js';
import { ENV, readNewPassphrase } from './secrets.js';

/** Creates a vault (for `init`, and `demo` on a new path); the caller locks it. */
export async function createVault(
  vaultPath: string,
  options: {
    passphraseFile: string | undefined;
    kdf: KdfLevel | undefined;
    /** From --name; else CROSSING_NAME, else asked on the terminal. */
    displayName: string | undefined;
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
  const displayName = await readDisplayName(options.displayName);
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

const NAME_QUESTION = 'Your name, as colleagues will see it on your key card: ';
const NO_NAME_HINT = `name the person this vault belongs to with --name NAME (or ${ENV.name}): colleagues see it on your key card`;
const NAME_TRIES = 3;

/**
 * The name on the new vault's key card: from --name, the variable, or asked on the terminal (an
 * answer that is no name is asked again). Never a default: colleagues would all appear alike.
 */
async function readDisplayName(fromOption: string | undefined): Promise<string> {
  if (fromOption !== undefined) return checkedName(fromOption, '--name');
  const fromEnv = process.env[ENV.name];
  if (fromEnv !== undefined && fromEnv !== '') return checkedName(fromEnv, ENV.name);
  let problem = '';
  for (let tries = 1; ; tries++) {
    const parsed = displayNameSchema.safeParse(await promptVisible(`${problem}${NAME_QUESTION}`, NO_NAME_HINT));
    if (parsed.success) return parsed.data;
    problem = `The name ${parsed.error.issues[0]!.message}.\n`;
    if (tries === NAME_TRIES)
      throw usageError(
        `the name ${parsed.error.issues[0]!.message} (asked ${NAME_TRIES} times): nothing was created`,
        'invalidData',
      );
  }
}

function checkedName(name: string, source: string): string {
  const parsed = displayNameSchema.safeParse(name);
  if (!parsed.success) throw usageError(`${source} ${parsed.error.issues[0]!.message}`, 'invalidData');
  return parsed.data;
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
