import { failureError } from '../shared/errors.js';
import { toIpcError } from '../shared/service/toIpcError.js';
import { createVaultService, type DialogPort, type LockReason, type VaultService } from '../shared/service/index.js';
import { pendingReplies } from './pendingReplies.js';
import { type DialogMethod, type FromVault, type ToVault } from './vaultMessages.js';

type CreateService = typeof createVaultService;

/**
 * The vault process's side: owns the one vault service (database, keys, decrypted cases) and answers
 * main's messages. Kept apart from the process entry so it runs in a plain Node test.
 */
export function vaultEndpoint(post: (message: FromVault) => void, create: CreateService = createVaultService) {
  const dialogAnswers = pendingReplies<string | string[] | null>();
  const ask = (method: DialogMethod, args: unknown[]) => {
    const [id, answer] = dialogAnswers.open();
    post({ type: 'dialog', id, method, args });
    return answer;
  };
  const dialog = async (method: DialogMethod, args: unknown[]) => {
    const answer = await ask(method, args);
    return typeof answer === 'string' ? answer : null;
  };
  const dialogs: DialogPort = {
    openVault: () => dialog('openVault', []),
    saveFile: (suggestedName, kind) => dialog('saveFile', [suggestedName, kind]),
    openImportFile: () => dialog('openImportFile', []),
    openSpreadsheet: () => dialog('openSpreadsheet', []),
    openInstaller: () => dialog('openInstaller', []),
    openKeyCard: () => dialog('openKeyCard', []),
    openEvidenceFiles: async () => {
      const answer = await ask('openEvidenceFiles', []);
      return Array.isArray(answer) ? answer : [];
    },
  };
  let service: VaultService | null = null;
  const need = () => {
    if (service === null) throw new Error('the vault process was not initialised');
    return service;
  };

  // Locks seen so far: a call that was in flight when a lock arrived (an unlock awaiting its key
  // derivation) must not leave the vault unlocked after it, so the lock is applied again when it ends.
  let locks = 0;
  let lastLock: LockReason = 'user';
  const handle = async (channel: string, args: unknown) => {
    if (service === null)
      return { ok: false, error: toIpcError(failureError('the vault is not ready', 'vaultNotReady')) };
    const locksBefore = locks;
    const response = await service.handle(channel, args);
    if (locks !== locksBefore) service.lock(lastLock);
    return response;
  };

  return async function onMessage(message: ToVault): Promise<void> {
    switch (message.type) {
      case 'init':
        service ??= create({
          dataDir: message.dataDir,
          appVersion: message.appVersion,
          runtime: message.runtime,
          dialogs,
          emit: (event, payload) => post({ type: 'event', event, payload }),
        });
        return;
      case 'call':
        post({ type: 'reply', id: message.id, value: await handle(message.channel, message.args) });
        return;
      case 'lock':
        locks += 1;
        lastLock = message.reason;
        need().lock(message.reason);
        post({ type: 'reply', id: message.id, value: true });
        return;
      case 'openFile':
        post({ type: 'reply', id: message.id, value: need().openFile(message.path) });
        return;
      case 'dialogAnswer':
        dialogAnswers.settle(message.id, 'paths' in message ? message.paths : message.path);
        return;
    }
  };
}
