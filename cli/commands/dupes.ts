import { describeReason } from '../../shared/dupes/score.js';
import { dismissDuplicate, DUPLICATES_SHOWN, scanDuplicates } from '../../shared/dupes/vaultDuplicates.js';
import { mergeCases } from '../../shared/vault/merge.js';
import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine, printLines, printNotice } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

export const dupesCommand = defineCommand({
  name: ['dupes'],
  summary: 'list pairs of cases that may be the same person, with the reasons',
  usage: 'VAULT [--json] [--all]',
  help: `Compares every case's names (in any script and transliteration, in any word order, with or
without patronymic), other names, birth year, contacts (a phone number however it is written) and
document numbers. Pairs marked "not the same person" (crossing dupes dismiss) are left out.
Merge a pair with crossing case merge. The 500 likeliest pairs are listed, best first; merging or
dismissing them brings the next into view.

  --json                     print the pairs as a JSON array, reasons as codes with parameters
  --all                      list every pair, however many
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' }, all: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const { pairs, total } = await withVault(vaultPath!, values, (vault) =>
      scanDuplicates(vault, values.all ? Infinity : DUPLICATES_SHOWN),
    );
    const more = total - pairs.length;
    if (more > 0) printNotice(`${more} more pair(s) beyond these ${pairs.length}: --all lists every one`);
    if (values.json) return printJson(pairs);
    if (pairs.length === 0) return printLine('no possible duplicates');
    printLines(
      pairs.flatMap((p) => [
        `${p.score}  ${p.a}  ${p.aliasA}`,
        `    ${p.b}  ${p.aliasB}`,
        `    ${p.reasons.map(describeReason).join('; ')}`,
      ]),
    );
  },
});

export const dupesDismissCommand = defineCommand({
  name: ['dupes', 'dismiss'],
  summary: 'remember that two cases are not the same person: never suggested again',
  usage: 'VAULT CASE CASE',
  help: `Keeps the answer sealed in the vault. CASE may be the first 4 or more characters of a case id.

${UNLOCK_HELP}`,
  options: { ...unlockOptions },
  positionals: ['VAULT', 'CASE', 'CASE'],
  async run(values, [vaultPath, first, second]) {
    await withVault(vaultPath!, values, (vault) =>
      dismissDuplicate(vault, vault.resolveCaseId(first!), vault.resolveCaseId(second!)),
    );
  },
});

export const caseMergeCommand = defineCommand({
  name: ['case', 'merge'],
  summary: 'merge two cases that are one person; the second id then answers as the first',
  usage: 'VAULT KEEP-ID ABSORB-ID',
  help: `Makes one case of two: both histories, tasks, notes, contacts and files are kept; the kept
case's values win, and every name the absorbed case went by joins its other names. The merge is a
change like any other: it travels in exports, and it can be undone. Prints the kept case's id.
Ids may be the first 4 or more characters.

${UNLOCK_HELP}`,
  options: { ...unlockOptions },
  positionals: ['VAULT', 'KEEP-ID', 'ABSORB-ID'],
  async run(values, [vaultPath, keep, absorb]) {
    const merged = await withVault(vaultPath!, values, (vault) =>
      mergeCases(vault, vault.resolveCaseId(keep!), vault.resolveCaseId(absorb!)),
    );
    printLine(merged.id);
  },
});

export const dupesCommands = [dupesCommand, dupesDismissCommand, caseMergeCommand];
