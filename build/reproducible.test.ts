import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two builds of the same commit give byte-identical files: the main process, the vault process and
 * the CLI (tsc), the renderer and the preload (vite). Anyone can then rebuild a release and compare
 * it with what was shipped. Both builds go to sibling folders under node_modules/.cache (same depth,
 * so relative source-map paths match; ignored by git, lint and tsc), and no file may name the folder
 * the checkout happens to be in, which would make a build depend on where it was made.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const work = path.join(root, 'node_modules', '.cache', `crossing-reproducible-${process.pid}`);
const bin = (...parts: string[]) => path.join(root, 'node_modules', ...parts);

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed:\n${stderr}`))));
  });
}

/** The three builds of `npm run build`, into `out`, with NODE_ENV as given (unset when undefined). */
async function buildInto(out: string, nodeEnv: string | undefined): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: nodeEnv };
  if (nodeEnv === undefined) delete env.NODE_ENV;
  const vite = (config: string, to: string) =>
    run(
      [
        bin('vite', 'bin', 'vite.js'),
        'build',
        '--config',
        config,
        '--outDir',
        to,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      env,
    );
  await run([bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json', '--outDir', path.join(out, 'node')], env);
  await vite('renderer/vite.config.ts', path.join(out, 'renderer'));
  await vite('electron/preload.vite.config.ts', path.join(out, 'preload'));
}

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

let first: Map<string, string>;
let second: Map<string, string>;
let seconds: number;

beforeAll(async () => {
  const started = performance.now();
  // The two builds run side by side, one from a shell that left NODE_ENV=development set (which once
  // put React's development JSX, with absolute source paths, into the renderer) and one without it.
  await Promise.all([buildInto(path.join(work, 'a'), 'development'), buildInto(path.join(work, 'b'), undefined)]);
  seconds = (performance.now() - started) / 1000;
  first = hashes(path.join(work, 'a'));
  second = hashes(path.join(work, 'b'));
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('builds everything npm run build builds', () => {
    for (const file of [
      'node/electron/main.js',
      'node/cli/main.js',
      'node/shared/release/verifyRelease.js',
      'renderer/index.html',
      'preload/preload.cjs',
    ]) {
      expect(first.has(path.normalize(file)), file).toBe(true);
    }
    expect([...first.keys()].some((f) => /^renderer[/\\]assets[/\\]index-[\w-]+\.js$/.test(f))).toBe(true);
    console.info(`two builds of ${first.size} files each in ${seconds.toFixed(1)} s`);
  });

  it('gives byte-identical files, every one', () => {
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect([...second.keys()]).toEqual([...first.keys()]);
  });

  it('names no absolute path of the machine it was built on', () => {
    const leaking = [...first.keys()].filter((file) =>
      fs.readFileSync(path.join(work, 'a', file), 'utf8').includes(root.replace(/[/\\]$/, '')),
    );
    expect(leaking).toEqual([]);
  });
});
