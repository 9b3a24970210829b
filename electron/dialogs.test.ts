import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nativeDialogs, saveFilters } from './dialogs.js';

function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  return {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ filePaths: [], ...answer })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => answer),
  };
}
const docs = () => '/home/a/Documents';

describe('native dialogs', () => {
  it('offers the extension of each kind of file', () => {
    expect(saveFilters('to-anna.crossing', 'crossing')).toEqual([
      { name: 'Crossing export', extensions: ['crossing'] },
    ]);
    expect(saveFilters('report-2026-11-25.csv', 'report')[0]?.extensions).toEqual(['csv']);
    expect(saveFilters('card', 'card')[0]?.extensions).toEqual(['txt']);
  });

  it('opens a .crossing file for import', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/a/x.crossing'] });
    const port = nativeDialogs(dialog as never, () => null, docs);
    expect(await port.openImportFile()).toBe('/home/a/x.crossing');
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['crossing'] }],
    });
  });

  it('opens a spreadsheet as .xlsx or .csv, or any file (Excel saves CSV as .txt too)', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/a/подопечные.xlsx'] });
    const port = nativeDialogs(dialog as never, () => null, docs);
    expect(await port.openSpreadsheet()).toBe('/home/a/подопечные.xlsx');
    const { filters } = dialog.showOpenDialog.mock.calls[0]?.[0] as { filters: { extensions: string[] }[] };
    expect(filters[0]?.extensions).toEqual(['xlsx', 'csv', 'txt']);
    expect(filters[1]?.extensions).toEqual(['*']);
  });

  it('opens an installer of any platform, or any file (a chat may have renamed it)', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/a/Crossing-0.2.0.AppImage'] });
    const port = nativeDialogs(dialog as never, () => null, docs);
    expect(await port.openInstaller()).toBe('/home/a/Crossing-0.2.0.AppImage');
    const { filters } = dialog.showOpenDialog.mock.calls[0]?.[0] as { filters: { extensions: string[] }[] };
    expect(filters[0]?.extensions).toEqual(expect.arrayContaining(['AppImage', 'deb', 'exe', 'dmg']));
    expect(filters[1]?.extensions).toEqual(['*']);
  });

  it('answers null when the person cancels', async () => {
    const port = nativeDialogs(fakeDialog({ canceled: true }) as never, () => null, docs);
    expect(await port.openVault()).toBeNull();
    expect(await port.saveFile('x.crossing', 'crossing')).toBeNull();
  });

  it('suggests only a file name inside the default folder, confirming overwrites', async () => {
    const dialog = fakeDialog({ canceled: false, filePath: '/home/a/Documents/r.json' });
    const port = nativeDialogs(dialog as never, () => null, docs);
    expect(await port.saveFile('../../etc/r.json', 'report')).toBe('/home/a/Documents/r.json');
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: path.join('/home/a/Documents', 'r.json'),
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
  });

  it('is modal to the window when there is one', async () => {
    const dialog = fakeDialog({ canceled: true });
    const window = { id: 1 };
    await nativeDialogs(dialog as never, () => window as never, docs).openVault();
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(window);
  });
});
