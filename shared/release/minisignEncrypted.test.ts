import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { makeTempDir } from '../testing/tempDir.js';
import { formatSignature, parsePublicKey, parseSecretKey, publicKeyOf, secretKeyIsEncrypted, sign } from './minisign.js';
import { signSums } from './signRelease.js';
import { minisignKeyPair, minisignVerifies, type MinisignKeyFiles } from './testing/minisignTool.js';

// minisign's own encrypted secret key: scrypt with 1 GiB of memory, several seconds per opening.
// Kept apart so that it runs beside the other tests rather than after them.
let dir: string;
let cleanup: () => void;
let keys: MinisignKeyFiles;

beforeAll(async () => {
  await loadSodium();
  ({ dir, cleanup } = makeTempDir('crossing-minisign-enc-'));
  keys = minisignKeyPair(dir, 'release', 'a long release password');
}, 120_000);
afterAll(() => cleanup());

describe("minisign's password-protected secret key", () => {
  it('opens with the password and signs what minisign -V accepts', () => {
    const text = fs.readFileSync(keys.secretKeyFile, 'utf8');
    expect(secretKeyIsEncrypted(text)).toBe(true);
    expect(() => parseSecretKey(text)).toThrow(/encrypted: a password is needed/);
    const key = parseSecretKey(text, 'a long release password');
    expect(publicKeyOf(key)).toEqual(parsePublicKey(keys.publicKey));
    const file = path.join(dir, 'SHA256SUMS');
    fs.writeFileSync(file, `${'ab'.repeat(32)}  Crossing-0.1.0.AppImage\n`);
    fs.writeFileSync(`${file}.minisig`, formatSignature(sign(new Uint8Array(fs.readFileSync(file)), key, 'crossing 0.1.0 linux')));
    expect(minisignVerifies(file, keys.publicKeyFile)).toBe(true);
  }, 120_000);

  it('the release step asks for the password before any work', async () => {
    const secretKey = fs.readFileSync(keys.secretKeyFile, 'utf8');
    await expect(signSums(dir, { secretKey, version: '0.1.0', platform: 'linux' })).rejects.toThrow(
      /protected by a password: set CROSSING_RELEASE_KEY_PASSWORD/,
    );
  });

  it('says so for a wrong password', () => {
    expect(() => parseSecretKey(fs.readFileSync(keys.secretKeyFile, 'utf8'), 'not the password')).toThrow(
      /wrong password/,
    );
  }, 120_000);
});
