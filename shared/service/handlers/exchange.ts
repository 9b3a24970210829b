import { notAvailable } from '../notAvailable.js';
import type { Handlers } from '../types.js';

export const exchangeHandlers: Handlers<
  'exportCases' | 'chooseImportFile' | 'previewImport' | 'applyImport' | 'handOffCase'
> = {
  exportCases: notAvailable('export'),
  chooseImportFile: notAvailable('import'),
  previewImport: notAvailable('import'),
  applyImport: notAvailable('import'),
  handOffCase: notAvailable('handoff'),
};
