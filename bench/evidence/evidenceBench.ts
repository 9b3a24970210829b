import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveCopy } from '../../shared/evidence/saveCopy.js';
import { introduce } from '../../shared/exchange/testing/fixtures.js';
import { Vault } from '../../shared/vault/vault.js';
import { fixed, mark, mb, settle, timed } from '../measure.js';
import type { BenchModule, Section } from '../types.js';

const ADD_ONCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'addFilesOnce.js');
const EXCHANGE_ONCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exchangeFilesOnce.js');
const MiB = 1024 * 1024;

/** Random bytes in a file, written in 8 MiB pieces (never whole in memory). */
function randomFile(target: string, bytes: number): string {
  const fd = fs.openSync(target, 'w');
  for (let left = bytes; left > 0; left -= 8 * MiB) fs.writeSync(fd, crypto.randomBytes(Math.min(left, 8 * MiB)));
  fs.closeSync(fd);
  return target;
}

interface AgeTimes {
  encryptMs: number;
  decryptMs: number;
  /** The same, with the output file fsynced before the clock stops, as Crossing's writes always are. */
  encryptSyncedMs: number;
  decryptSyncedMs: number;
}

/** Runs `age` on the file and returns its wall time, with or without an fsync of what it wrote. */
function timeAge(args: string[], output: string, synced: boolean): number {
  const start = performance.now();
  const run = spawnSync('age', args);
  if (run.status !== 0) throw new Error(`age failed: ${run.stderr}`);
  if (synced) {
    const fd = fs.openSync(output, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
  return performance.now() - start;
}

function ageTimes(dir: string, files: readonly string[]): AgeTimes {
  const key = path.join(dir, 'age.key');
  if (!fs.existsSync(key)) spawnSync('age-keygen', ['-o', key]);
  const recipient = spawnSync('age-keygen', ['-y', key], { encoding: 'utf8' }).stdout.trim();
  const times: AgeTimes = { encryptMs: 0, decryptMs: 0, encryptSyncedMs: 0, decryptSyncedMs: 0 };
  for (const synced of [false, true]) {
    for (const file of files) {
      const encrypted = `${file}.age`;
      const decrypted = `${file}.out`;
      const encryptMs = timeAge(['-r', recipient, '-o', encrypted, file], encrypted, synced);
      const decryptMs = timeAge(['-d', '-i', key, '-o', decrypted, encrypted], decrypted, synced);
      if (synced) {
        times.encryptSyncedMs += encryptMs;
        times.decryptSyncedMs += decryptMs;
      } else {
        times.encryptMs += encryptMs;
        times.decryptMs += decryptMs;
      }
      fs.rmSync(encrypted);
      fs.rmSync(decrypted);
    }
  }
  return times;
}

interface ExchangeMeasure {
  openRss: number;
  maxRss: number;
  ms: number;
  bytes: number;
}

function runOnce(mode: 'export' | 'import', vaultFile: string, target: string, recoveryKey: string): ExchangeMeasure {
  const child = spawnSync(process.execPath, ['--expose-gc', EXCHANGE_ONCE, mode, vaultFile, target], {
    input: recoveryKey,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`exchangeFilesOnce ${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ExchangeMeasure;
}

/** The 150 cases the memory targets are measured above. */
function addOpenCases(vault: Vault): void {
  vault.addCases(Array.from({ length: 150 }, (_, i) => ({ alias: `case ${i}`, notes: ['x'.repeat(400)] })));
}

/** Alice's case carrying `count` files of `size` bytes, exported to Bob and imported by him. */
export async function exchangeInChildren(
  dir: string,
  count: number,
  size: number,
): Promise<{ exported: ExchangeMeasure; imported: ExchangeMeasure }> {
  fs.mkdirSync(dir, { recursive: true });
  const make = (name: string) =>
    Vault.create(path.join(dir, `${name}.crossing-vault`), {
      passphrase: 'bench passphrase for evidence',
      kdf: 'interactive',
      displayName: name,
    });
  const [alice, bob] = [await make('Alice'), await make('Bob')];
  introduce(alice.vault, bob.vault);
  // Both vaults as the target says: 150 open cases beside the one carrying the files.
  for (const side of [alice, bob]) addOpenCases(side.vault);
  const kase = alice.vault.addCase({ alias: 'carrying files' }).id;
  for (let i = 0; i < count; i++) {
    const input = randomFile(path.join(dir, `x-${i}.bin`), size);
    alice.vault.addFile(kase, input, { maxBytes: 1024 * MiB });
    fs.rmSync(input);
  }
  alice.vault.lock();
  bob.vault.lock();
  const sealed = path.join(dir, 'x.crossing');
  try {
    const exported = runOnce('export', alice.vault.path, sealed, alice.recoveryKey);
    const imported = runOnce('import', bob.vault.path, sealed, bob.recoveryKey);
    return { exported, imported };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Evidence files: add and get throughput beside Debian's `age` on the same bytes in the same run,
 * peak memory while adding 500 MB above an open 150-case vault (in a separate process), and the
 * export and import of a case carrying files.
 */
export const evidenceBench: BenchModule = {
  name: 'evidence',
  async run({ workDir, log }) {
    const sections: Section[] = [];
    const rows: (string | number)[][] = [];
    let worstRatio = Infinity;
    let worstSyncedRatio = Infinity;
    for (const [label, count, size] of [
      ['1 file of 200 MB', 1, 200 * MiB],
      ['50 scans of 2 MB', 50, 2 * MiB],
    ] as const) {
      log(`${label}: writing the input`);
      const files = Array.from({ length: count }, (_, i) => randomFile(path.join(workDir, `in-${i}.bin`), size));
      const vaultFile = path.join(workDir, `${count}.crossing-vault`);
      const { vault } = await Vault.create(vaultFile, {
        passphrase: 'bench passphrase for evidence',
        kdf: 'interactive',
        displayName: 'Bench',
      });
      const caseId = vault.addCase({ alias: 'bench' }).id;
      settle();
      log(`${label}: adding`);
      const add = await timed(() => files.map((f) => vault.addFile(caseId, f, { maxBytes: 1024 * MiB }).id));
      log(`${label}: getting`);
      const get = await timed(() =>
        add.value.forEach((id, i) => saveCopy(vault.readFile(id), path.join(workDir, `out-${i}.bin`))),
      );
      const vaultBytes =
        fs.statSync(vaultFile).size + (fs.statSync(`${vaultFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);
      vault.lock();
      for (let i = 0; i < count; i++) fs.rmSync(path.join(workDir, `out-${i}.bin`));
      log(`${label}: age`);
      const age = ageTimes(workDir, files);
      const total = count * size;
      const rate = (ms: number) => total / MiB / (ms / 1000);
      worstRatio = Math.min(worstRatio, rate(add.ms) / rate(age.encryptMs), rate(get.ms) / rate(age.decryptMs));
      worstSyncedRatio = Math.min(
        worstSyncedRatio,
        rate(add.ms) / rate(age.encryptSyncedMs),
        rate(get.ms) / rate(age.decryptSyncedMs),
      );
      rows.push([
        label,
        fixed(rate(add.ms)),
        fixed(rate(age.encryptMs)),
        fixed(rate(age.encryptSyncedMs)),
        fixed(rate(get.ms)),
        fixed(rate(age.decryptMs)),
        fixed(rate(age.decryptSyncedMs)),
        fixed(vaultBytes / total, 3),
      ]);
      for (const f of files) fs.rmSync(f);
      fs.rmSync(vaultFile, { force: true });
    }
    sections.push({
      title: 'Evidence files: add and get beside age',
      tables: [
        {
          columns: [
            'input',
            'add MB/s',
            'age encrypt MB/s',
            'age encrypt + fsync MB/s',
            'get MB/s',
            'age -d MB/s',
            'age -d + fsync MB/s',
            'vault ÷ content',
          ],
          rows,
        },
      ],
      notes: [
        'add = `vault.addFile` (read, SHA-256, seal 64 KiB chunks, one transaction); get = `saveCopy(vault.readFile())` to a file, every chunk authenticated.',
        "age = Debian's `age` encrypting and decrypting the same files to and from disk, in the same run; `+ fsync` stops the clock only once its output is on disk, as an add (one committed transaction) and a saved copy always are.",
        `Target: at least half of age's throughput. Against age with fsync: ${mark(worstSyncedRatio >= 0.5)} (worst ratio ${fixed(worstSyncedRatio, 2)}); against age leaving its output in the page cache: ${mark(worstRatio >= 0.5)} (worst ratio ${fixed(worstRatio, 2)}).`,
      ],
    });

    // Peak memory while adding 500 MB (5 × 100 MB) above an open 150-case vault, in its own process.
    log('memory: 150 cases, then 500 MB of files');
    const base = path.join(workDir, 'memory.crossing-vault');
    const created = await Vault.create(base, {
      passphrase: 'bench passphrase for evidence',
      kdf: 'interactive',
      displayName: 'Bench',
    });
    addOpenCases(created.vault);
    created.vault.lock();
    const inputs = Array.from({ length: 5 }, (_, i) => randomFile(path.join(workDir, `m-${i}.bin`), 100 * MiB));
    const child = spawnSync(process.execPath, [ADD_ONCE, base, ...inputs], {
      input: created.recoveryKey,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`addFilesOnce failed: ${child.stderr}`);
    const memory = JSON.parse(child.stdout) as { openRss: number; peakRss: number; maxRss: number; ms: number };
    const above = memory.peakRss - memory.openRss;
    for (const f of inputs) fs.rmSync(f);

    // Export and import of a case carrying files, each in its own process: 200 MB (4 × 50 MB) for
    // the time, 500 MB (5 × 100 MB) for the memory target.
    const exchanges = [];
    for (const [label, count, size] of [
      ['200 MB in 4 files', 4, 50 * MiB],
      ['500 MB in 5 files', 5, 100 * MiB],
    ] as const) {
      log(`exchange: a case carrying ${label}`);
      exchanges.push({ label, ...(await exchangeInChildren(path.join(workDir, `exchange-${count}`), count, size)) });
    }
    const exchangeRows = exchanges.map(({ label, exported, imported }) => [
      label,
      fixed(exported.ms / 1000, 2),
      fixed(imported.ms / 1000, 2),
      mb(exported.bytes),
      mb(exported.maxRss - exported.openRss),
      mb(imported.maxRss - imported.openRss),
    ]);
    const big = exchanges[exchanges.length - 1]!;
    const exchangeAbove = Math.max(
      big.exported.maxRss - big.exported.openRss,
      big.imported.maxRss - big.imported.openRss,
    );

    sections.push({
      title: 'Evidence files: memory and exchange',
      tables: [
        {
          columns: [
            'adding 500 MB (5 × 100 MB) to a 150-case vault',
            'RSS open MB',
            'peak RSS MB',
            'above open MB',
            's',
          ],
          rows: [
            ['in a separate process', mb(memory.openRss), mb(memory.peakRss), mb(above), fixed(memory.ms / 1000, 1)],
          ],
        },
        {
          columns: [
            'case carrying',
            'export s',
            'import s',
            'file MB',
            'export: peak above open MB',
            'import: peak above open MB',
          ],
          rows: exchangeRows,
        },
      ],
      notes: [
        `Target: under 250 MB above the open vault while adding: ${mark(above < 250 * MiB)}.`,
        "Export and import each run in a separate process (`exchangeFilesOnce`): the vault opened, then one export of the case to a contact, or one import of that file (both passes: the checks, then the write). Peak = the kernel's maxRSS, minus the RSS of the open vault (an upper bound when opening peaked higher).",
        `Target: under 250 MB above the open vault while exporting and importing 500 MB of files: ${mark(exchangeAbove < 250 * MiB)}.`,
      ],
    });
    return sections;
  },
};
