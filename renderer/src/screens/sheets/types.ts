import type { ChannelResult } from '../../../../shared/ipc/contract';

export type Inspection = ChannelResult<'inspectSpreadsheet'>;
export type Mapping = Inspection['mapping'];
export type SheetReport = ChannelResult<'previewSheetImport'>;
export const WIZARD_STEPS = ['source', 'columns', 'values', 'preview', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
