import { type UtilityProcess } from 'electron';
import { type VaultChild } from './vaultHost.js';
import { type FromVault } from './vaultMessages.js';

type ChildProcessLike = Pick<UtilityProcess, 'postMessage' | 'kill' | 'pid'> & {
  on(event: 'message', listener: (message: FromVault) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  on(event: 'error', listener: (type: string, location: string) => void): unknown;
};

/**
 * A utilityProcess seen through the small interface the vault host needs (and tests fake). Its fatal
 * 'error' must have a listener: an EventEmitter 'error' nobody listens to throws in main. The 'exit'
 * that always follows is what tells the host the vault is locked.
 *
 * Killing is SIGKILL, not the SIGTERM of `kill()`: the keys must be gone now (a suspend, a lock that
 * was not acknowledged), not whenever a busy process gets round to handling a signal.
 */
export const asVaultChild = (
  child: ChildProcessLike,
  signal: (pid: number, signal: NodeJS.Signals) => void = process.kill,
): VaultChild => {
  child.on('error', (type, location) => console.error(`the vault process stopped: ${type} at ${location}`));
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', (message: FromVault) => listener(message)),
    onExit: (listener) => void child.on('exit', () => listener()),
    kill() {
      if (child.pid === undefined) return void child.kill(); // not started or already gone
      try {
        signal(child.pid, 'SIGKILL');
      } catch {
        child.kill(); // it exited between the check and the signal
      }
    },
  };
};
