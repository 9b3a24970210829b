import { dismissDuplicate, duplicateIndexOf, matchesForDraft, scanDuplicates } from '../../dupes/vaultDuplicates.js';
import { mergeCases, unmergeCases } from '../../vault/merge.js';
import type { Handlers } from '../types.js';

type DuplicateChannel = 'listDuplicates' | 'matchNewCase' | 'mergeCases' | 'unmergeCase' | 'dismissDuplicate';

/** Possible duplicates: the review list, the warning while a case is typed, merge and unmerge. */
export const duplicateHandlers: Handlers<DuplicateChannel> = {
  listDuplicates: (ctx) => scanDuplicates(ctx.session.requireVault()),

  matchNewCase: (ctx, args) => {
    if (args.draft.alias.trim() === '') return { matches: [] };
    const vault = ctx.session.requireVault();
    return { matches: matchesForDraft(args.draft, duplicateIndexOf(vault)).slice(0, 5) };
  },

  mergeCases: (ctx, args) => ({ case: mergeCases(ctx.session.requireVault(), args.keep, args.absorb) }),

  unmergeCase: (ctx, args) => unmergeCases(ctx.session.requireVault(), args.mergeOpId),

  dismissDuplicate: (ctx, args) => {
    dismissDuplicate(ctx.session.requireVault(), args.a, args.b);
    return { ok: true as const };
  },
};
