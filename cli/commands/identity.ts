import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine, printNotice, printRaw } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';
import { isPostQuantumRecipient } from '../../shared/exchange/ageRecipient.js';
import { myKeyCard } from '../../shared/exchange/contacts.js';
import { usageError } from '../../shared/errors.js';

export const identityCommand = defineCommand({
  name: ['identity'],
  summary: "print this vault's key card (or, on request, its secret age identity)",
  usage: 'VAULT [--json] [--reveal-secret]',
  help: `Prints the key card: the display name and public keys that others add with \`crossing contact add\`.
Give it to them in any way; then compare the safety number (shown by \`crossing contact list\`) by voice.

  --json                     print {displayName, fingerprint, signPublicKey, ageRecipient, postQuantum, card}
  --reveal-secret            print the secret age identity (AGE-SECRET-KEY-…) so that the standard \`age\`
                             tool can open an export sent to this vault. Anyone holding it can read every
                             export sent to this vault: never store it beside the vault or the exports.
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' }, 'reveal-secret': { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    if (values['reveal-secret'] && values.json)
      throw usageError('--reveal-secret prints only the secret: leave out --json', 'commandLine');
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        if (values['reveal-secret']) {
          printNotice(
            'WARNING: this is the secret key of this vault. Whoever has it can read every export sent to it.\n' +
              'Do not save it next to the vault or an export; do not send it; clear the screen when done.',
          );
          printLine(vault.revealAgeIdentity());
          return;
        }
        const me = vault.me;
        const card = myKeyCard(vault);
        if (values.json) {
          return printJson({ ...me, postQuantum: isPostQuantumRecipient(me.ageRecipient), card });
        }
        printRaw(card);
      },
      { readOnly: true },
    );
  },
});
