import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { renderReport } from './report.js';
import type { BenchModule, Section } from './types.js';
import { dupesBench } from './dupes.js';
import { evidenceBench } from './evidence/evidenceBench.js';
import { exchangeBench } from './exchange.js';
import { sheetsBench } from './sheets/sheetsBench.js';
import { vaultBench } from './vault/vaultBench.js';
import { seizureBench } from './seizure.js';
import { peerBench } from './peer/peerBench.js';

/**
 * Runs the registered benchmarks and writes bench/RESULTS.md. Options:
 *   --sizes=150,10000   case counts (default 150, 10,000 and 100,000)
 *   --only=vault        run only the named modules
 *   --no-write          print the report without overwriting RESULTS.md
 */
const MODULES: BenchModule[] = [
  vaultBench,
  exchangeBench,
  evidenceBench,
  seizureBench,
  sheetsBench,
  dupesBench,
  peerBench,
];

const DEFAULT_SIZES = [150, 10_000, 100_000];
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = arg('sizes')?.split(',').map(Number) ?? DEFAULT_SIZES;
const only = arg('only')?.split(',');
const write = !process.argv.includes('--no-write');

if (!(globalThis as { gc?: unknown }).gc) console.error('note: run with node --expose-gc for steadier numbers');
const started = new Date();
const sectionsOut: Section[] = [];
for (const module of MODULES.filter((m) => !only || only.includes(m.name))) {
  const { dir, cleanup } = makeTempDir(`crossing-bench-${module.name}-`);
  try {
    sectionsOut.push(
      ...(await module.run({ sizes, workDir: dir, log: (m) => console.error(`[${module.name}] ${m}`) })),
    );
  } finally {
    cleanup();
  }
}
const report = renderReport(
  sectionsOut,
  started,
  `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
);
console.log(report);
if (write) {
  const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/RESULTS.md');
  fs.writeFileSync(target, report + deskSections(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''));
  console.error(`wrote ${target}`);
}

/** The UI bench's sections (`npm run bench:ui -- --write`) are not this runner's to drop: they are carried over. */
function deskSections(previous: string): string {
  const kept: string[] = [];
  let keeping = false;
  for (const line of previous.split('\n')) {
    if (line.startsWith('## ')) keeping = line.startsWith('## Desk at ');
    if (keeping) kept.push(line);
  }
  return kept.length ? `\n${kept.join('\n').replace(/\n*$/, '\n')}` : '';
}
