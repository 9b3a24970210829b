import type { Channel, ChannelArgs, IpcResponse } from '../shared/ipc/contract.js';
import type { LockReason } from '../shared/service/index.js';
import type { DialogAnswer, DialogName } from './harness/dialogAnswers.js';

/**
 * What a spec may do besides clicking: answer the next native dialog, lock as idle or panic would,
 * open a file with the app, call the contract directly for setup. Implemented by the harness
 * (Chromium) and by the Electron app, so one spec runs against both.
 */
export interface AppControl {
  readonly target: 'harness' | 'electron';
  /** The app data folder (vault and settings.json). */
  readonly dataDir: string;
  /** A folder for files a spec creates (exports, reports); "save as…" lands here when no answer is queued. */
  readonly outDir: string;
  queueDialog(dialog: DialogName, answer: DialogAnswer): Promise<void>;
  lock(reason: LockReason): Promise<void>;
  openFile(filePath: string): Promise<void>;
  call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<IpcResponse<C>>;
  /** Like `call`, but returns the value and fails the spec on an error. */
  value<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<Extract<IpcResponse<C>, { ok: true }>['value']>;
}

export async function valueOf<C extends Channel>(
  channel: C,
  response: Promise<IpcResponse<C>>,
): Promise<Extract<IpcResponse<C>, { ok: true }>['value']> {
  const answered = await response;
  if (!answered.ok) throw new Error(`${channel} failed: ${answered.error.code}: ${answered.error.message}`);
  return answered.value;
}
