import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoOps } from '../../shared/demo/generate.js';
import { Vault } from '../../shared/vault/vault.js';
import { fixed, mark, mb, median, settle, timed } from '../measure.js';
import type { BenchModule, Section } from '../types.js';
import { timeFilters, timePages, type FilterTiming, type PageTiming } from './filters.js';

/** Targets for 100,000 cases on the 2-core reference machine. */
const TARGET = { openMs: 1500, filterMs: 30, peakBytes: 400 * 1024 * 1024, sizeRatio: 1.6, lockMs: 300, pageMs: 10 };
/** Cases edited between opens: a caseworker's session. */
const EDITS = 20;
const PASSPHRASE = 'bench passphrase, not a secret';
const OPEN_ONCE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'openOnce.js');

interface Row {
  cases: number;
  ops: number;
  generateMs: number;
  commitMs: number;
  openMs: number[];
  filters: FilterTiming[];
  lockMs: number;
  lockAfterEditsMs: number;
  pages: PageTiming[];
  afterPanic: ChildOpen;
  peakRssBytes: number;
  childOpenMs: number;
  childOpenCpuMs: number;
  cold: ChildOpen;
  vaultBytes: number;
  opsJsonBytes: number;
  casesJsonBytes: number;
}

/** Creates and fills the vault; the generated ops die with this call, so later opens start level. */
async function createFilled(count: number, file: string, now: number, log: (m: string) => void) {
  const { vault, recoveryKey } = await Vault.create(file, {
    passphrase: PASSPHRASE,
    kdf: 'interactive',
    displayName: 'Bench',
  });
  settle();
  log(`${count}: generating`);
  const { value: ops, ms: generateMs } = await timed(() =>
    generateDemoOps({ count, seed: 1, author: vault.me.fingerprint, device: 'b0b0b0b0b0b0b0b0', now }),
  );
  log(`${count}: committing ${ops.length} ops`);
  const { ms: commitMs } = await timed(() => vault.commitOps(ops));
  const opsJsonBytes = Buffer.byteLength(JSON.stringify(ops));
  const casesJsonBytes = Buffer.byteLength(JSON.stringify([...vault.allCases()]));
  const { ms: lockMs } = await timed(() => vault.lock());
  const vaultBytes = ['', '-wal'].reduce(
    (sum, s) => sum + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0),
    0,
  );
  return { recoveryKey, ops: ops.length, generateMs, commitMs, lockMs, opsJsonBytes, casesJsonBytes, vaultBytes };
}

async function measureSize(count: number, dir: string, log: (m: string) => void): Promise<Row> {
  const file = path.join(dir, `bench-${count}.crossing-vault`);
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const created = await createFilled(count, file, now, log);
  const { recoveryKey } = created;

  const openMs: number[] = [];
  let filters: FilterTiming[] = [];
  for (let i = 0; i < 3; i++) {
    settle();
    log(`${count}: open ${i + 1}/3`);
    const { value: opened, ms } = await timed(() => Vault.open(file, { recoveryKey }));
    openMs.push(ms);
    if (i === 2) filters = timeFilters(opened, today);
    opened.lock();
  }

  log(`${count}: list pages, then ${EDITS} edits and a lock`);
  const working = await Vault.open(file, { recoveryKey });
  const pages = timePages(working, today);
  editSome(working, count, 'shelter');
  const { ms: lockAfterEditsMs } = await timed(() => working.lock());

  log(`${count}: peak memory of a process that only opens the vault`);
  const measured = openInChild(file, recoveryKey);
  log(`${count}: ${EDITS} edits, a panic (quick) lock, then open`);
  const panicked = await Vault.open(file, { recoveryKey });
  editSome(panicked, count, 'transit');
  panicked.lock({ quick: true });
  const afterPanic = openInChild(file, recoveryKey);
  log(`${count}: cold open, without the index snapshot (as after a panic lock or a purge)`);
  const db = new Database(file);
  db.exec('DELETE FROM index_snapshot');
  db.close();
  const cold = openInChild(file, recoveryKey);
  fs.rmSync(file, { force: true });
  return {
    cases: count,
    ops: created.ops,
    generateMs: created.generateMs,
    commitMs: created.commitMs,
    openMs,
    filters,
    lockMs: created.lockMs,
    lockAfterEditsMs,
    pages,
    afterPanic,
    peakRssBytes: measured.maxRssBytes,
    childOpenMs: measured.openMs,
    childOpenCpuMs: measured.openCpuMs,
    cold,
    vaultBytes: created.vaultBytes,
    opsJsonBytes: created.opsJsonBytes,
    casesJsonBytes: created.casesJsonBytes,
  };
}

/** Edits EDITS cases spread over the vault, one field each, as a day's work does. */
function editSome(vault: Vault, count: number, stage: 'shelter' | 'transit'): void {
  const ids = [...vault.allCases()].map((c) => c.id);
  for (let i = 0; i < EDITS; i++) vault.updateCase(ids[Math.floor((i * ids.length) / EDITS) % ids.length]!, { stage });
  void count;
}

interface ChildOpen {
  maxRssBytes: number;
  openMs: number;
  openCpuMs: number;
}

function openInChild(file: string, recoveryKey: string): ChildOpen {
  const child = spawnSync(process.execPath, [OPEN_ONCE, file], { input: recoveryKey, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`openOnce failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildOpen;
}

function sections(rows: Row[]): Section[] {
  const worst = (r: Row) => Math.max(...r.filters.map((f) => f.maxMs));
  const main: Section = {
    title: 'Vault: create, open, filter, memory, size',
    tables: [
      {
        columns: [
          'cases',
          'ops',
          'generate s',
          'commit s',
          'create ops/s',
          'open median s (3 runs)',
          'open in child: wall / CPU s',
          'cold open (no snapshot) in child: wall / CPU s',
          'open after a panic lock in child: wall / CPU s',
          'lock s: after the bulk write / after 20 edits',
          'filter median / max ms',
          'peak RSS MB: open / cold open',
          'vault MB',
          'ops JSON MB',
          'vault ÷ ops JSON',
          'cases JSON MB',
          'vault ÷ cases JSON',
        ],
        rows: rows.map((r) => [
          r.cases,
          r.ops,
          fixed(r.generateMs / 1000, 2),
          fixed(r.commitMs / 1000, 2),
          Math.round(r.ops / ((r.generateMs + r.commitMs) / 1000)),
          `${fixed(median(r.openMs) / 1000, 2)} (${r.openMs.map((m) => fixed(m / 1000, 2)).join(', ')})`,
          `${fixed(r.childOpenMs / 1000, 2)} / ${fixed(r.childOpenCpuMs / 1000, 2)}`,
          `${fixed(r.cold.openMs / 1000, 2)} / ${fixed(r.cold.openCpuMs / 1000, 2)}`,
          `${fixed(r.afterPanic.openMs / 1000, 2)} / ${fixed(r.afterPanic.openCpuMs / 1000, 2)}`,
          `${fixed(r.lockMs / 1000, 2)} / ${fixed(r.lockAfterEditsMs / 1000, 2)}`,
          `${fixed(median(r.filters.map((f) => f.medianMs)), 2)} / ${fixed(worst(r), 2)}`,
          `${mb(r.peakRssBytes)} / ${mb(r.cold.maxRssBytes)}`,
          mb(r.vaultBytes),
          mb(r.opsJsonBytes),
          fixed(r.vaultBytes / r.opsJsonBytes, 2),
          mb(r.casesJsonBytes),
          fixed(r.vaultBytes / r.casesJsonBytes, 2),
        ]),
      },
    ],
    notes: [
      'create = generate the demo ops (seed 1) + `vault.commitOps` in one transaction; ops/s over both.',
      'open = `Vault.open` with the recovery key (a hash, not Argon2id) after a normal lock: the manifest checked against the sealed bytes of every row, the case index read from its sealed snapshot; a segment is decrypted and authenticated when a case in it is read.',
      'cold open = the same with the snapshot removed: every case folded from its ops. Since the snapshot is kept by buckets and a bulk write seals it at once, this happens only on the first open after an upgrade, or when the snapshot no longer matches (a crash between a purge and the rewrite of its bucket, right after it).',
      'open after a panic lock = the open after 20 edits and a quick lock (which writes no snapshot): the snapshot is read and only the newer segments folded.',
      'lock = compaction and sealing what changed of the index snapshot: after the bulk write (which sealed it already), and after 20 edits in a later session (the header and the buckets of the edited cases).',
      'open in child = the same open in the memory-measuring process; CPU counts every thread (GC helpers too), so it is steadier than wall time when other work shares the cores.',
      'peak RSS = maxRSS of a separate process (`openOnce.js`) that only opens the vault and holds all cases.',
      'ops JSON = `JSON.stringify` of all ops (what the vault stores, before padding and sealing); cases JSON = the folded cases.',
    ],
  };
  const perFilter: Section = {
    title: 'Filters and search (last of the 3 opens, 15 runs each)',
    tables: [
      {
        columns: ['cases', 'filter', 'matches', 'median ms', 'max ms'],
        rows: rows.flatMap((r) =>
          r.filters.map((f) => [r.cases, f.name, f.matches, fixed(f.medianMs, 2), fixed(f.maxMs, 2)]),
        ),
      },
    ],
    notes: [],
  };
  const big = rows.find((r) => r.cases === 100_000);
  if (big) {
    main.notes.push(
      `Targets at 100,000 cases: open < 1.5 s: ${mark(median(big.openMs) < TARGET.openMs)}; ` +
        `every filter < 30 ms: ${mark(worst(big) < TARGET.filterMs)}; ` +
        `peak < 400 MB: ${mark(Math.max(big.peakRssBytes, big.cold.maxRssBytes) < TARGET.peakBytes)}; ` +
        `vault < 1.6× ops JSON: ${mark(big.vaultBytes < TARGET.sizeRatio * big.opsJsonBytes)}; ` +
        `cold open ≤ 1.5 s: ${mark(big.cold.openMs <= TARGET.openMs)}; ` +
        `open after a panic lock ≤ 1.5 s: ${mark(big.afterPanic.openMs <= TARGET.openMs)}; ` +
        `lock ≤ 0.3 s: ${mark(Math.max(big.lockMs, big.lockAfterEditsMs) <= TARGET.lockMs)}; ` +
        `a page of rows ≤ 10 ms: ${mark(big.pages.filter((p) => p.kept).every((p) => p.medianMs <= TARGET.pageMs))}.`,
    );
  }
  const perPage: Section = {
    title: 'A page of the case list (50 rows, in the vault service; 15 runs each)',
    tables: [
      {
        columns: ['cases', 'request', 'median ms', 'max ms'],
        rows: rows.flatMap((r) => r.pages.map((p) => [r.cases, p.name, fixed(p.medianMs, 2), fixed(p.maxMs, 2)])),
      },
    ],
    notes: [
      'Through `CaseListCache` as `queryCases` uses it. "first" builds the rows and the sort order (once per open, or per new sort); every later page of the same list is a slice of the kept order; after an edit only the changed case moves.',
    ],
  };
  return [main, perFilter, perPage];
}

export const vaultBench: BenchModule = {
  name: 'vault',
  async run(ctx) {
    const rows: Row[] = [];
    for (const count of ctx.sizes) rows.push(await measureSize(count, ctx.workDir, ctx.log));
    return sections(rows);
  },
};
