import path from 'node:path';
import { type BrowserWindow, type Dialog, type FileFilter } from 'electron';
import { type DialogPort, type SaveKind } from '../shared/service/index.js';

const VAULT_FILTER: FileFilter = { name: 'Crossing vault', extensions: ['crossing-vault'] };
const EXPORT_FILTER: FileFilter = { name: 'Crossing export', extensions: ['crossing'] };
const KEY_CARD_FILTERS: FileFilter[] = [
  { name: 'Key card', extensions: ['txt', 'card'] },
  { name: 'All files', extensions: ['*'] },
];
const SPREADSHEET_FILTERS: FileFilter[] = [
  { name: 'Spreadsheet', extensions: ['xlsx', 'csv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];
/** What electron-builder makes for each platform; "All files" too, since a chat may have renamed it. */
export const INSTALLER_FILTERS: FileFilter[] = [
  { name: 'Crossing installer', extensions: ['AppImage', 'deb', 'rpm', 'exe', 'msi', 'dmg', 'zip'] },
  { name: 'All files', extensions: ['*'] },
];

/** The save dialog offers the one extension the file will have (taken from the suggested name). */
export function saveFilters(suggestedName: string, kind: SaveKind): FileFilter[] {
  if (kind === 'crossing') return [EXPORT_FILTER];
  if (kind === 'evidence') {
    const extension = path.extname(suggestedName).slice(1);
    return extension ? [{ name: 'Copy of the file', extensions: [extension] }] : [];
  }
  const extension = path.extname(suggestedName).slice(1).toLowerCase() || (kind === 'card' ? 'txt' : 'json');
  const name = kind === 'card' ? 'Key card' : 'Report';
  return [{ name, extensions: [extension] }];
}

/**
 * The vault process's dialogs, shown by main as native, modal dialogs: the person picks every path the
 * vault reads or writes, and the UI never names one.
 */
export function nativeDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  parentWindow: () => BrowserWindow | null,
  defaultDir: () => string,
): DialogPort {
  const open = async (filters: FileFilter[]) => {
    const options = { properties: ['openFile' as const], filters, defaultPath: defaultDir() };
    const parent = parentWindow();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    openVault: () => open([VAULT_FILTER]),
    openImportFile: () => open([EXPORT_FILTER]),
    openSpreadsheet: () => open(SPREADSHEET_FILTERS),
    openInstaller: () => open(INSTALLER_FILTERS),
    openKeyCard: () => open(KEY_CARD_FILTERS),
    async openEvidenceFiles() {
      const options = { properties: ['openFile' as const, 'multiSelections' as const], defaultPath: defaultDir() };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(suggestedName, kind) {
      const options = {
        defaultPath: path.join(defaultDir(), path.basename(suggestedName)),
        filters: saveFilters(suggestedName, kind),
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
