import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_KEY_ID, SIGNATURE_FILE, SUMS_FILE } from '../../shared/release/releaseKey.js';
import { minisignKeyPair, minisignVerifies, type MinisignKeyFiles } from '../../shared/release/testing/minisignTool.js';
import { makeRelease } from '../../shared/release/testing/releaseFixture.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { ROOT, crossing, expectCleanError } from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let key: MinisignKeyFiles;
let keyId: string;
const running = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const [major, minor, patch] = running.split('.').map(Number) as [number, number, number];
const newer = `${major}.${minor + 1}.0`;
const older = patch > 0 ? `${major}.${minor}.${patch - 1}` : `${major}.${minor}.0-rc.1`;

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossing-cli-release-'));
  key = minisignKeyPair(dir, 'release');
  keyId = key.keyId;
});
afterAll(() => cleanup());

let n = 0;
const release = (version: string, signed = true) =>
  makeRelease(path.join(dir, `r${++n}`), { version, secretKeyFile: signed ? key.secretKeyFile : undefined });
const verify = (args: string[]) => crossing(['verify-release', ...args]);

describe('crossing verify-release', () => {
  it('says "genuine Crossing X.Y.Z" for a newer signed installer, and minisign agrees', async () => {
    const { folder, installers } = await release(newer);
    const result = verify([installers[0]!, '--key', key.publicKeyFile]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `genuine Crossing ${newer} (linux), signed by the release key ${keyId}: newer than the ${running} running here\n`,
    );
    // Saying so whenever the key is not the pinned one.
    expect(result.stderr).toContain(`NOT Crossing's release key ${RELEASE_KEY_ID}`);
    expect(minisignVerifies(path.join(folder, SUMS_FILE), key.publicKeyFile)).toBe(true);
  });

  it("refuses by default anything not signed by Crossing's pinned key, naming both keys (exit 3)", async () => {
    const { installers } = await release(newer);
    const result = verify([installers[0]!]);
    expect(result.status).toBe(3);
    expectCleanError(result);
    expect(result.stderr).toContain('refused by the key check');
    expect(result.stderr).toContain(`signed with the key ${keyId}, not with Crossing's release key ${RELEASE_KEY_ID}`);
    expect(result.stdout).toBe('');
  });

  it('refuses a changed installer, naming both hashes (exit 3)', async () => {
    const { installers } = await release(newer);
    fs.appendFileSync(installers[1]!, 'x');
    const result = verify([installers[1]!, '--key', key.publicKeyFile]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/refused by the hash check: crossing_\S+_amd64\.deb was changed: its SHA-256 is/);
  });

  it('refuses a changed list, as minisign does (exit 3)', async () => {
    const { folder, installers } = await release(newer);
    const sums = path.join(folder, SUMS_FILE);
    fs.writeFileSync(
      sums,
      fs.readFileSync(sums, 'utf8').replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0')),
    );
    const result = verify([installers[0]!, '--key', key.publicKeyFile]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('refused by the signature check');
    expect(minisignVerifies(sums, key.publicKeyFile)).toBe(false);
  });

  it('refuses an older genuine release, saying which is newer (exit 3)', async () => {
    const { installers } = await release(older);
    const result = verify([installers[0]!, '--key', key.publicKeyFile]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(
      `refused by the version check: this is genuine Crossing ${older}, but older than the ${running} running here`,
    );
  });

  it('refuses an unsigned release, saying what to copy (exit 3)', async () => {
    const { installers } = await release(newer, false);
    const result = verify([installers[0]!, '--key', key.publicKeyFile]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`refused by the signed check: there is no ${SIGNATURE_FILE} beside it`);
  });

  it('takes the list and signature from elsewhere, and prints the verdict as JSON', async () => {
    const { folder, installers } = await release(running);
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    for (const name of [SUMS_FILE, SIGNATURE_FILE]) fs.renameSync(path.join(folder, name), path.join(elsewhere, name));
    const sums = path.join(elsewhere, SUMS_FILE);
    const result = verify([
      installers[0]!,
      '--sums',
      sums,
      '--sig',
      `${sums}.minisig`,
      '--key',
      key.publicKeyFile,
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      genuine: true,
      version: running,
      relation: 'same',
      signedBy: keyId,
    });
  });

  it('is a usage error (exit 1) without an installer or with one that is not there', () => {
    expect(verify([]).status).toBe(1);
    const missing = verify([path.join(dir, 'nothing.AppImage')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^crossing: there is no file /);
  });
});
