import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KDF_LEVEL, deriveKek, kdfParamsFor, SALT_BYTES } from '../../shared/crypto/kdf.js';
import { generateDemoOps } from '../../shared/demo/generate.js';
import type { Op } from '../../shared/oplog/ops.js';
import { Vault } from '../../shared/vault/vault.js';
import { fixed, mark, mb, median, settle, timed } from '../measure.js';
import type { BenchModule, Section } from '../types.js';
import {
  INFO_PRAGMAS,
  loadScript,
  parseInfo,
  queryScript,
  sqlString,
  type SqlcipherInfo,
  type TableLoad,
} from './sqlcipher.js';
import { hasGnuTime, isOnPath, runWholeProcess, type ProcessRun } from './wholeProcess.js';

/**
 * Crossing beside SQLCipher (issue "Crossing at scale"): the same generated cases, loaded into a
 * Crossing vault and into Debian's `sqlcipher`, then opened and searched by a whole process of
 * each, as a person would run it. Skipped, with a note, where `sqlcipher` is not installed.
 */
const PASSPHRASE = 'bench passphrase, not a secret';
const SEARCH = 'Ахмед';
const RUNS = 3;
const TARGET = { peakBytes: 400 * 1024 * 1024, sizeRatio: 2 };
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CROSSING_BIN = path.join(HERE, '..', '..', '..', 'bin', 'crossing.js');
const KDF_ONCE = path.join(HERE, 'kdfOnce.js');
const TITLE = 'Crossing beside SQLCipher (same cases)';

interface Load {
  ms: number;
  bytes: number;
}

interface Runs {
  ms: number[];
  cpuMs: (number | null)[];
  rssBytes: (number | null)[];
  matches: number | null;
}

type System = 'summaries' | 'cases' | 'history' | 'passphrase' | 'recoveryKey' | 'startup';

interface Row {
  cases: number;
  ops: number;
  generateMs: number;
  crossing: Load;
  summaries: Load;
  full: Load;
  withHistory: Load;
  /** Argon2id at the default level: the first call in a fresh process (median of 3), and warm. */
  kdf: { coldMs: number; coldCpuMs: number; warmCpuMs: number; coldRssBytes: number };
  /** PBKDF2 at SQLCipher's default digest and count, CPU time in this process (an estimate). */
  sqlcipherKdfCpuMs: number;
  search: Record<System, Runs>;
}

const fileBytes = (file: string) =>
  ['', '-wal', '-journal'].reduce((sum, s) => sum + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);

const docsTable = (docs: readonly (readonly [string, string])[]): TableLoad => ({
  name: 'cases',
  columns: ['id TEXT PRIMARY KEY', 'doc TEXT NOT NULL'],
  rows: docs,
});

const opsTable = (ops: readonly Op[]): TableLoad => ({
  name: 'ops',
  columns: ['id TEXT PRIMARY KEY', 'case_id TEXT NOT NULL', 'op TEXT NOT NULL'],
  rows: (function* () {
    for (const op of ops) yield [op.id, op.caseId, JSON.stringify(op)];
  })(),
  // A case's history is read by its id: without this index every history would be a full scan.
  after: ['CREATE INDEX ops_case ON ops(case_id)'],
});

async function loadSqlcipher(file: string, tables: TableLoad[]): Promise<Load> {
  const run = await runWholeProcess('sqlcipher', [file], { input: loadScript(PASSPHRASE, tables) });
  return { ms: run.ms, bytes: fileBytes(file) };
}

const SEARCH_SQL = `SELECT count(*) FROM cases WHERE doc LIKE ${sqlString(`%${SEARCH}%`)};`;

async function sqlcipherSearch(file: string, rssFile: string | null): Promise<{ run: ProcessRun; matches: number }> {
  const run = await runWholeProcess('sqlcipher', [file], { input: [queryScript(PASSPHRASE, SEARCH_SQL)], rssFile });
  return { run, matches: Number(run.stdout.trim()) };
}

/** The real command, as a caseworker runs it; the secret from a file, as the CLI takes it non-interactively. */
async function crossingRun(args: string[], rssFile: string | null): Promise<ProcessRun> {
  const env = { ...process.env };
  delete env.CROSSING_PASSPHRASE;
  delete env.CROSSING_RECOVERY_KEY;
  return runWholeProcess(process.execPath, [CROSSING_BIN, ...args], { rssFile, env });
}

async function crossingSearch(
  vault: string,
  unlock: ['--passphrase-file' | '--recovery-key-file', string],
  rssFile: string | null,
): Promise<{ run: ProcessRun; matches: number }> {
  const run = await crossingRun(['case', 'list', vault, '--search', SEARCH, ...unlock], rssFile);
  const last = run.stdout.trimEnd().split('\n').pop() ?? '';
  const counted = /^(\d+) of \d+ cases$/.exec(last);
  if (!counted && !last.startsWith('no cases match')) throw new Error(`unexpected last line from crossing: ${last}`);
  return { run, matches: counted ? Number(counted[1]) : 0 };
}

function kdfInFreshProcess(): { ms: number; cpuMs: number; maxRssBytes: number } {
  const child = spawnSync(process.execPath, [KDF_ONCE], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`kdfOnce failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { ms: number; cpuMs: number; maxRssBytes: number };
}

/** The median CPU time of a single-threaded call: what it costs, whatever else shares the cores. */
function medianCpuMs(work: () => void, runs = RUNS): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    ms.push((used.user + used.system) / 1000);
  }
  return median(ms);
}

type SqlcipherFiles = Record<'summaries' | 'cases' | 'history', string>;

/**
 * Fills the Crossing vault and the three SQLCipher files with the same cases; the generated ops and
 * the JSON documents die with this call, so the measured processes start on a level machine.
 */
async function createAndLoad(count: number, vaultFile: string, files: SqlcipherFiles, log: (m: string) => void) {
  log(`${count}: Crossing vault, KDF ${DEFAULT_KDF_LEVEL} (the default of crossing init)`);
  settle();
  const now = Date.now();
  const { value: created, ms: createMs } = await timed(() =>
    Vault.create(vaultFile, { passphrase: PASSPHRASE, kdf: DEFAULT_KDF_LEVEL, displayName: 'Bench' }),
  );
  const { vault, recoveryKey } = created;
  log(`${count}: generating`);
  const { value: ops, ms: generateMs } = await timed(() =>
    generateDemoOps({ count, seed: 1, author: vault.me.fingerprint, device: 'b0b0b0b0b0b0b0b0', now }),
  );
  log(`${count}: committing ${ops.length} ops`);
  const { ms: commitMs } = await timed(() => vault.commitOps(ops));
  log(`${count}: reading the folded cases back`);
  const summaries: [string, string][] = [];
  const full: [string, string][] = [];
  for (const summary of vault.allCases()) {
    summaries.push([summary.id, JSON.stringify(summary)]);
    full.push([summary.id, JSON.stringify(vault.getCase(summary.id))]);
  }
  const { ms: lockMs } = await timed(() => vault.lock());
  const crossing = { ms: createMs + commitMs + lockMs, bytes: fileBytes(vaultFile) };

  log(`${count}: SQLCipher, case summaries`);
  settle();
  const summariesLoad = await loadSqlcipher(files.summaries, [docsTable(summaries)]);
  log(`${count}: SQLCipher, full cases`);
  settle();
  const fullLoad = await loadSqlcipher(files.cases, [docsTable(full)]);
  log(`${count}: SQLCipher, full cases + op history`);
  settle();
  const historyLoad = await loadSqlcipher(files.history, [docsTable(full), opsTable(ops)]);
  return {
    recoveryKey,
    ops: ops.length,
    generateMs,
    crossing,
    summaries: summariesLoad,
    full: fullLoad,
    withHistory: historyLoad,
  };
}

async function measureSize(
  count: number,
  dir: string,
  info: SqlcipherInfo,
  rssFile: string | null,
  log: (m: string) => void,
): Promise<Row> {
  const vaultFile = path.join(dir, `peer-${count}.crossing-vault`);
  const files: SqlcipherFiles = {
    summaries: path.join(dir, `peer-${count}-summaries.sqlcipher`),
    cases: path.join(dir, `peer-${count}-cases.sqlcipher`),
    history: path.join(dir, `peer-${count}-history.sqlcipher`),
  };
  const passFile = path.join(dir, 'passphrase');
  const recoveryFile = path.join(dir, 'recovery-key');
  fs.writeFileSync(passFile, PASSPHRASE, { mode: 0o600 });
  const { recoveryKey, ...loaded } = await createAndLoad(count, vaultFile, files, log);
  fs.writeFileSync(recoveryFile, recoveryKey, { mode: 0o600 });
  settle();

  log(`${count}: the KDFs alone`);
  const salt = crypto.randomBytes(SALT_BYTES);
  const warmCpuMs = medianCpuMs(() => deriveKek(PASSPHRASE, salt, kdfParamsFor(DEFAULT_KDF_LEVEL)));
  const cold = [kdfInFreshProcess(), kdfInFreshProcess(), kdfInFreshProcess()];
  const sqlcipherKdfCpuMs = medianCpuMs(() =>
    crypto.pbkdf2Sync(PASSPHRASE, salt, info.kdfIterations, 32, info.kdfDigest),
  );

  const noRuns = (): Runs => ({ ms: [], cpuMs: [], rssBytes: [], matches: null });
  const search: Record<System, Runs> = {
    summaries: noRuns(),
    cases: noRuns(),
    history: noRuns(),
    passphrase: noRuns(),
    recoveryKey: noRuns(),
    startup: noRuns(),
  };
  const record = (system: System, got: { run: ProcessRun; matches: number | null }) => {
    const into = search[system];
    into.ms.push(got.run.ms);
    into.cpuMs.push(got.run.cpuMs);
    into.rssBytes.push(got.run.maxRssBytes);
    if (into.ms.length > 1 && into.matches !== got.matches) throw new Error(`${system}: the match count changed`);
    into.matches = got.matches;
  };
  // Interleaved, so that a burst of other work on the machine falls on every system alike.
  for (let i = 0; i < RUNS; i++) {
    log(`${count}: open+search ${i + 1}/${RUNS}`);
    record('summaries', await sqlcipherSearch(files.summaries, rssFile));
    record('cases', await sqlcipherSearch(files.cases, rssFile));
    record('history', await sqlcipherSearch(files.history, rssFile));
    record('passphrase', await crossingSearch(vaultFile, ['--passphrase-file', passFile], rssFile));
    record('recoveryKey', await crossingSearch(vaultFile, ['--recovery-key-file', recoveryFile], rssFile));
    record('startup', { run: await crossingRun(['case', 'list', '--help'], rssFile), matches: null });
  }
  for (const file of [vaultFile, ...Object.values(files), passFile, recoveryFile]) fs.rmSync(file, { force: true });
  return {
    cases: count,
    ...loaded,
    kdf: {
      coldMs: median(cold.map((c) => c.ms)),
      coldCpuMs: median(cold.map((c) => c.cpuMs)),
      warmCpuMs,
      coldRssBytes: Math.max(...cold.map((c) => c.maxRssBytes)),
    },
    sqlcipherKdfCpuMs,
    search,
  };
}

const seconds = (ms: number) => fixed(ms / 1000, 2);
const peak = (r: Runs) => (r.rssBytes.some((b) => b === null) ? null : Math.max(...(r.rssBytes as number[])));
const peakCell = (r: Runs) => {
  const p = peak(r);
  return p === null ? '—' : mb(p);
};
const cpu = (r: Runs) => (r.cpuMs.some((c) => c === null) ? null : median(r.cpuMs as number[]));
const wallCell = (r: Runs) => `${seconds(median(r.ms))} (${r.ms.map(seconds).join(', ')})`;
const cpuCell = (r: Runs) => {
  const c = cpu(r);
  return c === null ? '—' : seconds(c);
};

const LABEL: Record<'summaries' | 'cases' | 'history', string> = {
  summaries: 'summaries',
  cases: 'full cases',
  history: 'full cases + history',
};

/** "met" or "MISSED" for Crossing's whole process against each SQLCipher file plus Crossing's KDF. */
function timeTarget(r: Row, measure: 'wall' | 'CPU'): string {
  const of = (runs: Runs) => (measure === 'wall' ? median(runs.ms) : cpu(runs));
  const crossing = of(r.search.passphrase);
  const kdf = measure === 'wall' ? r.kdf.coldMs : r.kdf.coldCpuMs;
  if (crossing === null) return `${measure}: not measured`;
  const against = (['cases', 'summaries', 'history'] as const).map((system) => {
    const peer = of(r.search[system])!;
    return `${mark(crossing <= peer + kdf)} against ${LABEL[system]} (${seconds(peer)} + ${seconds(kdf)} = ${seconds(peer + kdf)} s)`;
  });
  return `${measure} ${seconds(crossing)} s: ${against.join(', ')}`;
}

function section(rows: Row[], info: SqlcipherInfo, rssMeasured: boolean): Section {
  const sqlcipherKdf = `PBKDF2-HMAC-${info.kdfDigest.toUpperCase()}, ${info.kdfIterations.toLocaleString('en')} iterations`;
  const tableRows = rows.flatMap((r) => {
    const ratio = (bytes: number) => `${fixed(bytes / r.full.bytes, 2)} / ${fixed(bytes / r.withHistory.bytes, 2)}`;
    const sqlcipherRow = (system: 'summaries' | 'cases' | 'history', load: Load) => [
      r.cases,
      `SQLCipher, ${LABEL[system]}`,
      seconds(load.ms),
      mb(load.bytes),
      ratio(load.bytes),
      wallCell(r.search[system]),
      cpuCell(r.search[system]),
      `${seconds(r.sqlcipherKdfCpuMs)} (est.)`,
      r.search[system].matches ?? '',
      peakCell(r.search[system]),
    ];
    return [
      sqlcipherRow('summaries', r.summaries),
      sqlcipherRow('cases', r.full),
      sqlcipherRow('history', r.withHistory),
      [
        r.cases,
        `Crossing, passphrase (Argon2id ${DEFAULT_KDF_LEVEL})`,
        seconds(r.crossing.ms),
        mb(r.crossing.bytes),
        ratio(r.crossing.bytes),
        wallCell(r.search.passphrase),
        cpuCell(r.search.passphrase),
        `${seconds(r.kdf.coldMs)} / ${seconds(r.kdf.coldCpuMs)}`,
        r.search.passphrase.matches ?? '',
        peakCell(r.search.passphrase),
      ],
      [
        r.cases,
        'Crossing, recovery key',
        '″',
        '″',
        '″',
        wallCell(r.search.recoveryKey),
        cpuCell(r.search.recoveryKey),
        '0 (no KDF)',
        r.search.recoveryKey.matches ?? '',
        peakCell(r.search.recoveryKey),
      ],
      [
        r.cases,
        'Crossing, no vault (`case list --help`)',
        '',
        '',
        '',
        wallCell(r.search.startup),
        cpuCell(r.search.startup),
        '',
        '',
        peakCell(r.search.startup),
      ],
    ];
  });
  const notes = [
    `Same cases: \`generateDemoOps\` (seed 1) committed to a Crossing vault, then read back and piped into \`sqlcipher\` as one transaction of 100-row INSERTs into \`cases(id TEXT PRIMARY KEY, doc TEXT)\`: "summaries" = \`vault.allCases()\` as JSON (status fields and alias; no names, notes or contacts); "full cases" = \`vault.getCase\` of each (every name, contact, document, task and note: what Crossing's search looks in); "+ history" adds every op as JSON in \`ops(id TEXT PRIMARY KEY, case_id, op TEXT)\`, indexed by case: the full history a Crossing vault keeps.`,
    `SQLCipher ${info.version} (SQLite ${info.sqliteVersion}, ${info.provider}), Debian's package, at its defaults: \`PRAGMA key = '…'\` only, so ${sqlcipherKdf}, ${info.pageSize}-byte pages.${info.version.startsWith('3.') ? ' (SQLCipher 4 defaults would be PBKDF2-HMAC-SHA512 with 256,000 iterations and 4096-byte pages; Debian 12 ships 3.4.1.)' : ''}`,
    `load = Crossing: \`Vault.create\` (KDF ${DEFAULT_KDF_LEVEL}) + \`commitOps\` + \`lock\` (seals the index snapshot), the ops already generated (generation, not counted: ${rows.map((r) => `${seconds(r.generateMs)} s at ${r.cases.toLocaleString('en')}`).join(', ')}); SQLCipher: the \`sqlcipher\` process from spawn to exit, its SQL written by this process as it goes.`,
    `file = the database file (+ WAL or journal, if left). ÷ SQLCipher = this file against SQLCipher's full cases / full cases + history file.`,
    `open+search = a whole process, spawn to exit, ${RUNS} runs interleaved across the rows (each run in brackets), files in the page cache: \`sqlcipher FILE\` reading \`PRAGMA key = '…'; ${SEARCH_SQL}\` on stdin; \`node bin/crossing.js case list VAULT --search ${SEARCH}\` with \`--passphrase-file\` or \`--recovery-key-file\`, its list read through a pipe. "no vault" = the same node and CLI modules doing nothing (\`case list --help\`): the floor under every crossing command. CPU = user + system time of that process (median), which other work on the machine does not inflate as it does wall time.`,
    `matches: SQLite's LIKE finds the letters anywhere in the JSON (inside Ахмедович, Ахмедова too); Crossing's search finds the name in any spelling (Akhmed, Achmed, Ахмет) but, since its name matcher devoices a word's last letter (Ахмед → ahmat, Ахмедович → ahmadaviq), not at the start of a longer word such as the patronymic: the counts differ in meaning.`,
    `of which KDF = Crossing: \`deriveKek\` at ${DEFAULT_KDF_LEVEL} (libsodium's Argon2id, the vault's own call) as the first call in a fresh process (\`kdfOnce.js\`, median of ${RUNS}, wall / CPU; it first grows libsodium's wasm memory: that process peaks at ${rows.map((r) => mb(r.kdf.coldRssBytes)).join(', ')} MB); a repeat call in a warm process took ${rows.map((r) => seconds(r.kdf.warmCpuMs)).join(', ')} s CPU. The recovery key needs no KDF. SQLCipher's is not timed inside sqlcipher: estimated as the CPU time of node's PBKDF2 (OpenSSL) at the same digest and iteration count.`,
    rssMeasured
      ? `peak RSS = the highest of the ${RUNS} runs' maxRSS as GNU time reports it (\`time -f '%M %U %S'\`: the kernel's rusage of the process it waits for, sqlcipher or node itself, from wait4).`
      : `peak RSS and CPU not measured: GNU time (Debian's package \`time\`) is not installed.`,
  ];
  const big = rows.find((r) => r.cases === 100_000);
  if (big) {
    const peaks = [peak(big.search.passphrase), peak(big.search.recoveryKey)];
    const worst = peaks.some((p) => p === null) ? null : Math.max(...(peaks as number[]));
    notes.push(
      `Targets at 100,000 cases. Whole-process open+search ≤ SQLCipher's + Crossing's KDF: ${timeTarget(big, 'wall')}; ${timeTarget(big, 'CPU')}. ` +
        `Vault ≤ 2× SQLCipher's file for the same cases with their full history: ${mark(big.crossing.bytes <= TARGET.sizeRatio * big.withHistory.bytes)} ` +
        `(${fixed(big.crossing.bytes / big.withHistory.bytes, 2)}×; against full cases alone ${fixed(big.crossing.bytes / big.full.bytes, 2)}×, against summaries ${fixed(big.crossing.bytes / big.summaries.bytes, 2)}×). ` +
        `Peak RSS < 400 MB: ${worst === null ? 'not measured' : `${mark(worst < TARGET.peakBytes)} (${mb(worst)} MB, the higher of passphrase and recovery key)`}.`,
    );
  }
  return {
    title: TITLE,
    tables: [
      {
        columns: [
          'cases',
          'system',
          'load s',
          'file MB',
          '÷ SQLCipher: full cases / + history',
          `open+search whole process: wall s, median of ${RUNS} (runs)`,
          'CPU s',
          'of which KDF: wall / CPU s',
          `matches "${SEARCH}"`,
          'peak RSS MB',
        ],
        rows: tableRows,
      },
    ],
    notes,
  };
}

export const peerBench: BenchModule = {
  name: 'peer',
  async run(ctx) {
    if (!isOnPath('sqlcipher')) {
      ctx.log('sqlcipher is not on PATH: skipping the peer (on Debian: apt-get install sqlcipher)');
      return [
        {
          title: TITLE,
          tables: [],
          notes: ['Skipped: `sqlcipher` is not installed (on Debian: `apt-get install sqlcipher`).'],
        },
      ];
    }
    const rssFile = hasGnuTime() ? path.join(ctx.workDir, 'maxrss') : null;
    if (!rssFile) ctx.log('GNU time (Debian package time) is missing: peak RSS and CPU are not measured');
    const probe = path.join(ctx.workDir, 'probe.sqlcipher');
    const info = parseInfo(
      (await runWholeProcess('sqlcipher', [probe], { input: [queryScript(PASSPHRASE, INFO_PRAGMAS)] })).stdout,
    );
    fs.rmSync(probe, { force: true });
    ctx.log(`SQLCipher ${info.version}, SQLite ${info.sqliteVersion}`);
    const rows: Row[] = [];
    for (const count of ctx.sizes) rows.push(await measureSize(count, ctx.workDir, info, rssFile, ctx.log));
    return [section(rows, info, rssFile !== null)];
  },
};
