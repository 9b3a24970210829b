#!/usr/bin/env node
/**
 * `npm run check:versions`: fails when the declared Electron major falls more than two behind the
 * newest on the registry, or when the Electron installed here is not the one declared (a stale
 * node_modules would test and package an older runtime than package.json promises). Only the latest three Electron majors get Chromium's security fixes, and a
 * caseworker's laptop runs whatever Crossing ships for as long as it is installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** How many majors behind the newest a supported Electron may be (the newest three are supported). */
export const SUPPORTED_MAJORS_BEHIND = 2;

/** The lowest major a semver range like "^45.5.0", "~45.1", "45.x" or "45" allows, or null. */
export function declaredMajor(range) {
  const match = /^\s*[\^~>=v]*\s*(\d+)(?:\.|\s*$|\.x)/.exec(range ?? '');
  return match ? Number(match[1]) : null;
}

/** The verdict on a declared range against the registry's latest version: ok, or why not. */
export function electronSupportVerdict(range, latestVersion) {
  const declared = declaredMajor(range);
  const latest = declaredMajor(latestVersion);
  if (declared === null) return { ok: false, message: `the declared Electron version "${range}" names no major` };
  if (latest === null)
    return { ok: false, message: `the registry's latest Electron "${latestVersion}" is not a version` };
  const behind = latest - declared;
  if (behind > SUPPORTED_MAJORS_BEHIND) {
    return {
      ok: false,
      message:
        `Electron ${declared} is ${behind} majors behind the latest (${latestVersion}): only ${latest - SUPPORTED_MAJORS_BEHIND}–${latest} ` +
        `get Chromium's security fixes. Move to Electron ${latest} (npm install --save-dev electron@${latest}).`,
    };
  }
  return {
    ok: true,
    message: `Electron ${declared} is supported (latest ${latestVersion}, ${behind} major(s) behind)`,
  };
}

/** The verdict on the installed electron package against the declared range: the same major, not older. */
export function installedElectronVerdict(range, installedVersion) {
  if (!installedVersion) return { ok: false, message: 'the electron package is not installed: run npm install' };
  const declared = declaredMajor(range);
  const floor = /(\d+)\.(\d+)\.(\d+)/.exec(range ?? '');
  const have = /^(\d+)\.(\d+)\.(\d+)/.exec(installedVersion);
  if (declared === null || !have)
    return { ok: false, message: `cannot compare the installed Electron ${installedVersion} with "${range}"` };
  const older =
    floor !== null && [1, 2, 3].reduce((order, i) => order || Math.sign(Number(have[i]) - Number(floor[i])), 0) < 0;
  if (Number(have[1]) !== declared || older) {
    return {
      ok: false,
      message: `the installed Electron ${installedVersion} is not the declared ${range}: run npm install`,
    };
  }
  return { ok: true, message: `the installed Electron ${installedVersion} is the declared ${range}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  let installed = null;
  try {
    installed = JSON.parse(
      readFileSync(new URL('../node_modules/electron/package.json', import.meta.url), 'utf8'),
    ).version;
  } catch {
    // Not installed: the verdict says so.
  }
  const local = installedElectronVerdict(range, installed);
  (local.ok ? console.log : console.error)(`check:versions: ${local.message}`);
  if (!local.ok) process.exit(1);
  const view = spawnSync('npm', ['view', 'electron', 'dist-tags.latest'], { encoding: 'utf8', timeout: 60_000 });
  const latest = view.stdout?.trim();
  if (view.status !== 0 || !latest) {
    // No registry, no install either: say so plainly rather than pass or fail on a guess.
    console.warn(`check:versions: the npm registry did not answer, so Electron ${range} was not checked.`);
    process.exit(0);
  }
  const verdict = electronSupportVerdict(range, latest);
  (verdict.ok ? console.log : console.error)(`check:versions: ${verdict.message}`);
  process.exit(verdict.ok ? 0 : 1);
}
