import { defineCommand } from '../command.js';
import { createVault, printRecoveryKey } from '../createVault.js';
import { KDF_HELP, parseKdfLevel } from '../kdfOption.js';
import { ENV } from '../secrets.js';

export const initCommand = defineCommand({
  name: ['init'],
  summary: 'create a new, empty vault',
  usage: 'VAULT [--kdf interactive|moderate|sensitive] [--passphrase-file FILE] [--json]',
  help: `Creates an encrypted vault at VAULT (never over an existing file) and prints its recovery key once.
The new passphrase is typed twice, or read from --passphrase-file or ${ENV.passphrase}.

${KDF_HELP}
  --passphrase-file FILE     read the new passphrase from FILE
  --json                     print {vault, recoveryKey, fingerprint}`,
  options: {
    kdf: { type: 'string' },
    'passphrase-file': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const kdf = parseKdfLevel(values.kdf);
    const { vault, recoveryKey } = await createVault(vaultPath!, { passphraseFile: values['passphrase-file'], kdf });
    try {
      printRecoveryKey(vaultPath!, vault, recoveryKey, values.json ?? false);
    } finally {
      vault.lock();
    }
  },
});
