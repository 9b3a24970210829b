#!/usr/bin/env node
/**
 * Runs the Doyensec Electronegativity scanner over electron/ and fails on any finding that
 * build/electronegativity-allow.json does not explain. Leaves out AvailableSecurityFixesGlobalCheck,
 * which needs the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAllowList, compareWithAllowList, findingsFromSarif } from './electronegativityFindings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const scanner = path.join(
  path.dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist',
  'index.js',
);
const electronVersion = require('electron/package.json').version;
const allowList = JSON.parse(readFileSync(path.join(root, 'build', 'electronegativity-allow.json'), 'utf8'));
const input = process.argv[2] ?? 'electron';

const entryProblems = checkAllowList(allowList);
if (entryProblems.length > 0) {
  console.error(`electronegativity allow-list:\n  ${entryProblems.join('\n  ')}`);
  process.exit(1);
}

const outDir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const report = path.join(outDir, 'report.sarif');
try {
  execFileSync(
    process.execPath,
    [
      scanner,
      '-i',
      input,
      '-o',
      report,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const findings = findingsFromSarif(JSON.parse(readFileSync(report, 'utf8')));
  const { unexplained, stale } = compareWithAllowList(findings, allowList);
  for (const entry of stale)
    console.warn(`electronegativity: allow-list entry no longer needed: ${entry.check} in ${entry.file}`);
  if (unexplained.length > 0) {
    console.error('electronegativity found problems that the allow-list does not explain:');
    for (const f of unexplained) console.error(`  ${f.check}  ${input}/${f.file}:${f.line}  ${f.message}`);
    process.exit(1);
  }
  console.log(
    `electronegativity: ${findings.length} finding(s) in ${input}/, all explained in build/electronegativity-allow.json`,
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
