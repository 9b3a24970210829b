import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_CHECK_NAMES } from '../ipc/contract.js';
import { RELEASE_KEY_ID, RELEASE_PUBLIC_KEY } from '../release/releaseKey.js';
import { minisignKeyPair, type MinisignKeyFiles } from '../release/testing/minisignTool.js';
import { makeRelease } from '../release/testing/releaseFixture.js';
import { RELEASE_CHECKS } from '../release/verifyRelease.js';
import { makeTempDir } from '../testing/tempDir.js';
import { TEST_RUNTIME, makeTestService } from './testing.js';

let dir: string;
let cleanup: () => void;
let key: MinisignKeyFiles;
const services: Array<{ cleanup: () => void }> = [];

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossing-service-release-'));
  key = minisignKeyPair(dir, 'release');
});
afterAll(() => {
  for (const t of services) t.cleanup();
  cleanup();
});

function setup(options: Parameters<typeof makeTestService>[0] = {}) {
  const t = makeTestService(options);
  services.push(t);
  return t;
}

describe('vault service: about and releases', () => {
  it('tells the app, runtime and pinned release key, with the vault locked', async () => {
    const t = setup();
    expect(await t.call('getAbout', {})).toEqual({
      appVersion: '0.0.0-test',
      electron: TEST_RUNTIME.electron,
      chromium: TEST_RUNTIME.chromium,
      node: process.versions.node,
      releaseKeyId: RELEASE_KEY_ID,
      releasePublicKey: RELEASE_PUBLIC_KEY,
    });
  });

  it('verifies an installer the person chose, named to the UI only by a token', async () => {
    const t = setup({ releasePublicKey: key.publicKey });
    const { installers } = await makeRelease(path.join(dir, 'genuine'), {
      version: '0.2.0',
      secretKeyFile: key.secretKeyFile,
    });
    t.answers.openInstaller.push(installers[0]!);
    const { file } = await t.call('chooseInstaller', {});
    expect(file).toEqual({ token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Crossing-0.2.0.AppImage' });
    const verdict = await t.call('verifyRelease', { token: file!.token });
    expect(verdict).toMatchObject({ genuine: true, version: '0.2.0', relation: 'newer', runningVersion: '0.0.0-test' });
    expect((await t.call('getAbout', {})).releaseKeyId).toBe(verdict.keyId);
  });

  it('refuses a changed installer, and by default anything not signed with the pinned key', async () => {
    const { installers } = await makeRelease(path.join(dir, 'tampered'), {
      version: '0.2.0',
      secretKeyFile: key.secretKeyFile,
    });
    fs.appendFileSync(installers[1]!, 'x');
    const trusting = setup({ releasePublicKey: key.publicKey });
    trusting.answers.openInstaller.push(installers[1]!);
    const changed = await trusting.call('chooseInstaller', {});
    expect(await trusting.call('verifyRelease', { token: changed.file!.token })).toMatchObject({
      genuine: false,
      check: 'hash',
    });

    const pinned = setup();
    pinned.answers.openInstaller.push(installers[0]!);
    const other = await pinned.call('chooseInstaller', {});
    expect(await pinned.call('verifyRelease', { token: other.file!.token })).toMatchObject({
      genuine: false,
      check: 'key',
      keyId: RELEASE_KEY_ID,
    });
  });

  it('answers a cancelled dialog with no file, and an unknown token with a usage error', async () => {
    const t = setup();
    expect(await t.call('chooseInstaller', {})).toEqual({ file: null });
    const response = await t.service.handle('verifyRelease', { token: 'f'.repeat(32) });
    expect(response).toEqual({
      ok: false,
      error: { code: 'usage', message: 'this file is no longer known: choose it again', reason: 'fileGone' },
    });
  });

  it('names the same checks as the contract the UI translates', () => {
    expect(RELEASE_CHECK_NAMES).toEqual(RELEASE_CHECKS);
  });
});
