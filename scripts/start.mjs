#!/usr/bin/env node
/**
 * `npm start`: builds the main process, the preload and the renderer, then opens the desktop app.
 * From Electron 42 on, `npm install` no longer fetches the binary: the first `npm start` does, and where
 * it cannot be fetched says what to do instead of failing with a stack. `--no-build` skips the build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installElectronBinary, installedElectronBinary, missingElectronAdvice } from './electronBinary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** True when better-sqlite3 is built for this Node rather than for Electron's (the vault process would not start). */
export function sqliteBuiltForNodeNotElectron() {
  try {
    const electronAbi = readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
    if (electronAbi === process.versions.modules) return false;
    new (require('better-sqlite3'))(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

/** The binary, installed now if it is missing; exits with advice (no stack) when it cannot be had. */
function electronOrExplain() {
  const installed = installedElectronBinary();
  if (installed) return installed;
  console.error('The Electron binary is not installed yet: fetching it once (npx install-electron)…');
  const { binary, reason } = installElectronBinary();
  if (binary) return binary;
  console.error(missingElectronAdvice(reason));
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) run('npm', ['run', 'build']);
  const electron = electronOrExplain();
  if (sqliteBuiltForNodeNotElectron()) {
    console.warn(
      'better-sqlite3 is built for Node, not for Electron: the vault will not open.\n' +
        'Run: npx electron-rebuild -f -w better-sqlite3   (and npm rebuild better-sqlite3 before Node tests again)',
    );
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node instead of the app
  const app = spawn(electron, ['.', ...args.filter((arg) => arg !== '--no-build')], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
}
