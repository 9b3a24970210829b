import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_FILE, SUMS_FILE } from '../shared/release/releaseKey.js';
import { minisign, minisignKeyPair, type MinisignKeyFiles } from '../shared/release/testing/minisignTool.js';
import { verifyRelease } from '../shared/release/verifyRelease.js';
import { makeTempDir } from '../shared/testing/tempDir.js';

const script = fileURLToPath(new URL('./releaseArtifacts.mjs', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const installers = [`Crossing-${version}.AppImage`, `crossing_${version}_amd64.deb`, `Crossing Setup ${version}.exe`];
const sbomName = `crossing-${version}.cdx.json`;

let dir: string;
let cleanup: () => void;
let key: MinisignKeyFiles;
let folder: string;
let signedRun: ReturnType<typeof spawnSync>;

/** The step as the lead's dist script runs it: `node scripts/releaseArtifacts.mjs FOLDER`. */
function runStep(target: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CROSSING_')));
  return spawnSync(process.execPath, [script, target], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossing-release-step-'));
  key = minisignKeyPair(dir, 'release');
  folder = path.join(dir, 'release');
  // What electron-builder leaves: installers (random bytes here), and things that are not shipped.
  fs.mkdirSync(path.join(folder, 'linux-unpacked'), { recursive: true });
  installers.forEach((name, i) => fs.writeFileSync(path.join(folder, name), crypto.randomBytes(10_000 + i)));
  fs.writeFileSync(path.join(folder, 'builder-debug.yml'), 'x: 1\n');
  fs.writeFileSync(path.join(folder, `Crossing Setup ${version}.exe.blockmap`), 'map');
  signedRun = runStep(folder, { CROSSING_RELEASE_KEY: key.secretKeyFile, CROSSING_RELEASE_PLATFORM: 'linux' });
}, 120_000);
afterAll(() => cleanup());

describe('the release step', () => {
  it('runs, says what it wrote, and warns that a throwaway key is not the pinned one', () => {
    expect(signedRun.status, String(signedRun.stderr)).toBe(0);
    expect(signedRun.stdout).toContain(`SBOM: ${sbomName}`);
    expect(signedRun.stdout).toMatch(
      /SHA256SUMS\.minisig: signed by key [0-9A-F]{1,16}, trusted comment "crossing \S+ linux"/,
    );
    expect(signedRun.stdout).toMatch(/WARNING: key [0-9A-F]{1,16} is not the release key pinned in the app/);
  });

  it('writes a CycloneDX SBOM of what ships, Electron included, development tools left out', () => {
    const bom = JSON.parse(fs.readFileSync(path.join(folder, sbomName), 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      metadata: { component: { name: string; version: string } };
      components: Array<{ name: string; version: string; purl: string }>;
    };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component).toMatchObject({ name: 'crossing', version });
    const names = new Set(bom.components.map((c) => c.name));
    for (const shipped of ['better-sqlite3', 'libsodium-wrappers-sumo', 'age-encryption', 'zod', 'react', 'electron']) {
      expect(names, shipped).toContain(shipped);
    }
    for (const devOnly of ['vitest', 'eslint', 'electron-builder', '@playwright/test', 'cyclonedx-npm']) {
      expect(names, devOnly).not.toContain(devOnly);
    }
    const electron = bom.components.find((c) => c.name === 'electron')!;
    expect(electron.purl).toBe(`pkg:npm/electron@${electron.version}`);
  });

  it('lists the installers and the SBOM in SHA256SUMS, which sha256sum --check accepts', () => {
    const listed = fs
      .readFileSync(path.join(folder, SUMS_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.slice(66));
    expect(listed.sort()).toEqual([...installers, sbomName].sort());
    const check = spawnSync('sha256sum', ['--check', SUMS_FILE], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it("signs SHA256SUMS so that Debian's minisign -V accepts it, showing the version", () => {
    const result = minisign(['-V', '-m', path.join(folder, SUMS_FILE), '-p', key.publicKeyFile]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Trusted comment: crossing ${version} linux`);
  });

  it("and Crossing's verifier finds every listed file genuine", async () => {
    for (const name of [...installers, sbomName]) {
      const verdict = await verifyRelease({
        installer: path.join(folder, name),
        runningVersion: version,
        trustedKey: key.publicKey,
      });
      expect(verdict, name).toMatchObject({ genuine: true, version, relation: 'same', listedAs: name });
    }
  });

  it('without a key, says plainly the release is unsigned, leaves no stale signature, and writes the same SBOM', () => {
    const copy = path.join(dir, 'unsigned');
    fs.cpSync(folder, copy, { recursive: true });
    const before = sha256(path.join(copy, sbomName));
    const run = runStep(copy, {});
    expect(run.status, String(run.stderr)).toBe(0);
    expect(run.stdout).toContain('UNSIGNED RELEASE: CROSSING_RELEASE_KEY is not set');
    expect(fs.existsSync(path.join(copy, SIGNATURE_FILE))).toBe(false);
    expect(sha256(path.join(copy, sbomName))).toBe(before);
  });

  it('is a usage error without a folder', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^usage: node scripts\/releaseArtifacts\.mjs RELEASE_FOLDER/);
  });
});
