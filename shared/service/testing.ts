import { makeTempDir } from '../testing/tempDir.js';
import type { Channel, ChannelArgs, ChannelResult, EventName } from '../ipc/contract.js';
import { createVaultService, type VaultService } from './service.js';
import type { DialogPort } from './types.js';

export const TEST_PASSPHRASE = 'correct horse battery staple';
export const TEST_RUNTIME = { electron: null, chromium: null, node: process.versions.node };

/** A service over a fresh temp folder, with dialogs answered from queues the test fills. For tests only. */
export function makeTestService(options: { now?: () => Date; releasePublicKey?: string } = {}) {
  const temp = makeTempDir('crossing-service-');
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const answers = {
    openVault: [] as (string | null)[],
    saveFile: [] as (string | null)[],
    openImport: [] as (string | null)[],
    openSpreadsheet: [] as (string | null)[],
    openInstaller: [] as (string | null)[],
    openEvidenceFiles: [] as string[][],
    openKeyCard: [] as (string | null)[],
  };
  const dialogs: DialogPort = {
    openVault: async () => answers.openVault.shift() ?? null,
    saveFile: async () => answers.saveFile.shift() ?? null,
    openImportFile: async () => answers.openImport.shift() ?? null,
    openSpreadsheet: async () => answers.openSpreadsheet.shift() ?? null,
    openInstaller: async () => answers.openInstaller.shift() ?? null,
    openEvidenceFiles: async () => answers.openEvidenceFiles.shift() ?? [],
    openKeyCard: async () => answers.openKeyCard.shift() ?? null,
  };
  const service: VaultService = createVaultService({
    dataDir: temp.dir,
    dialogs,
    appVersion: '0.0.0-test',
    runtime: TEST_RUNTIME,
    ...(options.releasePublicKey ? { releasePublicKey: options.releasePublicKey } : {}),
    emit: (event, payload) => events.push({ event, payload }),
    checkResults: true,
    ...(options.now ? { now: options.now } : {}),
  });
  /** Calls a channel and returns its value, failing the test with the error when there is none. */
  async function call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
    const response = await service.handle(channel, args);
    if (!response.ok) throw new Error(`${channel} failed: ${response.error.code}: ${response.error.message}`);
    return response.value as ChannelResult<C>;
  }
  async function createVault(displayName = 'Tester') {
    return call('createVault', { passphrase: TEST_PASSPHRASE, kdf: 'interactive', displayName });
  }
  return { service, dir: temp.dir, cleanup: temp.cleanup, events, answers, call, createVault };
}
