import fs from 'node:fs';
import path from 'node:path';
import { failureError } from '../../errors.js';
import type { ParsedArgs } from '../../ipc/contract.js';
import { importSpreadsheet, inspectSpreadsheet, type SheetImportReport } from '../../sheets/importSheet.js';
import type { Handlers, ServiceContext } from '../types.js';

type SheetChannel =
  'chooseSpreadsheet' | 'inspectSpreadsheet' | 'previewSheetImport' | 'applySheetImport' | 'removeSpreadsheet';

/**
 * The spreadsheet import wizard: the file is chosen in a dialog and named by its token only; each
 * step reads it again (a sheet of cases is small), so nothing of it is kept in the service between
 * calls. The preview and the import run the same code; only the import writes.
 */
export const sheetHandlers: Handlers<SheetChannel> = {
  chooseSpreadsheet: async (ctx) => {
    const chosen = await ctx.dialogs.openSpreadsheet();
    return { file: chosen === null ? null : ctx.files.register(chosen) };
  },

  inspectSpreadsheet: (ctx, args) => inspectSpreadsheet(ctx.files.resolve(args.token), args),

  previewSheetImport: (ctx, args) => toResult(run(ctx, args, true)),

  applySheetImport: (ctx, args) => toResult(run(ctx, args, false)),

  removeSpreadsheet: (ctx, args) => {
    const filePath = ctx.files.resolve(args.token);
    try {
      fs.rmSync(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw failureError(`the spreadsheet could not be removed (${code})`, 'sheetNotRemoved', {
        name: path.basename(filePath),
      });
    }
    return { ok: true };
  },
};

function run(ctx: ServiceContext, args: ParsedArgs<'previewSheetImport'>, dryRun: boolean): SheetImportReport {
  const { token, ...options } = args;
  return importSpreadsheet(ctx.session.requireVault(), ctx.files.resolve(token), { ...options, dryRun });
}

/** The report as the contract carries it (the mapping and reading details stay in the wizard). */
function toResult(report: SheetImportReport) {
  return {
    status: report.status,
    fileName: report.fileName,
    sheet: report.sheet,
    counts: report.counts,
    rows: report.rows,
    warnings: report.warnings,
  };
}
