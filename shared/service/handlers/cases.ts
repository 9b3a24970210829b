import type { Handlers } from '../types.js';
import { DEFAULT_SORT, sortRows, toCaseRow } from '../caseRows.js';
import { historyEntries } from '../historyEntries.js';
import { localDate } from '../localDate.js';
import { authorNames } from '../authorNames.js';

type CaseChannel = 'queryCases' | 'getCase' | 'createCase' | 'updateCase' | 'addNote' | 'resolveConflict' | 'closeCase';

/** Cases: the list (filtered, sorted, paged rows, never whole cases), one case with its history, and edits. */
export const caseHandlers: Handlers<CaseChannel> = {
  queryCases: (ctx, args) => {
    const today = localDate(ctx.now());
    const rows = ctx.session
      .requireVault()
      .listCases(args.filter)
      .map((c) => toCaseRow(c, today));
    sortRows(rows, args.sort ?? DEFAULT_SORT);
    return { total: rows.length, rows: rows.slice(args.offset, args.offset + args.limit) };
  },

  getCase: (ctx, args) => {
    const vault = ctx.session.requireVault();
    const found = vault.getCase(args.id);
    return { case: found, history: historyEntries(vault.caseOps(found.id), authorNames(ctx)) };
  },

  createCase: (ctx, args) => ({ id: ctx.session.requireVault().addCase(args.input).id }),

  updateCase: (ctx, args) => ctx.session.requireVault().updateCase(args.id, args.patch),

  addNote: (ctx, args) => ({ case: ctx.session.requireVault().addNote(args.id, args.text) }),

  resolveConflict: (ctx, args) => ({
    case: ctx.session.requireVault().resolveConflict(args.id, args.key, args.opId),
  }),

  closeCase: (ctx, args) => ({
    case: ctx.session.requireVault().updateCase(args.id, { stage: 'closed', closedReason: args.reason }).case,
  }),
};
