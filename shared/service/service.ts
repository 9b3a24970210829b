import path from 'node:path';
import type { z } from 'zod';
import { usageError } from '../errors.js';
import { contract, type Channel, type IpcResponse } from '../ipc/contract.js';
import { describeIssues } from '../model/case.js';
import { FileRefs, whyUnopenable, type FileRef } from './fileRefs.js';
import { caseHandlers } from './handlers/cases.js';
import { draftHandlers } from './handlers/drafts.js';
import { duplicateHandlers } from './handlers/duplicates.js';
import { evidenceHandlers } from './handlers/evidence.js';
import { exchangeHandlers } from './handlers/exchange.js';
import { identityHandlers } from './handlers/identity.js';
import { settingsHandlers } from './handlers/settings.js';
import { sheetHandlers } from './handlers/sheets.js';
import { statsHandlers } from './handlers/stats.js';
import { vaultSessionHandlers } from './handlers/vaultSession.js';
import { serialQueue } from './serialQueue.js';
import { Session, type LockReason } from './session.js';
import { SettingsStore } from './settingsStore.js';
import { toIpcError } from './toIpcError.js';
import type { DialogPort, Emit, Handler, Handlers, RuntimeVersions, ServiceContext } from './types.js';
import { RELEASE_PUBLIC_KEY } from '../release/releaseKey.js';
import { releaseHandlers } from './handlers/release.js';
import { seizureHandlers } from './handlers/seizure.js';
import { backupHandlers } from './handlers/backup.js';

export interface VaultServiceOptions {
  /** The app's own folder: the default vault file and settings.json live here. */
  dataDir: string;
  dialogs: DialogPort;
  appVersion: string;
  /** Electron, Chromium and Node versions, passed in by main (or by the test harness). */
  runtime: RuntimeVersions;
  /** The key installers are verified against. Crossing's pinned release key unless a test gives its own. */
  releasePublicKey?: string;
  emit: Emit;
  now?: () => Date;
  /** Check every result against the contract (on in tests and development, off in packaged builds). */
  checkResults?: boolean;
}

export interface VaultService {
  /** Answers one call from the UI. Never throws: every failure is `{ ok: false, error: { code, message } }`. */
  handle(channel: string, rawArgs: unknown): Promise<IpcResponse<Channel>>;
  /** Locks at once (idle, suspend, screen lock, panic): keys wiped, decrypted data dropped, `locked` emitted. */
  lock(reason: LockReason): void;
  /**
   * A `.crossing` file opened with the app (double-click, command line): registers it and emits
   * `importFileOpened` so the UI shows its import preview, or `fileOpenFailed` saying why it cannot be
   * read (then null). The caller must not emit either again.
   */
  openFile(filePath: string): FileRef | null;
}

const HANDLERS: Handlers<Channel> = {
  ...vaultSessionHandlers,
  ...caseHandlers,
  ...duplicateHandlers,
  ...draftHandlers,
  ...evidenceHandlers,
  ...statsHandlers,
  ...identityHandlers,
  ...exchangeHandlers,
  ...sheetHandlers,
  ...settingsHandlers,
  ...releaseHandlers,
  ...seizureHandlers,
  ...backupHandlers,
};

export function createVaultService(options: VaultServiceOptions): VaultService {
  const ctx: ServiceContext = {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    runtime: options.runtime,
    releasePublicKey: options.releasePublicKey ?? RELEASE_PUBLIC_KEY,
    dialogs: options.dialogs,
    emit: options.emit,
    now: options.now ?? (() => new Date()),
    session: new Session(options.dataDir, options.emit),
    settings: new SettingsStore(options.dataDir),
    files: new FileRefs(),
  };
  const checkResults = options.checkResults ?? process.env.NODE_ENV !== 'production';
  const serial = serialQueue();

  async function run(channel: Channel, rawArgs: unknown): Promise<IpcResponse<Channel>> {
    const row = contract[channel] as { args: z.ZodType; result: z.ZodType };
    // Channels without arguments may be called with nothing at all.
    const parsed = row.args.safeParse(rawArgs === undefined ? {} : rawArgs);
    if (!parsed.success) throw usageError(`${channel}: ${describeIssues(parsed.error)}`, 'badRequest');
    const handler = HANDLERS[channel] as Handler<Channel>;
    const value: unknown = await handler(ctx, parsed.data as never);
    if (checkResults) {
      const checked = row.result.safeParse(value);
      if (!checked.success) {
        throw new Error(`${channel} answered outside the contract: ${describeIssues(checked.error)}`);
      }
    }
    return { ok: true, value } as IpcResponse<Channel>;
  }

  return {
    handle(channel, rawArgs) {
      if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
        return Promise.resolve({
          ok: false,
          error: toIpcError(usageError(`there is no channel ${String(channel).slice(0, 80)}`, 'badRequest')),
        });
      }
      return serial(async () => {
        try {
          return await run(channel as Channel, rawArgs);
        } catch (error) {
          return { ok: false as const, error: toIpcError(error) };
        }
      });
    },
    lock: (reason) => ctx.session.lock(reason),
    openFile(filePath) {
      const problem = whyUnopenable(filePath);
      if (problem) {
        ctx.emit('fileOpenFailed', { name: path.basename(filePath), reason: problem });
        return null;
      }
      const ref = ctx.files.register(filePath);
      ctx.emit('importFileOpened', ref);
      return ref;
    },
  };
}
