import type { Handlers } from '../types.js';
import { DEFAULT_SORT } from '../caseRows.js';
import { historyEntries } from '../historyEntries.js';
import { localDate } from '../localDate.js';
import { authorNames } from '../authorNames.js';

type CaseChannel = 'queryCases' | 'getCase' | 'createCase' | 'updateCase' | 'addNote' | 'resolveConflict' | 'closeCase';

/** Cases: the list (filtered, sorted, paged rows, never whole cases), one case with its history, and edits. */
export const caseHandlers: Handlers<CaseChannel> = {
  queryCases: (ctx, args) =>
    ctx.session.caseList.page(
      ctx.session.requireVault(),
      args.filter,
      args.sort ?? DEFAULT_SORT,
      args.offset,
      args.limit,
      localDate(ctx.now()),
    ),

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
