import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { usageError } from '../../shared/errors.js';
import { DEMO_COUNT_DEFAULT, generateDemoOps } from '../../shared/demo/generate.js';
import type { Op } from '../../shared/oplog/ops.js';
import type { Vault } from '../../shared/vault/vault.js';
import { isInterruptedCreation } from '../../shared/vault/vaultFiles.js';
import { defineCommand } from '../command.js';
import { createVault } from '../createVault.js';
import { KDF_HELP, parseKdfLevel } from '../kdfOption.js';
import { openVault } from '../openVault.js';
import { printLine } from '../output.js';
import { progressLine } from '../progress.js';
import { ENV, UNLOCK_HELP, unlockOptions } from '../secrets.js';

const MAX_CASES = 1_000_000;
/** Ops per write inside the one transaction: small enough for a lively progress line. */
const OPS_PER_CHUNK = 2_000;

export const demoCommand = defineCommand({
  name: ['demo'],
  summary: 'fill a vault with realistic, invented cases (for training and trying things out)',
  usage: 'VAULT [--cases N] [--seed S] [--name NAME] [--kdf LEVEL] [--passphrase-file FILE]',
  help: `Adds N invented cases with their whole history: Russian and transliterated names, every passport
status, about 130 of 150 people abroad. Creates the vault if VAULT does not exist (your name is asked,
or taken from --name or ${ENV.name}; the new passphrase is asked twice, or read from --passphrase-file
or ${ENV.passphrase}) and then prints its recovery key.
The same seed gives the same cases; it is printed so a demo can be made again.

  --cases N                  how many cases (default ${DEMO_COUNT_DEFAULT})
  --seed S                   a whole number from 0 to 4294967295 (default: random)
  --name NAME                a new vault's name on its key card, as colleagues will see it
${KDF_HELP}
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    cases: { type: 'string' },
    seed: { type: 'string' },
    name: { type: 'string' },
    kdf: { type: 'string' },
  },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const count = parseWholeNumber('--cases', values.cases, 1, MAX_CASES) ?? DEMO_COUNT_DEFAULT;
    const seed = parseWholeNumber('--seed', values.seed, 0, 0xffffffff) ?? randomInt(0, 0xffffffff);
    const kdf = parseKdfLevel(values.kdf);
    // An init or demo killed before its vault was in place left an empty reservation: made again.
    const isNew = !fs.existsSync(vaultPath!) || isInterruptedCreation(path.resolve(vaultPath!));
    // A vault keeps the name it was made with: --name on one that exists would be silently lost.
    if (!isNew && values.name !== undefined)
      throw usageError(`--name names a new vault, and ${vaultPath} already exists`, 'commandLine');
    let vault: Vault;
    if (isNew)
      ({ vault } = await createVault(vaultPath!, {
        passphraseFile: values['passphrase-file'],
        kdf,
        displayName: values.name,
      }));
    else vault = await openVault(vaultPath!, values);
    try {
      const ops = generateDemoOps({ count, seed, author: vault.me.fingerprint, device: vault.device, now: Date.now() });
      // Only ops not already held: the same seed twice adds nothing rather than duplicates.
      const held = new Map<string, Set<string>>();
      const fresh = ops.filter((op) => {
        let ids = held.get(op.caseId);
        if (!ids) held.set(op.caseId, (ids = vault.heldOpIds(op.caseId)));
        return !ids.has(op.id);
      });
      // Written case by case, so that each case's ops sit together in the vault's segments.
      fresh.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
      const before = vault.caseCount;
      writeWithProgress(vault, fresh);
      printLine(`added ${vault.caseCount - before} invented cases (seed ${seed}); the vault holds ${vault.caseCount}`);
    } finally {
      vault.lock();
    }
  },
});

/** One transaction (all or nothing), written in chunks so that a terminal sees it advance. */
function writeWithProgress(vault: Vault, ops: readonly Op[]): void {
  const progress = progressLine('writing', 'ops');
  try {
    vault.transaction(() => {
      for (let start = 0; start < ops.length; start += OPS_PER_CHUNK) {
        vault.commitOps(ops.slice(start, start + OPS_PER_CHUNK));
        progress.update(Math.min(start + OPS_PER_CHUNK, ops.length), ops.length);
      }
    });
  } finally {
    progress.finish();
  }
}

function parseWholeNumber(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw usageError(`${option} must be a whole number from ${min} to ${max}`, 'commandLine');
  return n;
}
