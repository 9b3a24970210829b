import { getCiphers, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import {
  chachaBackend,
  chachaBackends,
  nativeChaChaWorks,
  type ChaChaBackend,
} from '../shared/crypto/chacha20poly1305.js';
import { loadSodium } from '../shared/crypto/sodium.js';
import { simulateBoringSsl } from '../shared/crypto/testing/simulateBoringSsl.js';
import { generateDemoOps } from '../shared/demo/generate.js';
import { addContact, myKeyCard } from '../shared/exchange/contacts.js';
import { exportCases } from '../shared/exchange/exportCases.js';
import { importSealedFile } from '../shared/exchange/importSealedFile.js';
import { decryptAgeFile } from '../shared/exchange/seal.js';
import { Vault } from '../shared/vault/vault.js';
import { fixed, mark, mb, median, settle, timed } from './measure.js';
import type { BenchModule, Section } from './types.js';

/**
 * CROSSING_BENCH_SIMULATE_BORINGSSL=1 runs this module as inside Electron: node:crypto loses
 * chacha20-poly1305 (the test simulation), so imports decrypt with the libsodium fallback. Read here
 * only; the layer picks its backend on first use, which comes after this.
 */
const SIMULATED_BORINGSSL = process.env.CROSSING_BENCH_SIMULATE_BORINGSSL === '1';
if (SIMULATED_BORINGSSL) simulateBoringSsl();

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
      'Export: every op of every case, JSON, Ed25519 signature (libsodium), Padmé padding, age X25519 encryption written as a stream, atomic write.',
      'Import: size check, age header check (no scrypt), decryption, signature, sender, recipients, sequence, every op validated, merge in one transaction. Preview runs the same checks and a dry fold, writing nothing.',
      'CPU ms: time this process spent on the CPU in that phase. When the machine is busy with other work (see the load average above) wall time grows; CPU time stays near what an idle machine shows.',
      'Size: the .crossing file against the plaintext bundle JSON it carries (padded to a Padmé bucket of at least 16 KiB, plus age overhead).',
      `Payload encryption (export) and decryption (preview, import): ${chachaBackend()} ChaCha20-Poly1305${SIMULATED_BORINGSSL ? " (Electron's BoringSSL simulated)" : ''}, chunk by chunk; the age header comes from the age library.`,
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
    log('payload decryption, 20 MiB');
    return [section, await payloadDecryptionSection()];
  },
};

/** ChaCha20-Poly1305 throughput, the part of an import that depends on the platform's crypto. */
const PAYLOAD_BYTES = 20 * 1024 * 1024;
const CHUNK = 64 * 1024;
const RUNS = 5;

const megabytesPerSecond = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

async function medianMs(work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    settle();
    times.push((await timed(work)).ms);
  }
  return median(times);
}

/** Opens 20 MiB of 64 KiB chunks with one backend, as age's STREAM does. */
async function chunkOpenRow(backend: ChaChaBackend): Promise<(string | number)[]> {
  if (backend === 'native' && !nativeChaChaWorks()) return ['AEAD open, 64 KiB chunks', backend, 'unavailable', '—'];
  const aead = chachaBackends[backend];
  const key = randomBytes(32);
  const nonce = randomBytes(12);
  const sealed = Array.from({ length: PAYLOAD_BYTES / CHUNK }, () => aead.seal(key, nonce, randomBytes(CHUNK)));
  const ms = await medianMs(() => {
    for (const chunk of sealed) if (aead.open(key, nonce, chunk) === null) throw new Error('a chunk did not open');
  });
  return ['AEAD open, 64 KiB chunks', backend, fixed(ms, 1), fixed(megabytesPerSecond(PAYLOAD_BYTES, ms), 0)];
}

/** A whole age file (header, X25519, HKDF, STREAM) through the decrypt layer an import uses. */
async function ageFileRow(): Promise<(string | number)[]> {
  const identity = await generateX25519Identity();
  const encrypter = new Encrypter();
  encrypter.addRecipient(await identityToRecipient(identity));
  const file = await encrypter.encrypt(randomBytes(PAYLOAD_BYTES));
  const ms = await medianMs(() => decryptAgeFile(file, identity));
  return ['decryptAgeFile, whole file', chachaBackend(), fixed(ms, 1), fixed(megabytesPerSecond(PAYLOAD_BYTES, ms), 0)];
}

async function payloadDecryptionSection(): Promise<Section> {
  await loadSodium();
  const rows = [await chunkOpenRow('native'), await chunkOpenRow('libsodium'), await ageFileRow()];
  return {
    title: 'Payload decryption (ChaCha20-Poly1305, 20 MiB)',
    tables: [{ columns: ['what', 'backend', `median ms (${RUNS} runs)`, 'MB/s'], rows }],
    notes: [
      `Backend in use: ${chachaBackend()}${SIMULATED_BORINGSSL ? " (Electron's BoringSSL simulated: CROSSING_BENCH_SIMULATE_BORINGSSL=1)" : ''}; node:crypto lists chacha20-poly1305: ${getCiphers().includes('chacha20-poly1305') ? 'yes' : 'no'}.`,
      'Inside Electron node:crypto has no chacha20-poly1305 (BoringSSL), so imports decrypt with libsodium there; run with CROSSING_BENCH_SIMULATE_BORINGSSL=1 to measure that.',
      'MB/s counts 10^6 bytes of plaintext a second.',
    ],
  };
}
