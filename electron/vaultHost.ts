import { failureError } from '../shared/errors.js';
import { type EventName } from '../shared/ipc/contract.js';
import { type DialogPort, type FileRef, type LockReason, type RuntimeVersions } from '../shared/service/index.js';
import { pendingReplies } from './pendingReplies.js';
import { vaultInbox } from './vaultInbox.js';
import { type FromVault, type ToVault } from './vaultMessages.js';

/** The vault process as main sees it (a utilityProcess in the app, a fake in tests). */
export interface VaultChild {
  postMessage(message: ToVault): void;
  onMessage(listener: (message: FromVault) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

export interface VaultHostOptions {
  spawn: () => VaultChild;
  dataDir: string;
  appVersion: string;
  /** Main's Electron, Chromium and Node versions, shown in About (the vault process reports them). */
  runtime: RuntimeVersions;
  dialogs: DialogPort;
  emit: (event: EventName, payload: unknown) => void;
  /** How long a lock may wait behind a busy vault before the process is killed instead. */
  lockTimeoutMs?: number;
}

/**
 * Main's handle on the vault process: relays calls, shows the dialogs it asks for, forwards its events,
 * and locks. A lock that is not acknowledged in time (the process is busy in a long query or key
 * derivation) kills the process: the keys die with it, and the next call starts a fresh, locked one.
 */
export function createVaultHost(options: VaultHostOptions) {
  const replies = pendingReplies<unknown>();
  const receive = vaultInbox({ dialogs: options.dialogs, emit: options.emit, settle: replies.settle });
  let child: VaultChild | null = null;

  const stopped = () => failureError('the vault process stopped; the vault is locked', 'vaultStopped');

  function current(): VaultChild {
    if (child) return child;
    const started = options.spawn();
    child = started;
    started.onMessage((message) => receive((answer) => started.postMessage(answer), message));
    started.onExit(() => {
      if (child !== started) return;
      child = null;
      replies.failAll(stopped());
    });
    started.postMessage({
      type: 'init',
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      runtime: options.runtime,
    });
    return started;
  }

  function request(build: (id: number) => ToVault): Promise<unknown> {
    const [id, answer] = replies.open();
    current().postMessage(build(id));
    return answer;
  }

  function kill(reason: LockReason | null): void {
    const victim = child;
    if (!victim) return;
    child = null;
    victim.kill();
    replies.failAll(stopped());
    if (reason) options.emit('locked', { reason });
  }

  return {
    call: (channel: string, args: unknown) => request((id) => ({ type: 'call', id, channel, args })),
    openFile: (path: string) => request((id) => ({ type: 'openFile', id, path })) as Promise<FileRef | null>,

    /** Resolves 'locked' when the vault process wiped its keys, 'killed' when it had to be killed. */
    async lock(reason: LockReason): Promise<'locked' | 'killed'> {
      if (!child) return 'locked'; // no process, no keys
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(resolve, options.lockTimeoutMs ?? 1500, 'timeout')),
      );
      const acknowledged = request((id) => ({ type: 'lock', id, reason })).then(
        () => 'locked' as const,
        () => 'killed' as const,
      );
      const outcome = await Promise.race([acknowledged, timeout]);
      clearTimeout(timer);
      if (outcome !== 'timeout') return outcome;
      kill(reason);
      return 'killed';
    },

    /**
     * Kills the vault process before returning, and its keys die with it: for suspend, where the machine
     * may sleep as soon as the handler returns and nothing may wait for an answer. The next call starts a
     * fresh, locked process.
     */
    forgetKeysNow: (reason: LockReason): void => kill(reason),

    /** On quit: the process goes, and its keys with it. */
    stop: () => kill(null),
  };
}

export type VaultHost = ReturnType<typeof createVaultHost>;
