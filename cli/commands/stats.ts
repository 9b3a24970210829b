import { SUPPRESS_BELOW, SUPPRESSION_NOTE, publishStats } from '../../shared/stats/disclosure.js';
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
  usage: 'VAULT [--json] [--exact]',
  help: `Counts cases by stage, refuge country, passport status, risk and need, and arrivals abroad by
month. Only counts: no name, alias, id or place of any person, so the output may go into a report.
Counts from 1 to 4 are printed as <5: a small count can point at a person.

  --json                     print the totals as JSON
  --exact                    print exact small counts too, for your own use only: not for a report
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' }, exact: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        // Parsed against the strict schema: a field added to the totals by mistake cannot slip out.
        const stats = vaultStatsSchema.parse(computeStats(vault.allCases(), { today: localDate(Date.now()) }));
        const shown = values.exact ? stats : publishStats(stats);
        if (values.json)
          printJson(values.exact ? stats : { suppressedBelow: SUPPRESS_BELOW, note: SUPPRESSION_NOTE, ...shown });
        else printLines([...formatStats(shown), ...(values.exact ? [] : ['', SUPPRESSION_NOTE])]);
      },
      { readOnly: true },
    );
  },
});
