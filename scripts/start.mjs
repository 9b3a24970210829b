#!/usr/bin/env node
/**
 * `npm start`: builds the main process, the preload and the renderer, then opens the desktop app.
 * Where the Electron binary was never downloaded (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1), says
 * what to do instead of failing with a stack. `--no-build` skips the build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export const MISSING_ELECTRON = `
The Electron binary is not installed, so the desktop app cannot open on this machine.
(npm installed the electron package without its binary, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1.)

To open the app:
  - on a machine that can reach GitHub, run:   node node_modules/electron/install.js
    then run npm start again;
  - or copy an Electron ${readElectronVersion()} build for this platform and point to it:
      ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-dir npm start
    (better-sqlite3 must then be built for Electron: npx electron-rebuild -f -w better-sqlite3).

Without Electron you can still:
  - use the vault headless with the command line:  npx crossing --help
  - use the UI in a browser through the test harness that answers the same IPC contract
    (see README), or run the UI tests: npm run test:e2e
`;

function readElectronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    return '';
  }
}

/** The Electron executable, or null when the package or its binary is missing. */
export function findElectron() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

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

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) run('npm', ['run', 'build']);
  const electron = findElectron();
  if (electron === null) {
    console.error(MISSING_ELECTRON);
    process.exit(1);
  }
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
