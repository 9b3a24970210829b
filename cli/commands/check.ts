import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine } from '../output.js';
import { progressLine } from '../progress.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

export const checkCommand = defineCommand({
  name: ['check'],
  summary: 'verify that every object in the vault decrypts and authenticates',
  usage: 'VAULT [--json]',
  help: `Runs SQLite's integrity check, then decrypts and authenticates every stored row and validates
every op, then compares the rows with the vault's sealed manifest: a row removed, added or put back
in an older version is named. Exits with 3 if anything was altered or damaged. Prints the change
number: it rises with every change, so a copy of the vault with a lower number than one you noted
(in a backup, say) is an older copy put back, which nothing inside the file can reveal. Notes
evidence content held for a file no case lists (a removal received before such content was taken
out with it): it goes when its case is purged.

  --json                     print the counts as JSON
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        const progress = progressLine('checking', 'segments');
        let counts;
        try {
          counts = vault.check(progress.update);
        } finally {
          progress.finish();
        }
        if (values.json) return printJson({ ok: true, ...counts });
        printLine(
          `ok: ${counts.segments} segments, ${counts.records} records, ${counts.files} files, ${counts.ops} ops, ${counts.cases} cases authenticated`,
        );
        if (counts.unlistedFiles > 0) {
          printLine(
            `note: ${counts.unlistedFiles} file(s) whose content is held here are listed in no case (removed elsewhere); ` +
              'their content goes when their case is purged',
          );
        }
        if (counts.counter !== null) {
          printLine(`every row is there in its last version; change number ${counts.counter}`);
        }
      },
      { readOnly: true },
    );
  },
});
