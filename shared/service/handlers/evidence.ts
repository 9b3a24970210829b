import { contentTypeOf } from '../../evidence/contentType.js';
import { saveCopy } from '../../evidence/saveCopy.js';
import { readForViewing } from '../../evidence/viewFile.js';
import type { ChannelResult } from '../../ipc/contract.js';
import type { Vault } from '../../vault/vault.js';
import type { Handlers, ServiceContext } from '../types.js';

type EvidenceChannel =
  | 'listEvidenceFiles'
  | 'chooseEvidenceFiles'
  | 'addEvidenceFiles'
  | 'addDroppedEvidence'
  | 'readEvidenceFile'
  | 'saveEvidenceCopy'
  | 'updateEvidenceFile'
  | 'removeEvidenceFile';

type Entries = ChannelResult<'listEvidenceFiles'>['files'];

/**
 * Evidence files in the UI. Paths come only from the native dialog (as tokens); dropped files come
 * as bytes and are sealed from memory. Content goes to the UI only to be viewed, and only for the
 * types the app can show (a picture, a PDF): a program is never handed to the page.
 */
export const evidenceHandlers: Handlers<EvidenceChannel> = {
  listEvidenceFiles: (ctx, args) => ({ files: entries(ctx.session.requireVault(), args.caseId) }),

  chooseEvidenceFiles: async (ctx) => {
    const chosen = await ctx.dialogs.openEvidenceFiles();
    return { files: chosen.map((filePath) => ctx.files.register(filePath)) };
  },

  addEvidenceFiles: (ctx, args) => {
    const vault = ctx.session.requireVault();
    const paths = args.tokens.map((token) => ctx.files.resolve(token));
    const added = vault.addFiles(args.caseId, paths, {
      kind: args.kind,
      keepMetadata: args.keepMetadata,
      maxBytes: maxFileBytes(ctx),
    });
    return { files: entries(vault, args.caseId), added: added.map(summary) };
  },

  addDroppedEvidence: (ctx, args) => {
    const vault = ctx.session.requireVault();
    const bytes = Buffer.from(args.base64, 'base64');
    try {
      const added = vault.addFiles(args.caseId, [{ name: args.name, bytes }], {
        keepMetadata: args.keepMetadata,
        maxBytes: maxFileBytes(ctx),
      });
      return { files: entries(vault, args.caseId), added: added.map(summary) };
    } finally {
      bytes.fill(0);
    }
  },

  // The viewer and the thumbnails: only content whose own bytes are the viewable type its op names.
  readEvidenceFile: (ctx, args) => readForViewing(ctx.session.requireVault(), args.fileId),

  saveEvidenceCopy: async (ctx, args) => {
    const vault = ctx.session.requireVault();
    const { file } = vault.findFile(args.fileId);
    const chosen = await ctx.dialogs.saveFile(file.name, 'evidence');
    if (chosen === null) return { savedAs: null };
    saveCopy(vault.readFile(file.id), chosen);
    return { savedAs: chosen };
  },

  updateEvidenceFile: (ctx, args) => {
    const vault = ctx.session.requireVault();
    const { fileId, ...change } = args;
    const { caseId } = vault.findFile(fileId);
    vault.updateFile(fileId, change);
    return { files: entries(vault, caseId) };
  },

  removeEvidenceFile: (ctx, args) => {
    const vault = ctx.session.requireVault();
    const { caseId, file } = vault.findFile(args.fileId);
    vault.removeFile(file.id);
    return { files: entries(vault, caseId) };
  },
};

/** The size limit a person set in Settings (100 MB unless changed). */
function maxFileBytes(ctx: ServiceContext): number {
  return ctx.settings.read().maxFileMegabytes * 1024 * 1024;
}

function entries(vault: Vault, caseId: string): Entries {
  return vault.getCase(caseId).files.map((file) => ({
    ...file,
    held: vault.holdsFileContent(file.id),
    view: contentTypeOf(file.type).view,
  }));
}

const summary = (file: { id: string; name: string; removedMetadata: string[] }) => ({
  id: file.id,
  name: file.name,
  removedMetadata: file.removedMetadata,
});
