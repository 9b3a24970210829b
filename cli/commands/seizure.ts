import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../../shared/errors.js';
import { writeFileAtomically } from '../../shared/files/atomicWrite.js';
import { eraseVault } from '../../shared/seizure/erase.js';
import type { RecoveryShare } from '../../shared/seizure/recoveryShares.js';
import { WIPE_AFTER_CHOICES, type WipeAfter } from '../../shared/seizure/unlockGuard.js';
import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine } from '../output.js';
import { UNLOCK_HELP, readNewPassphrase, readUnlock, unlockOptions } from '../secrets.js';

/**
 * When the laptop is taken (issue 14): erase, the duress passphrase, the failed-unlock wipe and
 * recovery shares, exactly as the app does them (the vault and shared/seizure do the work).
 */
const HONEST = `Crossing destroys the keys first, then overwrites and removes the files. It cannot promise
that an SSD keeps no old copy of a block (wear levelling), nor touch copies made before: a disk
image, a backup, an export.`;

export const eraseCommand = defineCommand({
  name: ['erase'],
  summary: 'erase the vault now: its keys destroyed, its files overwritten and removed',
  usage: 'VAULT --yes',
  help: `Erases the vault at once, without its passphrase (whoever holds the laptop could delete the
file anyway). Its key wraps and sealed identity are overwritten inside the file, the WAL emptied,
then the vault, its -wal, -shm and lock files are overwritten with random bytes and removed.
Refused while the vault is open in the app or another command. Cannot be undone: --yes is required.

${HONEST}

  --yes                      yes, erase it`,
  options: { yes: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    await Promise.resolve();
    if (!values.yes) {
      throw usageError(`erasing ${vaultPath} cannot be undone: add --yes to erase it`, 'commandLine');
    }
    if (!fs.existsSync(vaultPath!)) throw usageError(`there is no vault at ${vaultPath}`, 'noVaultHere');
    const report = eraseVault(path.resolve(vaultPath!), vaultPath!);
    printLine(`erased ${vaultPath}: its keys destroyed, ${report.removed.length} file(s) overwritten and removed`);
  },
});

/** The duress passphrase is set or cleared by whoever knows the passphrase: unlocking with it is required. */
async function currentPassphrase(values: Parameters<typeof readUnlock>[0]) {
  const unlock = await readUnlock(values);
  if (!('passphrase' in unlock)) {
    throw usageError('the duress passphrase needs the vault passphrase, not a recovery key or shares', 'commandLine');
  }
  return unlock;
}

export const duressSetCommand = defineCommand({
  name: ['duress', 'set'],
  summary: 'set a duress passphrase: typed at unlock, it erases the vault',
  usage: 'VAULT [--duress-passphrase-file FILE] [--passphrase-file FILE]',
  help: `Sets a duress passphrase. Typed where the passphrase is asked for (in the app or any command),
it erases the vault and then answers exactly as a wrong passphrase does. It must differ from the
passphrase. The vault file does not show whether one is set. Changing the passphrase clears it.
Crossing makes no deniability claim: someone who copied the file first is not stopped by it.

  --duress-passphrase-file FILE  read the duress passphrase from FILE (else it is typed twice)
${UNLOCK_HELP}`,
  options: { ...unlockOptions, 'duress-passphrase-file': { type: 'string' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const unlock = await currentPassphrase(values);
    await withVault(
      vaultPath!,
      values,
      async (vault) => {
        const duress = await readNewPassphrase(values['duress-passphrase-file'], 'CROSSING_DURESS_PASSPHRASE');
        vault.setDuressPassphrase(unlock.passphrase, duress);
        printLine(`a duress passphrase is set for ${vaultPath}`);
      },
      { unlock },
    );
  },
});

export const duressClearCommand = defineCommand({
  name: ['duress', 'clear'],
  summary: 'clear the duress passphrase',
  usage: 'VAULT [--passphrase-file FILE]',
  help: `Clears the duress passphrase (its slot is filled with random bytes again).

${UNLOCK_HELP}`,
  options: { ...unlockOptions },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const unlock = await currentPassphrase(values);
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        vault.clearDuressPassphrase(unlock.passphrase);
        printLine(`no duress passphrase is set for ${vaultPath}`);
      },
      { unlock },
    );
  },
});

export const wipeAfterCommand = defineCommand({
  name: ['wipe-after'],
  summary: 'erase the vault after 5, 10 or 20 failed unlocks in a row (or off)',
  usage: 'VAULT off|5|10|20',
  help: `After this many wrong passphrases (or recovery keys) in a row, in the app or any command, the
vault is erased. The count survives restarts and a good unlock resets it; the last three attempts
are announced. This stops a guesser at the keyboard, not someone who copied the file first.

${UNLOCK_HELP}`,
  options: { ...unlockOptions },
  positionals: ['VAULT', 'LIMIT'],
  async run(values, [vaultPath, limit]) {
    const wipeAfter = (limit === 'off' ? 0 : Number(limit)) as WipeAfter;
    if (!(WIPE_AFTER_CHOICES as readonly number[]).includes(wipeAfter)) {
      throw usageError(`the limit must be off, 5, 10 or 20 (not ${limit})`, 'commandLine');
    }
    await withVault(vaultPath!, values, (vault) => {
      vault.setWipeAfter(wipeAfter);
      printLine(
        wipeAfter === 0
          ? `${vaultPath} is never erased after failed unlocks`
          : `${vaultPath} is erased after ${wipeAfter} failed unlocks in a row`,
      );
    });
  },
});

export const recoverySplitCommand = defineCommand({
  name: ['recovery', 'split'],
  summary: 'replace the recovery key by shares for trusted people (2 of 3 by default)',
  usage: 'VAULT [--shares N] [--threshold K] --out-dir DIR [--json]',
  help: `Makes a new recovery secret, split into N shares of which any K open the vault (Shamir's
scheme), and writes one printable file per share into DIR (created if missing). Give each share to
a different person the network trusts. The previous recovery key and any earlier shares stop
working. Unlock with them: crossing passwd VAULT --recovery-share FILE --recovery-share FILE.

  --shares N                 how many shares (2 to 10; default 3)
  --threshold K              how many open the vault (2 to N; default 2)
  --out-dir DIR              where the share files are written (never over a file)
  --json                     print the set and the files written as JSON
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    shares: { type: 'string' },
    threshold: { type: 'string' },
    'out-dir': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const count = Number(values.shares ?? 3);
    const threshold = Number(values.threshold ?? 2);
    const outDir = values['out-dir'];
    if (!outDir) throw usageError('give --out-dir DIR: each share is written to a file of its own', 'commandLine');
    await withVault(vaultPath!, values, async (vault) => {
      fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
      const files: string[] = [];
      // The files are written before the vault drops its old recovery key: if one cannot be written,
      // those written are removed and nothing has changed.
      let shares: RecoveryShare[];
      try {
        shares = await vault.splitRecovery(count, threshold, (made) => {
          for (const share of made) {
            const name = `crossing-recovery-share-${share.setId}-${share.number}-of-${share.count}.txt`;
            const file = path.join(outDir, name);
            writeFileAtomically(file, printableShare(share, path.basename(vaultPath!)));
            files.push(file);
            fs.chmodSync(file, 0o600);
          }
        });
      } catch (error) {
        for (const file of files) fs.rmSync(file, { force: true });
        throw error;
      }
      if (values.json) {
        printJson({ setId: shares[0]!.setId, threshold, count, files });
        return;
      }
      printLine(`the recovery key of ${vaultPath} is replaced by ${count} shares of set ${shares[0]!.setId}:`);
      for (const file of files) printLine(`  ${file}`);
      printLine(`any ${threshold} of them open the vault; the old recovery key no longer does`);
    });
  },
});

/** One share as a page to print and hand over. */
export function printableShare(share: RecoveryShare, vaultName: string): string {
  return `Crossing recovery share ${share.number} of ${share.count}

Set: ${share.setId}
Vault: ${vaultName}

Any ${share.threshold} of the ${share.count} shares of this set open the vault without its
passphrase. Keep this page safe and apart from the other shares; never keep two together.

Share: ${share.text}
`;
}

export const seizureCommands = [
  eraseCommand,
  duressSetCommand,
  duressClearCommand,
  wipeAfterCommand,
  recoverySplitCommand,
];
