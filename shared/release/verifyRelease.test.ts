import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { formatSignature, parseSignature } from './minisign.js';
import { RELEASE_KEY_ID, SIGNATURE_FILE, SUMS_FILE } from './releaseKey.js';
import { minisign, minisignKeyPair, minisignVerifies, type MinisignKeyFiles } from './testing/minisignTool.js';
import { makeRelease } from './testing/releaseFixture.js';
import { MAX_SIGNATURE_BYTES, MAX_SUMS_BYTES, RELEASE_CHECKS, verifyRelease } from './verifyRelease.js';

let dir: string;
let cleanup: () => void;
let key: MinisignKeyFiles;
let stranger: MinisignKeyFiles;
let keyId: string;

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossing-verify-release-'));
  key = minisignKeyPair(dir, 'release');
  stranger = minisignKeyPair(dir, 'stranger');
  keyId = key.keyId;
});
afterAll(() => cleanup());

let n = 0;
/** A fresh signed release of `version` in its own folder. */
const release = (version: string, secretKeyFile: string | null = key.secretKeyFile) =>
  makeRelease(path.join(dir, `r${++n}`), { version, secretKeyFile: secretKeyFile ?? undefined });
const verify = (installer: string, running = '0.1.0', extra: { sums?: string; signature?: string } = {}) =>
  verifyRelease({ installer, runningVersion: running, trustedKey: key.publicKey, ...extra });

describe('a genuine release', () => {
  it('is genuine, newer than the running version, and checked by minisign too', async () => {
    const { folder, installers } = await release('0.2.0');
    const verdict = await verify(installers[0]!);
    expect(verdict).toMatchObject({
      genuine: true,
      check: null,
      version: '0.2.0',
      platform: 'linux',
      relation: 'newer',
      keyId,
      signedBy: keyId,
      listedAs: 'Crossing-0.2.0.AppImage',
    });
    expect(verdict.reason).toMatch(/^genuine Crossing 0\.2\.0 \(linux\), signed by the release key [0-9A-F]{1,16}: newer than the 0\.1\.0 running here$/);
    expect(verdict.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(minisignVerifies(path.join(folder, SUMS_FILE), key.publicKeyFile)).toBe(true);
  });

  it('says when it is the version running', async () => {
    const { installers } = await release('0.1.0');
    const verdict = await verify(installers[1]!);
    expect(verdict).toMatchObject({ genuine: true, relation: 'same' });
    expect(verdict.reason).toMatch(/the version running here$/);
  });

  it('is found by its content when a chat or browser renamed it', async () => {
    const { installers } = await release('0.2.0');
    const renamed = path.join(path.dirname(installers[0]!), 'Crossing-0.2.0 (1).AppImage');
    fs.renameSync(installers[0]!, renamed);
    const verdict = await verify(renamed);
    expect(verdict).toMatchObject({ genuine: true, fileName: 'Crossing-0.2.0 (1).AppImage', listedAs: 'Crossing-0.2.0.AppImage' });
    expect(verdict.reason).toMatch(/the release calls this file Crossing-0\.2\.0\.AppImage$/);
  });

  it('accepts a list signed by minisign itself, with the sums and signature named elsewhere', async () => {
    const { folder, installers } = await release('0.3.0', null);
    const elsewhere = path.join(dir, `elsewhere${++n}`);
    fs.mkdirSync(elsewhere);
    const sums = path.join(elsewhere, 'sums.txt');
    fs.renameSync(path.join(folder, SUMS_FILE), sums);
    const signed = minisign(['-S', '-s', key.secretKeyFile, '-m', sums, '-x', `${sums}.sig`, '-t', 'crossing 0.3.0 linux']);
    expect(signed.status, signed.stderr).toBe(0);
    const verdict = await verify(installers[0]!, '0.1.0', { sums, signature: `${sums}.sig` });
    expect(verdict).toMatchObject({ genuine: true, version: '0.3.0' });
  });
});

describe('refusals, each naming its check', () => {
  it('an older genuine release: a downgrade', async () => {
    const { installers } = await release('0.0.9');
    const verdict = await verify(installers[0]!);
    expect(verdict).toMatchObject({ genuine: false, check: 'version', version: '0.0.9', relation: 'older' });
    expect(verdict.reason).toMatch(/genuine Crossing 0\.0\.9, but older than the 0\.1\.0 running here/);
  });

  it('a changed installer: hash mismatch, and sha256sum agrees', async () => {
    const { folder, installers } = await release('0.2.0');
    const bytes = fs.readFileSync(installers[0]!);
    bytes[100]! ^= 1;
    fs.writeFileSync(installers[0]!, bytes);
    const verdict = await verify(installers[0]!);
    expect(verdict).toMatchObject({ genuine: false, check: 'hash', version: '0.2.0', listedAs: null });
    expect(verdict.reason).toMatch(/^Crossing-0\.2\.0\.AppImage was changed: its SHA-256 is [0-9a-f]{64}, the signed list says [0-9a-f]{64}\. Do not install it/);
    expect(sha256sumCheck(folder)).not.toBe(0);
  });

  it('a file not in the list', async () => {
    const { folder } = await release('0.2.0');
    const extra = path.join(folder, 'Crossing-0.2.0-fixed.AppImage');
    fs.writeFileSync(extra, 'not from the release');
    expect(await verify(extra)).toMatchObject({ genuine: false, check: 'listed' });
  });

  it('no signature beside the list, or no list at all', async () => {
    const { folder, installers } = await release('0.2.0', null);
    const unsigned = await verify(installers[0]!);
    expect(unsigned).toMatchObject({ genuine: false, check: 'signed', signedBy: null });
    expect(unsigned.reason).toMatch(new RegExp(`^there is no ${SIGNATURE_FILE.replace('.', '\\.')} beside it`));
    fs.rmSync(path.join(folder, SUMS_FILE));
    expect((await verify(installers[0]!)).reason).toMatch(/^there is no SHA256SUMS and no SHA256SUMS\.minisig beside it/);
  });

  it('a list signed by another key: unknown key, named', async () => {
    const { installers } = await release('0.2.0', stranger.secretKeyFile);
    const verdict = await verify(installers[0]!);
    const strangerId = stranger.keyId;
    expect(verdict).toMatchObject({ genuine: false, check: 'key', signedBy: strangerId, keyId, version: null });
    expect(verdict.reason).toContain(`signed with the key ${strangerId}, not with Crossing's release key ${keyId}`);
  });

  it("by default, anything not signed by Crossing's pinned release key", async () => {
    const { installers } = await release('0.2.0');
    const verdict = await verifyRelease({ installer: installers[0]!, runningVersion: '0.1.0' });
    expect(verdict).toMatchObject({ genuine: false, check: 'key', keyId: RELEASE_KEY_ID, signedBy: keyId });
  });

  it('a list changed after signing, also refused by minisign', async () => {
    const { folder, installers } = await release('0.2.0');
    const sums = path.join(folder, SUMS_FILE);
    const evil = path.join(folder, 'Crossing-0.2.0-evil.AppImage');
    fs.writeFileSync(evil, 'evil');
    fs.appendFileSync(sums, `${'0'.repeat(64)}  ${path.basename(evil)}\n`);
    expect(await verify(installers[0]!)).toMatchObject({ genuine: false, check: 'signature', version: null });
    expect(minisignVerifies(sums, key.publicKeyFile)).toBe(false);
  });

  it('a trusted comment changed to claim another version', async () => {
    const { folder, installers } = await release('0.0.9');
    const sigFile = path.join(folder, SIGNATURE_FILE);
    const signature = parseSignature(fs.readFileSync(sigFile, 'utf8'));
    fs.writeFileSync(sigFile, formatSignature({ ...signature, trustedComment: 'crossing 9.9.9 linux' }));
    const verdict = await verify(installers[0]!);
    expect(verdict).toMatchObject({ genuine: false, check: 'signature', version: null });
    expect(verdict.reason).toMatch(/trusted comment .* was changed/);
  });

  it('a signed comment that names no Crossing version', async () => {
    const { folder, installers } = await release('0.2.0', null);
    expect(minisign(['-S', '-s', key.secretKeyFile, '-m', path.join(folder, SUMS_FILE)]).status).toBe(0);
    expect(await verify(installers[0]!)).toMatchObject({ genuine: false, check: 'comment' });
  });

  it('a signature file that is not minisign, or too large to be one', async () => {
    const { folder, installers } = await release('0.2.0');
    const sigFile = path.join(folder, SIGNATURE_FILE);
    fs.writeFileSync(sigFile, 'untrusted comment: x\nnot base64!\n');
    expect(await verify(installers[0]!)).toMatchObject({ genuine: false, check: 'format' });
    fs.writeFileSync(sigFile, Buffer.alloc(MAX_SIGNATURE_BYTES + 1, 'A'));
    const verdict = await verify(installers[0]!);
    expect(verdict).toMatchObject({ genuine: false, check: 'format' });
    expect(verdict.reason).toMatch(/over the limit/);
  });

  it('a list too large to be a release list, refused before it is read', async () => {
    const { folder, installers } = await release('0.2.0');
    fs.writeFileSync(path.join(folder, SUMS_FILE), Buffer.alloc(MAX_SUMS_BYTES + 1, 'a'));
    expect(await verify(installers[0]!)).toMatchObject({ genuine: false, check: 'sums' });
  });

  it('names every check in the order they run', () => {
    expect(RELEASE_CHECKS).toEqual(['signed', 'format', 'key', 'signature', 'comment', 'sums', 'listed', 'hash', 'version']);
  });

  it('an installer that is not there is a usage error, not a verdict', async () => {
    await expect(verify(path.join(dir, 'nothing.AppImage'))).rejects.toMatchObject({ code: 'usage' });
  });
});

function sha256sumCheck(folder: string): number {
  const result = spawnSync('sha256sum', ['--check', '--quiet', SUMS_FILE], { cwd: folder, encoding: 'utf8' });
  return result.status ?? -1;
}
