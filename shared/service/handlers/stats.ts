import { computeStats, type VaultStats } from '../../stats/stats.js';
import type { Vault } from '../../vault/vault.js';
import { writeFileAtomically } from '../../files/atomicWrite.js';
import { statsReport } from '../statsReport.js';
import type { Handlers, ServiceContext } from '../types.js';

/** The dashboard's counts, and the same counts saved as an anonymous report. */
export const statsHandlers: Handlers<'getStats' | 'saveReport'> = {
  getStats: (ctx, args) => statsOf(ctx, ctx.session.requireVault(), args.today),

  saveReport: async (ctx, args) => {
    const report = statsReport(
      statsOf(ctx, ctx.session.requireVault(), args.today),
      args.today,
      args.format,
      args.labels,
    );
    const chosen = await ctx.dialogs.saveFile(`crossing-report-${args.today}.${args.format}`, 'report');
    if (chosen === null) return { savedAs: null };
    writeFileAtomically(chosen, report, { replace: true });
    return { savedAs: chosen };
  },
};

/** Counted once for each state of the cases and each day: a visit to the dashboard or Cases reads them back. */
function statsOf(ctx: ServiceContext, vault: Vault, today: string): VaultStats {
  const kept = ctx.session.stats;
  const generation = vault.summaryGeneration;
  if (kept && kept.vault === vault && kept.generation === generation && kept.today === today) return kept.value;
  const value = computeStats(vault.allCases(), { today });
  ctx.session.stats = { vault, generation, today, value };
  return value;
}
