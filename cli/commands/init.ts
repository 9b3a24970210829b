import { defineCommand } from '../command.js';
import { createVault } from '../createVault.js';
import { KDF_HELP, parseKdfLevel } from '../kdfOption.js';
import { ENV } from '../secrets.js';

export const initCommand = defineCommand({
  name: ['init'],
  summary: 'create a new, empty vault',
  usage:
    'VAULT [--name NAME] [--kdf interactive|moderate|sensitive] [--post-quantum] [--passphrase-file FILE] [--json]',
  help: `Creates an encrypted vault at VAULT (never over an existing file) and prints its recovery key once.
Your name is asked first, unless given with --name or ${ENV.name}; there is no default, so that
colleagues do not all appear alike. The new passphrase is typed twice, or read from --passphrase-file
or ${ENV.passphrase}.

  --name NAME                your name on this vault's key card, as colleagues will see it
${KDF_HELP}
  --post-quantum             seal exports to this vault with a hybrid post-quantum key (age1pq…):
                             a seized file stays closed even to a future quantum computer, but
                             Debian's age 1.1 cannot open such files
  --passphrase-file FILE     read the new passphrase from FILE
  --json                     print {vault, recoveryKey, fingerprint}`,
  options: {
    name: { type: 'string' },
    kdf: { type: 'string' },
    'post-quantum': { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const kdf = parseKdfLevel(values.kdf);
    const { vault } = await createVault(vaultPath!, {
      passphraseFile: values['passphrase-file'],
      kdf,
      displayName: values.name,
      postQuantum: values['post-quantum'],
      json: values.json ?? false,
    });
    vault.lock();
  },
});
