import { computeStats, type VaultStats } from '../../stats/stats.js';
import type { Vault } from '../../vault/vault.js';
import { writeFileAtomically } from '../../files/atomicWrite.js';
import { statsReport } from '../statsReport.js';
import type { Handlers } from '../types.js';

/** The dashboard's counts, and the same counts saved as an anonymous report. */
export const statsHandlers: Handlers<'getStats' | 'saveReport'> = {
  getStats: (ctx, args) => statsOf(ctx.session.requireVault(), args.today),

  saveReport: async (ctx, args) => {
    const report = statsReport(statsOf(ctx.session.requireVault(), args.today), args.today, args.format, args.labels);
    const chosen = await ctx.dialogs.saveFile(`crossing-report-${args.today}.${args.format}`, 'report');
    if (chosen === null) return { savedAs: null };
    writeFileAtomically(chosen, report, { replace: true });
    return { savedAs: chosen };
  },
};

function statsOf(vault: Vault, today: string): VaultStats {
  return computeStats(vault.allCases(), { today });
}
