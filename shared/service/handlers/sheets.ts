import fs from 'node:fs';
import path from 'node:path';
import { failureError, usageError } from '../../errors.js';
import type { ParsedArgs } from '../../ipc/contract.js';
import {
  importSpreadsheet,
  inspectSpreadsheet,
  type SheetImportProgress,
  type SheetImportReport,
} from '../../sheets/importSheet.js';
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
    if (chosen === null) return { file: null };
    const ref = ctx.files.register(chosen);
    spreadsheetTokens(ctx).add(ref.token);
    return { file: ref };
  },

  inspectSpreadsheet: (ctx, args) => inspectSpreadsheet(spreadsheetPath(ctx, args.token), args),

  previewSheetImport: (ctx, args) => toResult(run(ctx, args, true)),

  applySheetImport: (ctx, args) =>
    toResult(run(ctx, args, false, (progress) => ctx.emit('sheetImportProgress', progress))),

  removeSpreadsheet: (ctx, args) => {
    const filePath = spreadsheetPath(ctx, args.token);
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

function run(
  ctx: ServiceContext,
  args: ParsedArgs<'previewSheetImport'>,
  dryRun: boolean,
  onProgress?: (progress: SheetImportProgress) => void,
): SheetImportReport {
  const { token, ...options } = args;
  return importSpreadsheet(ctx.session.requireVault(), spreadsheetPath(ctx, token), {
    ...options,
    dryRun,
    ...(onProgress ? { onProgress } : {}),
  });
}

/**
 * Tokens of files chosen as spreadsheets. The wizard may read and delete only those: a token of an
 * evidence file or a .crossing import (chosen for another purpose) is refused, so not even a
 * compromised renderer can have a person's other chosen files removed.
 */
const chosenSheets = new WeakMap<ServiceContext['files'], Set<string>>();

function spreadsheetTokens(ctx: ServiceContext): Set<string> {
  let tokens = chosenSheets.get(ctx.files);
  if (!tokens) chosenSheets.set(ctx.files, (tokens = new Set()));
  return tokens;
}

function spreadsheetPath(ctx: ServiceContext, token: string): string {
  if (!spreadsheetTokens(ctx).has(token)) {
    throw usageError('this file was not chosen as a spreadsheet: choose it again', 'fileGone');
  }
  return ctx.files.resolve(token);
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
