#!/usr/bin/env node
/**
 * `npm run dist`: builds, makes sure the Electron binary is here (fetching it once, as `npm start`
 * does), and packages with electron-builder from that binary, so the packager downloads no second copy
 * for this platform. electron-builder rebuilds better-sqlite3 for Electron inside node_modules; this
 * puts the build for Node back afterwards, so the CLI and `npm test` keep working.
 * The SBOM is written into release/ before packaging (it describes what goes in, and a machine that
 * cannot fetch Electron still gets it); after packaging come SHA256SUMS and, when CROSSING_RELEASE_KEY
 * is set, its signature.
 * Arguments go to electron-builder as they are: `npm run dist -- --linux deb`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  electronPackageDir,
  installElectronBinary,
  installedElectronBinary,
  missingElectronAdvice,
} from './electronBinary.mjs';
import { releaseArtifacts, writeSbom } from './releaseArtifacts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** True when the arguments ask for another platform than this one (its Electron must be downloaded). */
export function buildsForAnotherPlatform(args, platform = process.platform) {
  const asked = new Set();
  for (const arg of args) {
    if (/^--?(l|linux)$/.test(arg)) asked.add('linux');
    if (/^--?(w|win|windows)$/.test(arg)) asked.add('win32');
    if (/^--?(m|mac|macos|o)$/.test(arg)) asked.add('darwin');
  }
  return [...asked].some((each) => each !== platform);
}

function run(command, args) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
}

function sqliteLoadsInNode() {
  try {
    new (require('better-sqlite3'))(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (run('npm', ['run', 'build']) !== 0) process.exit(1);
  const releaseFolder = path.join(root, 'release');
  fs.mkdirSync(releaseFolder, { recursive: true });
  console.log(`SBOM: ${path.relative(root, writeSbom(releaseFolder))}`);
  const builderArgs = ['--config', 'build/electron-builder.config.cjs', ...args];
  if (!buildsForAnotherPlatform(args)) {
    if (!installedElectronBinary()) {
      console.error('The Electron binary is not installed yet: fetching it once (npx install-electron)…');
      const { binary, reason } = installElectronBinary();
      if (!binary) {
        console.error(missingElectronAdvice(reason));
        process.exit(1);
      }
    }
    builderArgs.push(`--config.electronDist=${path.join(electronPackageDir(), 'dist')}`);
  }
  const status = run('npx', ['electron-builder', ...builderArgs]);
  if (!sqliteLoadsInNode()) {
    console.error('Putting back better-sqlite3 built for Node (electron-builder rebuilt it for Electron)…');
    run('npm', ['rebuild', 'better-sqlite3']);
  }
  if (status !== 0) process.exit(status);
  try {
    await releaseArtifacts(releaseFolder);
  } catch (error) {
    console.error(`The installers are built, but the release files are not: ${error.message}`);
    process.exit(1);
  }
}
