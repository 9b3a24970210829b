import { computeStats, vaultStatsSchema } from '../../shared/stats/stats.js';
import { defineCommand } from '../command.js';
import { formatStats } from '../format/stats.js';
import { localDate } from '../format/text.js';
import { withVault } from '../openVault.js';
import { printJson, printLines } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

export const statsCommand = defineCommand({
  name: ['stats'],
  summary: 'anonymous totals (by stage, refuge country, passport status) for partners and donors',
  usage: 'VAULT [--json]',
  help: `Counts cases by stage, refuge country, passport status, risk and need, and arrivals abroad by
month. Only counts: no name, alias, id or place of any person, so the output may go into a report.

  --json                     print the totals as JSON
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        // Parsed against the strict schema: a field added to the totals by mistake cannot slip out.
        const stats = vaultStatsSchema.parse(computeStats(vault.allCases(), { today: localDate(Date.now()) }));
        if (values.json) printJson(stats);
        else printLines(formatStats(stats));
      },
      { readOnly: true },
    );
  },
});
