import fs from 'node:fs';
import path from 'node:path';
import { generateDemoOps } from '../shared/demo/generate.js';
import { eraseVault } from '../shared/seizure/erase.js';
import { Vault } from '../shared/vault/vault.js';
import { fixed, mark, mb, median, timed } from './measure.js';
import type { BenchModule, Section } from './types.js';

/**
 * Issue 14, measured: the duress passphrase must answer as a wrong passphrase does, in the same time
 * (it erases first, then answers); and how long a quick erase takes as the vault grows.
 */
const PASSPHRASE = 'a long passphrase for the bench vault';
const DURESS = 'a quiet field of rye at dawn';
const ROUNDS = 15;

async function makeVault(file: string, cases: number, kdf: 'interactive' | 'moderate'): Promise<void> {
  const { vault } = await Vault.create(file, { passphrase: PASSPHRASE, kdf, displayName: 'Bench' });
  vault.commitOps(
    generateDemoOps({
      count: cases,
      seed: 1,
      author: vault.me.fingerprint,
      device: 'b0b0b0b0b0b0b0b0',
      now: Date.now(),
    }),
  );
  vault.setDuressPassphrase(PASSPHRASE, DURESS);
  vault.lock();
}

const copyVault = (from: string, to: string) => fs.copyFileSync(from, to);

/** Milliseconds from the call to the refusal, on a fresh copy of the vault (a duress attempt erases it). */
async function refusalTime(template: string, dir: string, passphrase: string): Promise<number> {
  const file = path.join(dir, 'attempt.crossing-vault');
  copyVault(template, file);
  const { ms } = await timed(() =>
    Vault.open(file, { passphrase }).then(
      () => Promise.reject(new Error('the bench vault opened')),
      () => 0,
    ),
  );
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return ms;
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

export const seizureBench: BenchModule = {
  name: 'seizure',
  async run({ workDir, sizes, log }) {
    const timing: (string | number)[][] = [];
    const verdicts: string[] = [];
    for (const kdf of ['interactive', 'moderate'] as const) {
      log(`duress vs wrong passphrase, ${kdf}`);
      const template = path.join(workDir, `template-${kdf}.crossing-vault`);
      await makeVault(template, 150, kdf);
      // Interleaved, so that a slow moment of the machine falls on both.
      const wrong: number[] = [];
      const duress: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        wrong.push(await refusalTime(template, workDir, 'not the passphrase at all'));
        duress.push(await refusalTime(template, workDir, DURESS));
      }
      const difference = median(duress) - median(wrong);
      const spread = quantile(wrong, 0.9) - quantile(wrong, 0.1);
      timing.push([
        kdf,
        fixed(median(wrong)),
        `${fixed(quantile(wrong, 0.1))} – ${fixed(quantile(wrong, 0.9))}`,
        fixed(median(duress)),
        `${fixed(quantile(duress, 0.1))} – ${fixed(quantile(duress, 0.9))}`,
        fixed(difference),
        fixed(median(duress) / median(wrong), 3),
      ]);
      verdicts.push(
        `${kdf}: duress − wrong = ${fixed(difference)} ms against a p10–p90 spread of ${fixed(spread)} ms among wrong attempts: ${mark(Math.abs(difference) <= Math.max(spread, 0.05 * median(wrong)))}`,
      );
    }

    const erase: (string | number)[][] = [];
    for (const cases of sizes.filter((n) => n <= 10_000)) {
      log(`erase, ${cases} cases`);
      const file = path.join(workDir, `erase-${cases}.crossing-vault`);
      await makeVault(file, cases, 'interactive');
      const bytes = fs.statSync(file).size;
      const { value: report, ms } = await timed(() => eraseVault(file, path.basename(file)));
      erase.push([
        cases,
        mb(bytes),
        fixed(ms),
        report.removed.length,
        String(fs.readdirSync(workDir).some((n) => n.startsWith(`erase-${cases}.`))),
      ]);
    }

    const section: Section = {
      title: 'If the laptop is taken: duress timing and quick erase',
      tables: [
        {
          columns: [
            'KDF',
            'wrong: median ms',
            'wrong: p10 – p90',
            'duress: median ms',
            'duress: p10 – p90',
            'duress − wrong ms',
            'duress ÷ wrong',
          ],
          rows: timing,
        },
        {
          columns: [
            'cases',
            'vault MB',
            'erase ms (keys destroyed, files overwritten and removed)',
            'files removed',
            'anything left',
          ],
          rows: erase,
        },
      ],
      notes: [
        `${ROUNDS} attempts each, interleaved, on fresh copies of a 150-case vault with a duress passphrase set: \`Vault.open\` from the call to its refusal. The duress attempt destroys the keys of its copy before it answers and overwrites and removes the files just after, so the answer does not wait on the vault's size.`,
        ...verdicts,
        'Erase = `eraseVault`: key wraps and records overwritten inside SQLite (secure_delete), WAL truncated, then every file overwritten with random bytes, fsynced and removed.',
      ],
    };
    return [section];
  },
};
