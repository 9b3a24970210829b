import { type EventName } from '../shared/ipc/contract.js';
import { type DialogPort, type LockReason, type RuntimeVersions } from '../shared/service/index.js';

/**
 * The messages between main and the vault process. Main sends calls that it has already validated
 * against the contract; the vault process answers, emits events and asks main for native dialogs
 * (only main can show them).
 */
export type DialogMethod = keyof DialogPort;
export const DIALOG_METHODS: readonly DialogMethod[] = [
  'openVault',
  'saveFile',
  'openImportFile',
  'openSpreadsheet',
  'openInstaller',
  'openEvidenceFiles',
  'openKeyCard',
];

export type ToVault =
  | { type: 'init'; dataDir: string; appVersion: string; runtime: RuntimeVersions }
  | { type: 'call'; id: number; channel: string; args: unknown }
  | { type: 'lock'; id: number; reason: LockReason }
  | { type: 'openFile'; id: number; path: string }
  | { type: 'dialogAnswer'; id: number; path: string | null }
  /** The evidence picker chooses several files at once. */
  | { type: 'dialogAnswer'; id: number; paths: string[] };

export type FromVault =
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'dialog'; id: number; method: DialogMethod; args: unknown[] };
