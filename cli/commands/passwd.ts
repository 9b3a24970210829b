import { defineCommand } from '../command.js';
import { KDF_HELP, parseKdfLevel } from '../kdfOption.js';
import { withVault } from '../openVault.js';
import { printLine } from '../output.js';
import { ENV, UNLOCK_HELP, readNewPassphrase, unlockOptions } from '../secrets.js';

export const passwdCommand = defineCommand({
  name: ['passwd'],
  summary: 'change the passphrase (or unlock with the recovery key and set a new one)',
  usage:
    'VAULT [--new-passphrase-file FILE] [--kdf LEVEL] [--passphrase-file FILE | --recovery-key-file FILE | --recovery-share FILE...]',
  help: `Changes the passphrase. Only the wrapped vault key is rewritten; the recovery key stays valid.
The new passphrase is typed twice, or read from --new-passphrase-file or ${ENV.newPassphrase}.
A lost passphrase: unlock with --recovery-key-file (or ${ENV.recoveryKey}), or with enough
--recovery-share files (crossing recovery split), and set a new one. A duress passphrase is
cleared by a new passphrase (it was bound to the old one): set it again with crossing duress set.

  --new-passphrase-file FILE read the new passphrase from FILE
${KDF_HELP}
${UNLOCK_HELP}`,
  options: { ...unlockOptions, 'new-passphrase-file': { type: 'string' }, kdf: { type: 'string' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const kdf = parseKdfLevel(values.kdf);
    await withVault(vaultPath!, values, async (vault) => {
      const passphrase = await readNewPassphrase(values['new-passphrase-file'], ENV.newPassphrase);
      const hadDuress = vault.seizureSettings().duressPassphraseSet;
      vault.changePassphrase(passphrase, kdf);
      printLine(`the passphrase of ${vaultPath} is changed (key derivation: ${vault.kdf.level})`);
      if (hadDuress)
        printLine('the duress passphrase was cleared with the old passphrase: set it again (crossing duress set)');
    });
  },
});
