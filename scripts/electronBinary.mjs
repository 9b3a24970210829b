/**
 * Where the Electron binary is, without ever downloading it by accident. From Electron 42 on, the
 * package has no install script and `require('electron')` starts a blocking download when the binary
 * is missing; tests and tools here read the package's own `path.txt` instead, and only `npm start`
 * and `npm run dist` install the binary, on purpose, through Electron's own installer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The installed `electron` package's folder, or null when it is not installed at all. */
export function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The Electron version the project installed (e.g. "45.5.0"), or '' when the package is missing. */
export function electronVersion() {
  const dir = electronPackageDir();
  if (!dir) return '';
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/** The Electron executable if it is on disk, else null. Never downloads. */
export function installedElectronBinary(env = process.env) {
  const dir = electronPackageDir();
  if (!dir) return null;
  let relative = '';
  try {
    relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never extracted.
  }
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && path.join(dir, 'dist', relative);
  return candidate && existsSync(candidate) ? candidate : null;
}

/** The first line of an installer's error output, without its stack ("fetch failed", "ENOTFOUND …"). */
export function installFailureReason(stderr) {
  const line = stderr
    .split('\n')
    .map((each) => each.trim())
    .find((each) => each !== '' && !each.startsWith('at '));
  return (line ?? 'the installer stopped without saying why').replace(/^(Type|Request)?Error:\s*/, '');
}

/**
 * Runs Electron's own installer (what `npx install-electron` runs): it downloads the binary for this
 * platform into node_modules/electron/dist, or takes it from the cache (ELECTRON_CACHE / the
 * `electron_config_cache` setting). Returns the binary, or why it could not be had.
 */
export function installElectronBinary() {
  const dir = electronPackageDir();
  if (!dir) return { binary: null, reason: 'the electron package is not installed: run npm install' };
  const run = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 15 * 60_000,
  });
  const binary = installedElectronBinary();
  if (run.status === 0 && binary) return { binary, reason: null };
  return { binary: null, reason: installFailureReason(run.stderr ?? '') };
}

/** What to do where the binary cannot be downloaded: said by `npm start` and `npm run dist`. */
export function missingElectronAdvice(reason) {
  const version = electronVersion();
  return `
The Electron ${version} binary is not installed, and it could not be fetched${reason ? `: ${reason}` : ''}.

To get it:
  - on a machine that can reach Electron's downloads, run:   npx install-electron
    (npm start and npm run dist do this for you), then run the command again;
  - or carry the file electron-v${version}-<platform>-<arch>.zip (and its SHASUMS256.txt) on a stick
    into Electron's download cache (~/.cache/electron on Linux, or the folder named by ELECTRON_CACHE)
    and run the command again: the installer and the packager take it from there;
  - or point to an unpacked Electron ${version}:
      ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-dir npm start

Without Electron you can still:
  - use the vault headless with the command line:  npx crossing --help
  - run the UI tests in Chromium through the test harness that answers the same IPC contract: npm run test:e2e
`;
}
