import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: the CLI tests run the real `bin/crossing.js`, which loads dist/, so dist/
 * is compiled once before any test. Type errors elsewhere in the tree do not stop the emit (tsc
 * still writes every file); they are shown, and the typecheck step is where they fail a build.
 */
export default function buildOnce(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.node.json'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) console.warn(`tsc reported errors (the build was emitted anyway):\n${result.stdout}`);
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) throw new Error('the CLI did not build');
}
