#!/usr/bin/env node
/**
 * The release step that runs after electron-builder, over its output folder:
 *   1. an SBOM (CycloneDX JSON, by @cyclonedx/cyclonedx-npm from the installed node_modules, offline):
 *      what ships, plus the Electron runtime every installer carries;
 *   2. SHA256SUMS over the installers and the SBOM;
 *   3. SHA256SUMS.minisig, when CROSSING_RELEASE_KEY names a minisign secret key file (with
 *      CROSSING_RELEASE_KEY_PASSWORD if the key has one); otherwise it says plainly that the release
 *      is unsigned and leaves no stale signature behind.
 * People check the result with `crossing verify-release`, the About screen, or
 * `minisign -V -m SHA256SUMS -P <key>` then `sha256sum --check SHA256SUMS`.
 *
 *   node scripts/releaseArtifacts.mjs release/
 *
 * It loads the release code compiled to dist/ (npm run build:node, part of npm run build).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

async function compiled(name) {
  const file = path.join(root, 'dist', 'shared', 'release', `${name}.js`);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run npm run build:node first`);
  return import(pathToFileURL(file).href);
}

export function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

export const sbomFileName = (version) => `crossing-${version}.cdx.json`;

/** Electron is a devDependency for npm, yet its runtime (Chromium, Node) is inside every installer. */
function electronComponent(rootRef) {
  const { version } = require('electron/package.json');
  return {
    component: {
      type: 'framework',
      name: 'electron',
      version,
      'bom-ref': `${rootRef}|electron@${version}`,
      description: 'The runtime bundled into every installer (Chromium, Node.js, V8)',
      licenses: [{ license: { id: 'MIT' } }],
      purl: `pkg:npm/electron@${version}`,
    },
  };
}

/** Writes the SBOM of this checkout's production dependencies into `folder`; returns its path. */
export function writeSbom(folder, { version = packageVersion() } = {}) {
  const out = path.join(path.resolve(folder), sbomFileName(version));
  // The package exports no subpaths, so its command is found in this checkout's node_modules.
  const packageDir = path.join(root, 'node_modules', '@cyclonedx', 'cyclonedx-npm');
  const { bin } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const cli = path.join(packageDir, bin['cyclonedx-npm']);
  const run = spawnSync(
    process.execPath,
    [cli, '--omit', 'dev', '--output-reproducible', '--spec-version', '1.6', '--output-format', 'JSON'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`cyclonedx-npm could not write the SBOM:\n${run.stderr}`);
  const bom = JSON.parse(run.stdout);
  const rootRef = bom.metadata.component['bom-ref'];
  const { component } = electronComponent(rootRef);
  bom.components.push(component);
  bom.dependencies.find((d) => d.ref === rootRef)?.dependsOn.push(component['bom-ref']);
  fs.writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);
  return out;
}

/** Writes SHA256SUMS over the installers and SBOM in `folder`; returns the listed names. */
export async function writeChecksums(folder) {
  const { writeSums } = await compiled('signRelease');
  return (await writeSums(path.resolve(folder))).map((entry) => entry.name);
}

/** Signs SHA256SUMS with the minisign secret key in `keyFile`; returns the key id. */
export async function signChecksums(
  folder,
  { keyFile, password, version = packageVersion(), platform = process.platform },
) {
  const { signSums } = await compiled('signRelease');
  return signSums(path.resolve(folder), { secretKey: fs.readFileSync(keyFile, 'utf8'), password, version, platform });
}

export const UNSIGNED_NOTICE = `UNSIGNED RELEASE: CROSSING_RELEASE_KEY is not set, so SHA256SUMS has no signature.
Crossing's verify-release and About screen will refuse these installers as unsigned.
To sign: CROSSING_RELEASE_KEY=/path/to/minisign.key (and CROSSING_RELEASE_KEY_PASSWORD if it has one).`;

/** All three steps. `log` gets one line per step; an unsigned release is said plainly, not an error. */
export async function releaseArtifacts(folder, { env = process.env, log = console.log } = {}) {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const version = packageVersion();
  const sbom = writeSbom(folder, { version });
  log(`SBOM: ${path.basename(sbom)}`);
  const listed = await writeChecksums(folder);
  log(`SHA256SUMS: ${listed.join(', ')}`);
  const signature = path.join(folder, 'SHA256SUMS.minisig');
  if (!env.CROSSING_RELEASE_KEY) {
    fs.rmSync(signature, { force: true });
    log(UNSIGNED_NOTICE);
    return { sbom, listed, signedBy: null };
  }
  const platform = env.CROSSING_RELEASE_PLATFORM || process.platform;
  const signedBy = await signChecksums(folder, {
    keyFile: env.CROSSING_RELEASE_KEY,
    password: env.CROSSING_RELEASE_KEY_PASSWORD,
    version,
    platform,
  });
  const { RELEASE_KEY_ID } = await compiled('releaseKey');
  log(`SHA256SUMS.minisig: signed by key ${signedBy}, trusted comment "crossing ${version} ${platform}"`);
  if (signedBy !== RELEASE_KEY_ID) {
    log(
      `WARNING: key ${signedBy} is not the release key pinned in the app (${RELEASE_KEY_ID}): the app will refuse these installers.`,
    );
  }
  return { sbom, listed, signedBy };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const folder = process.argv[2];
  if (!folder || process.argv.length > 3) {
    console.error('usage: node scripts/releaseArtifacts.mjs RELEASE_FOLDER');
    process.exit(1);
  }
  try {
    await releaseArtifacts(folder);
  } catch (error) {
    console.error(`release artifacts: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
