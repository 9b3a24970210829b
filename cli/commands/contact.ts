import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine, printLines } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';
import {
  addContact,
  contactSafetyNumber,
  findContact,
  listContacts,
  removeContact,
  renameContact,
  verifyContact,
} from '../../shared/exchange/contacts.js';
import { readKeyCardFile } from '../../shared/exchange/keyCardFile.js';

const readCard = (file: string) => readKeyCardFile(file === '-' ? 0 : file, file);

const addCommand = defineCommand({
  name: ['contact', 'add'],
  summary: "add a person's key card as a contact",
  usage: 'VAULT CARDFILE|- [--verified] [--name NAME] [--json]',
  help: `Adds the key card in CARDFILE (or on stdin with -). The contact stays unverified until you compare
the safety number shown here with them, by voice, and mark it verified. A card that gives a known
contact different keys is refused (exit 3) unless you re-verify now with --verified.

  --verified                 you have compared the safety number: mark the contact verified
  --name NAME                the name to know them by here (default: the name on their card)
  --json                     print {contact, outcome, safetyNumber}
${UNLOCK_HELP}`,
  options: { ...unlockOptions, verified: { type: 'boolean' }, name: { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['VAULT', 'CARDFILE'],
  async run(values, [vaultPath, cardFile]) {
    const card = readCard(cardFile!);
    await withVault(vaultPath!, values, (vault) => {
      const result = addContact(vault, card, { verified: values.verified ?? false, name: values.name });
      if (values.json) return printJson(result);
      const { contact } = result;
      printLines([
        `${result.outcome}: ${contact.name} (${contact.fingerprint}), ${contact.verified ? 'verified' : 'NOT verified'}`,
        'safety number:',
        result.safetyNumber,
      ]);
      if (!contact.verified) {
        printLine(
          `compare it with ${contact.name} by voice, then: crossing contact verify ${vaultPath} '${contact.name}'`,
        );
      }
    });
  },
});

const listCommand = defineCommand({
  name: ['contact', 'list'],
  summary: 'list contacts, with their safety numbers and whether they are verified',
  usage: 'VAULT [--json]',
  help: `Lists every contact: name, fingerprint, verified or not, and the safety number to compare.

  --json                     print a JSON list
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        const contacts = listContacts(vault).map((c) => ({ ...c, safetyNumber: contactSafetyNumber(vault, c) }));
        if (values.json) return printJson(contacts);
        if (contacts.length === 0) return printLine('no contacts yet: add a key card with `crossing contact add`');
        for (const c of contacts) {
          printLines([
            `${c.name}  ${c.fingerprint}  ${c.verified ? `verified ${c.verifiedAt}` : 'UNVERIFIED'}`,
            ...c.safetyNumber.split('\n').map((line) => `    ${line}`),
          ]);
        }
      },
      { readOnly: true },
    );
  },
});

const verifyCommand = defineCommand({
  name: ['contact', 'verify'],
  summary: 'mark a contact verified after comparing the safety number',
  usage: 'VAULT NAME [--json]',
  help: `Marks the contact NAME (or fingerprint) verified. Do this only after you and they have read the
same safety number to each other (crossing contact list shows it).

  --json                     print the contact
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT', 'NAME'],
  async run(values, [vaultPath, name]) {
    await withVault(vaultPath!, values, (vault) => {
      const contact = verifyContact(vault, name!);
      if (values.json) return printJson(contact);
      printLine(`verified: ${contact.name} (${contact.fingerprint})`);
    });
  },
});

const renameCommand = defineCommand({
  name: ['contact', 'rename'],
  summary: 'rename a contact (here only: their key card keeps its own name)',
  usage: 'VAULT NAME NEW-NAME [--json]',
  help: `Renames the contact NAME (or fingerprint) to NEW-NAME in this vault. Exports to them are then
addressed with --to NEW-NAME. Two contacts cannot share a name.

  --json                     print the contact
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT', 'NAME', 'NEW-NAME'],
  async run(values, [vaultPath, name, newName]) {
    await withVault(vaultPath!, values, (vault) => {
      const before = findContact(vault, name!).name;
      const contact = renameContact(vault, name!, newName!);
      if (values.json) return printJson(contact);
      printLine(`renamed: ${before} is now ${contact.name} (${contact.fingerprint})`);
    });
  },
});

const removeCommand = defineCommand({
  name: ['contact', 'remove'],
  summary: 'remove a contact: nothing more is sent to them or taken from them',
  usage: 'VAULT NAME [--json]',
  help: `Removes the contact NAME (or fingerprint). Nothing can be exported to them any more, and files from
them are refused as from an unknown sender until their key card is added (and verified) again. Cases
assigned to them stay assigned (shown by fingerprint): reassign them with crossing case update.

  --json                     print {contact, assignedCases}
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT', 'NAME'],
  async run(values, [vaultPath, name]) {
    await withVault(vaultPath!, values, (vault) => {
      const removed = removeContact(vault, name!);
      if (values.json) return printJson(removed);
      printLine(`removed: ${removed.contact.name} (${removed.contact.fingerprint})`);
      if (removed.assignedCases > 0) {
        printLine(
          `${removed.assignedCases} case(s) are still assigned to them: reassign them (crossing case list ${vaultPath} --json shows assignedTo)`,
        );
      }
    });
  },
});

export const contactCommands = [addCommand, listCommand, verifyCommand, renameCommand, removeCommand];
