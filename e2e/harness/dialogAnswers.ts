import fs from 'node:fs';
import path from 'node:path';
import type { DialogPort, SaveKind } from '../../shared/service/index.js';

export type DialogName =
  | 'openVault'
  | 'saveFile'
  | 'openImportFile'
  | 'openSpreadsheet'
  | 'openInstaller'
  | 'openEvidenceFiles'
  | 'openKeyCard';
export const DIALOG_NAMES: readonly DialogName[] = [
  'openVault',
  'saveFile',
  'openImportFile',
  'openSpreadsheet',
  'openInstaller',
  'openEvidenceFiles',
  'openKeyCard',
];
export type DialogAnswer = string | null;

/**
 * The harness's stand-in for native dialogs: each dialog takes the next answer a test queued.
 * With nothing queued, "save as…" accepts the suggested name in the harness's output folder (so an
 * export just works) and the open dialogs are cancelled.
 */
export class DialogAnswers implements DialogPort {
  private readonly queues: Record<DialogName, DialogAnswer[]> = {
    openVault: [],
    saveFile: [],
    openImportFile: [],
    openSpreadsheet: [],
    openInstaller: [],
    openEvidenceFiles: [],
    openKeyCard: [],
  };
  /** Every file "save as…" wrote to, in order: tests read exports and reports from here. */
  readonly saved: Array<{ path: string; kind: SaveKind }> = [];

  constructor(private readonly outDir: string) {}

  queue(dialog: DialogName, answer: DialogAnswer): void {
    this.queues[dialog].push(answer === null ? null : path.resolve(answer));
  }

  async openVault(): Promise<string | null> {
    return this.next('openVault') ?? null;
  }

  async openImportFile(): Promise<string | null> {
    return this.next('openImportFile') ?? null;
  }

  async openSpreadsheet(): Promise<string | null> {
    return this.next('openSpreadsheet') ?? null;
  }

  async openInstaller(): Promise<string | null> {
    return this.next('openInstaller') ?? null;
  }

  async openKeyCard(): Promise<string | null> {
    return this.next('openKeyCard') ?? null;
  }

  /** Every path queued for it, chosen together (a multi-selection); none queued is a cancel. */
  async openEvidenceFiles(): Promise<string[]> {
    const chosen = this.queues.openEvidenceFiles.filter((answer): answer is string => answer !== null);
    this.queues.openEvidenceFiles = [];
    return chosen;
  }

  async saveFile(suggestedName: string, kind: SaveKind): Promise<string | null> {
    const queued = this.next('saveFile');
    let chosen: string | null;
    if (queued === undefined) {
      fs.mkdirSync(this.outDir, { recursive: true });
      chosen = path.join(this.outDir, path.basename(suggestedName));
    } else chosen = queued;
    if (chosen !== null) this.saved.push({ path: chosen, kind });
    return chosen;
  }

  private next(dialog: DialogName): DialogAnswer | undefined {
    return this.queues[dialog].shift();
  }
}
