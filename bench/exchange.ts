import fs from 'node:fs';
import path from 'node:path';
import { generateDemoOps } from '../shared/demo/generate.js';
import { addContact, myKeyCard } from '../shared/exchange/contacts.js';
import { exportCases } from '../shared/exchange/exportCases.js';
import { importSealedFile } from '../shared/exchange/importSealedFile.js';
import { Vault } from '../shared/vault/vault.js';
import { fixed, mark, mb, settle, timed } from './measure.js';
import type { BenchModule, Section } from './types.js';

/**
 * Sealed exchange: export of N demo cases (with their whole history) from one vault and import
 * into another, real files on disk. Targets for 10,000 cases: under 2 s each, and the file under
 * 1.3x the plaintext bundle (padding + age overhead).
 */
const TARGET = { cases: 10_000, exportMs: 2000, importMs: 2000, sizeRatio: 1.3 };
const PASSPHRASE = 'bench passphrase, not a secret';

interface Row {
  cases: number;
  ops: number;
  exportMs: number;
  exportCpuMs: number;
  previewMs: number;
  importMs: number;
  importCpuMs: number;
  fileBytes: number;
  bundleBytes: number;
}

/** CPU time of this process: on a machine shared with other work, it says what wall time cannot. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function timedWithCpu<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  settle();
  const cpu = cpuMs();
  const { value, ms } = await timed(work);
  return { value, ms, cpu: cpuMs() - cpu };
}

async function measure(count: number, dir: string, log: (m: string) => void): Promise<Row> {
  const make = async (name: string) =>
    (
      await Vault.create(path.join(dir, `${name}-${count}.crossing-vault`), {
        passphrase: PASSPHRASE,
        kdf: 'interactive',
        displayName: name,
      })
    ).vault;
  const sender = await make('Sender');
  const receiver = await make('Receiver');
  addContact(sender, myKeyCard(receiver), { verified: true });
  addContact(receiver, myKeyCard(sender), { verified: true });
  log(`${count}: generating and committing demo cases`);
  const ops = generateDemoOps({
    count,
    seed: 7,
    author: sender.me.fingerprint,
    device: 'e0e0e0e0e0e0e0e0',
    now: Date.now(),
  });
  sender.commitOps(ops);
  const file = path.join(dir, `export-${count}.crossing`);

  log(`${count}: export`);
  const exported = await timedWithCpu(() => exportCases(sender, { to: ['Receiver'], cases: 'all', outFile: file }));
  log(`${count}: preview`);
  const preview = await timedWithCpu(() => importSealedFile(receiver, file, { dryRun: true }));
  log(`${count}: import`);
  const imported = await timedWithCpu(() => importSealedFile(receiver, file));
  if (imported.value.newCases.length !== count || receiver.caseCount !== count) {
    throw new Error(`import of ${count} cases gave ${receiver.caseCount}`);
  }
  const fileBytes = fs.statSync(file).size;
  sender.lock();
  receiver.lock();
  return {
    cases: count,
    ops: ops.length,
    exportMs: exported.ms,
    exportCpuMs: exported.cpu,
    previewMs: preview.ms,
    importMs: imported.ms,
    importCpuMs: imported.cpu,
    fileBytes,
    bundleBytes: exported.value.plaintextBytes,
  };
}

export const exchangeBench: BenchModule = {
  name: 'exchange',
  async run({ sizes, workDir, log }) {
    // An export is carried by hand and imports refuse files over 256 MiB: 100,000 cases in one file
    // (~230 MB) is not a file anyone carries, so the exchange is measured up to 10,000.
    const rows: Row[] = [];
    for (const count of sizes.filter((n) => n <= TARGET.cases)) rows.push(await measure(count, workDir, log));
    const target = rows.find((r) => r.cases === TARGET.cases);
    const notes = [
      'Export: every op of every case, JSON, Ed25519 signature (libsodium), Padmé padding, age X25519 encryption, atomic write.',
      'Import: size check, age header check (no scrypt), decryption, signature, sender, recipients, sequence, every op validated, merge in one transaction. Preview runs the same checks and a dry fold, writing nothing.',
      'CPU ms: time this process spent on the CPU in that phase. When the machine is busy with other work (see the load average above) wall time grows; CPU time stays near what an idle machine shows.',
      'Size: the .crossing file against the plaintext bundle JSON it carries (padded to a Padmé bucket of at least 16 KiB, plus age overhead).',
    ];
    if (target) {
      notes.push(
        `Target for ${TARGET.cases} cases: export under ${TARGET.exportMs} ms — ${mark(target.exportMs < TARGET.exportMs)}; import under ${TARGET.importMs} ms — ${mark(target.importMs < TARGET.importMs)}; file under ${TARGET.sizeRatio}x the bundle — ${mark(target.fileBytes / target.bundleBytes < TARGET.sizeRatio)}.`,
      );
    }
    const section: Section = {
      title: 'Sealed export and import',
      tables: [
        {
          columns: [
            'cases',
            'ops',
            'export ms',
            'export CPU ms',
            'preview ms',
            'import ms',
            'import CPU ms',
            'bundle MiB',
            'file MiB',
            'file / bundle',
          ],
          rows: rows.map((r) => [
            r.cases,
            r.ops,
            fixed(r.exportMs, 0),
            fixed(r.exportCpuMs, 0),
            fixed(r.previewMs, 0),
            fixed(r.importMs, 0),
            fixed(r.importCpuMs, 0),
            mb(r.bundleBytes),
            mb(r.fileBytes),
            fixed(r.fileBytes / r.bundleBytes, 3),
          ]),
        },
      ],
      notes,
    };
    return [section];
  },
};
