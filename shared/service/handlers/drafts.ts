import { dropDraft, keepDraft, listDrafts } from '../../vault/caseDrafts.js';
import type { Handlers } from '../types.js';

/** Unsaved case edits, sealed in the vault until they are saved, restored or discarded. */
export const draftHandlers: Handlers<'keepDraft' | 'listDrafts' | 'discardDraft'> = {
  keepDraft: (ctx, args) => {
    keepDraft(ctx.session.requireVault(), { ...args, savedAt: ctx.now().toISOString() });
    return { ok: true };
  },
  listDrafts: (ctx) => ({ drafts: listDrafts(ctx.session.requireVault()) }),
  discardDraft: (ctx, args) => {
    dropDraft(ctx.session.requireVault(), args.caseId);
    return { ok: true };
  },
};
