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
  previewMs: number;
  importMs: number;
  fileBytes: number;
  bundleBytes: number;
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

  settle();
  log(`${count}: export`);
  const { value: exported, ms: exportMs } = await timed(() =>
    exportCases(sender, { to: ['Receiver'], cases: 'all', outFile: file }),
  );
  settle();
  log(`${count}: preview`);
  const { ms: previewMs } = await timed(() => importSealedFile(receiver, file, { dryRun: true }));
  settle();
  log(`${count}: import`);
  const { value: report, ms: importMs } = await timed(() => importSealedFile(receiver, file));
  if (report.newCases.length !== count || receiver.caseCount !== count) {
    throw new Error(`import of ${count} cases gave ${receiver.caseCount}`);
  }
  const fileBytes = fs.statSync(file).size;
  sender.lock();
  receiver.lock();
  return {
    cases: count,
    ops: ops.length,
    exportMs,
    previewMs,
    importMs,
    fileBytes,
    bundleBytes: exported.plaintextBytes,
  };
}

export const exchangeBench: BenchModule = {
  name: 'exchange',
  async run({ sizes, workDir, log }) {
    const rows: Row[] = [];
    for (const count of sizes) rows.push(await measure(count, workDir, log));
    const target = rows.find((r) => r.cases === TARGET.cases);
    const notes = [
      'Export: fold-free read of every op, JSON, Ed25519 signature (libsodium), Padmé padding, age X25519 encryption, atomic write.',
      'Import: size check, age header check (no scrypt), decryption, signature, sender, recipients, sequence, every op validated, merge in one transaction. Preview runs the same checks and a dry fold.',
      'Size: the .crossing file against the plaintext bundle JSON it carries (padding to a Padmé bucket, at least 16 KiB, plus age overhead).',
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
          columns: ['cases', 'ops', 'export ms', 'preview ms', 'import ms', 'bundle MiB', 'file MiB', 'file / bundle'],
          rows: rows.map((r) => [
            r.cases,
            r.ops,
            fixed(r.exportMs, 0),
            fixed(r.previewMs, 0),
            fixed(r.importMs, 0),
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
