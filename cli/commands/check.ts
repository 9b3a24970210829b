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
every op. Exits with 3 and names the first bad row if anything was altered or damaged.

  --json                     print the counts as JSON
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    await withVault(vaultPath!, values, (vault) => {
      const progress = progressLine('checking', 'segments');
      let counts;
      try {
        counts = vault.check(progress.update);
      } finally {
        progress.finish();
      }
      if (values.json) return printJson({ ok: true, ...counts });
      printLine(
        `ok: ${counts.segments} segments, ${counts.records} records, ${counts.ops} ops, ${counts.cases} cases authenticated`,
      );
    });
  },
});
