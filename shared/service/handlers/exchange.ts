import { contactByFingerprint } from '../../exchange/contacts.js';
import { exportCases } from '../../exchange/exportCases.js';
import { handoffCase } from '../../handoffs/handoffCase.js';
import { importSealedFile, type ImportReport } from '../../exchange/importSealedFile.js';
import { usageError } from '../../errors.js';
import { listHandoffs } from '../../handoffs/listHandoffs.js';
import { readLedger } from '../../handoffs/records.js';
import { writeReceipt } from '../../handoffs/writeReceipt.js';
import type { ChannelResult } from '../../ipc/contract.js';
import { localDate } from '../localDate.js';
import type { Handlers, ServiceContext } from '../types.js';

type ExchangeChannel =
  'exportCases' | 'chooseImportFile' | 'previewImport' | 'applyImport' | 'handOffCase' | 'saveReceipt' | 'listHandoffs';

/**
 * Sealed exchange: export to contacts, hand a case off, preview and apply an import. Files are
 * chosen in a dialog; the UI names an import only by the token of a file chosen or opened here.
 * Suggested file names carry a date, never a name or alias: a file name is readable by anyone.
 */
export const exchangeHandlers: Handlers<ExchangeChannel> = {
  exportCases: async (ctx, args) => {
    checkRecipients(ctx, args.to);
    const outFile = await ctx.dialogs.saveFile(`crossing-export-${localDate(ctx.now())}.crossing`, 'crossing');
    if (outFile === null) return { savedAs: null, cases: 0, bytes: 0 };
    const result = await exportCases(ctx.session.requireVault(), {
      to: args.to,
      cases: args.caseIds,
      outFile,
      omit: args.omit,
      now: ctx.now(),
    });
    return { savedAs: result.file, cases: result.caseIds.length, bytes: result.bytes };
  },

  chooseImportFile: async (ctx) => {
    const chosen = await ctx.dialogs.openImportFile();
    return { file: chosen === null ? null : ctx.files.register(chosen) };
  },

  previewImport: async (ctx, args) => {
    const report = await runImport(ctx, args.token, args.acceptUnknownSender, true);
    return toPreview(ctx, args.token, report);
  },

  applyImport: async (ctx, args) => {
    const report = await runImport(ctx, args.token, args.acceptUnknownSender, false, args.decline);
    return {
      alreadyImportedAt: report.status === 'already imported' ? report.importedOn : null,
      newCases: report.newCases.length,
      updatedCases: report.updatedCases.length,
      newConflicts: report.newConflicts.length,
      returned: report.returns.length,
      receipts: report.receipts.filter((r) => r.isNew).length,
      handoff: report.handoff ? { handoffId: report.handoff.handoffId, outcome: report.handoff.outcome } : null,
    };
  },

  saveReceipt: async (ctx, args) => {
    const vault = ctx.session.requireVault();
    const received = readLedger(vault).received.find((r) => r.handoffId === args.handoffId);
    if (!received) throw usageError(`no hand-off ${args.handoffId} was imported here`, 'noSuchHandoff');
    const outFile = await ctx.dialogs.saveFile(`crossing-receipt-${localDate(ctx.now())}.crossing`, 'crossing');
    if (outFile === null) return { savedAs: null, outcome: received.outcome, to: received.from.name, returnedCases: 0 };
    const result = await writeReceipt(vault, args.handoffId, outFile, ctx.now());
    return {
      savedAs: result.file,
      outcome: result.outcome,
      to: result.to.name,
      returnedCases: result.returnedCases.length,
    };
  },

  listHandoffs: (ctx) => listHandoffs(ctx.session.requireVault()),

  handOffCase: async (ctx, args) => {
    ctx.session.requireVault().getCase(args.id);
    checkRecipients(ctx, [args.to]);
    const outFile = await ctx.dialogs.saveFile(`crossing-handoff-${localDate(ctx.now())}.crossing`, 'crossing');
    if (outFile === null) return { savedAs: null, purged: false, handoffId: null };
    const result = await handoffCase(ctx.session.requireVault(), args.id, {
      to: args.to,
      outFile,
      consent: args.consent,
      purge: args.purge,
      keepAlias: args.keepAlias,
      omit: args.omit,
      now: ctx.now(),
    });
    return { savedAs: result.file, purged: result.purged, handoffId: result.exportId };
  },
};

/** Fails before the save dialog opens when a recipient is unknown, rather than after the person picked a file. */
function checkRecipients(ctx: ServiceContext, fingerprints: readonly string[]): void {
  const vault = ctx.session.requireVault();
  for (const fingerprint of fingerprints) {
    const contact = contactByFingerprint(vault, fingerprint);
    if (!contact) throw usageError(`there is no contact with the fingerprint ${fingerprint}`, 'noSuchContact');
    if (!contact.verified)
      throw usageError(`${contact.name} is not verified: compare the safety number first`, 'contactNotVerified', {
        name: contact.name,
      });
  }
}

function runImport(
  ctx: ServiceContext,
  token: string,
  acceptUnknownSender: boolean,
  dryRun: boolean,
  decline?: string,
) {
  const filePath = ctx.files.resolve(token);
  return importSealedFile(ctx.session.requireVault(), filePath, {
    dryRun,
    acceptUnknownSender,
    now: ctx.now(),
    ...(decline === undefined ? {} : { decline }),
  });
}

function toPreview(ctx: ServiceContext, token: string, report: ImportReport): ChannelResult<'previewImport'> {
  return {
    file: ctx.files.refOf(token),
    exportId: report.exportId,
    sender: {
      name: report.sender.contactName,
      fingerprint: report.sender.fingerprint,
      known: report.sender.contactName !== null,
      verified: report.sender.verified,
    },
    createdAt: report.createdAt,
    senderChangeNumber: report.senderVaultCounter,
    alreadyImportedAt: report.importedOn,
    omitted: report.omitted,
    newCases: report.newCases.map((c) => ({ id: c.caseId, alias: c.alias, lookalike: c.lookalike })),
    updatedCases: report.updatedCases.map((c) => ({ id: c.caseId, alias: c.alias, fields: c.fields })),
    newConflicts: report.newConflicts.map((c) => ({ caseId: c.caseId, alias: c.alias, key: c.key })),
    purgedSkipped: report.skippedPurgedOps,
    kind: report.kind,
    returns: report.returns.map((r) => ({
      caseId: r.caseId,
      alias: r.alias,
      handedTo: r.handedTo,
      handedOn: r.handedOn,
      changes: r.changes,
    })),
    receipts: report.receipts,
    ops: report.opsInFile,
    files: report.filesInFile,
    fileBytes: report.fileBytes,
  };
}
