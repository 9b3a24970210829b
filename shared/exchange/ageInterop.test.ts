import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { bundleSchema, decodeBundleJson, parseEnvelope, verifyBundleSignature } from './bundle.js';
import { exportCases } from './exportCases.js';
import { paddedSize } from './seal.js';
import { introduce, makeVault } from './testing/fixtures.js';

/** A `.crossing` file is a standard age file: Debian's `age` opens it with the revealed identity. */
const AGE = '/usr/bin/age';
const hasAge = fs.existsSync(AGE);
let dir: string;
let cleanup: () => void;
let alice: Vault;
let bob: Vault;

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-age-'));
  alice = await makeVault(dir, 'Alice');
  bob = await makeVault(dir, 'Bob');
  introduce(alice, bob);
});
afterAll(() => {
  alice.lock();
  bob.lock();
  cleanup();
});

it.skipIf(!hasAge)(`the age CLI (${AGE}) decrypts an export to the signed bundle`, async () => {
  const c = alice.addCase({ alias: 'Через границу', stage: 'exit' });
  alice.addNote(c.id, 'bus at 6');
  const out = path.join(dir, 'to-bob.crossing');
  const result = await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: out });
  const keyFile = path.join(dir, 'bob.key');
  fs.writeFileSync(keyFile, `${bob.revealAgeIdentity()}\n`, { mode: 0o600 });

  const plaintext = new Uint8Array(execFileSync(AGE, ['--decrypt', '--identity', keyFile, out]));
  expect(Buffer.from(plaintext.subarray(0, 24)).toString()).toBe('CROSSING SIGNED BUNDLE 1');
  const envelope = parseEnvelope(plaintext);
  expect(verifyBundleSignature(envelope, new Uint8Array(Buffer.from(alice.me.signPublicKey, 'base64')))).toBe(true);
  const bundle = bundleSchema.parse(decodeBundleJson(envelope.body));
  expect(bundle.exportId).toBe(result.exportId);
  expect(bundle.recipients).toEqual([bob.me.fingerprint]);
  expect(bundle.ops).toEqual(JSON.parse(JSON.stringify(alice.caseOps(c.id))));

  // And a key that is not a recipient's does not open it.
  const aliceKey = path.join(dir, 'alice.key');
  fs.writeFileSync(aliceKey, `${alice.revealAgeIdentity()}\n`, { mode: 0o600 });
  expect(() => execFileSync(AGE, ['--decrypt', '--identity', aliceKey, out], { stdio: 'pipe' })).toThrow();
});

it.skipIf(!hasAge)(
  'the age CLI decrypts an export carrying files: the bundle, each file’s bytes, the padding',
  async () => {
    const c = alice.addCase({ alias: 'With a scan' });
    const scan = randomBytes(3 * 64 * 1024 + 5);
    fs.writeFileSync(path.join(dir, 'scan.bin'), scan);
    const [added] = alice.addFiles(c.id, [path.join(dir, 'scan.bin')]);
    const out = path.join(dir, 'with-files.crossing');
    await exportCases(alice, { to: ['Bob'], cases: [c.id], outFile: out });
    const keyFile = path.join(dir, 'bob.key');
    fs.writeFileSync(keyFile, `${bob.revealAgeIdentity()}\n`, { mode: 0o600 });

    const plaintext = new Uint8Array(execFileSync(AGE, ['--decrypt', '--identity', keyFile, out]));
    const envelope = parseEnvelope(plaintext);
    expect(verifyBundleSignature(envelope, new Uint8Array(Buffer.from(alice.me.signPublicKey, 'base64')))).toBe(true);
    const bundle = bundleSchema.parse(decodeBundleJson(envelope.body));
    expect(bundle.format).toBe('crossing-bundle/2');
    expect(bundle.files).toEqual([{ fileId: added!.id, caseId: c.id, size: scan.length, sha256: added!.sha256 }]);
    expect(Buffer.from(envelope.rest.subarray(0, scan.length)).equals(scan)).toBe(true);
    expect(envelope.rest.subarray(scan.length).every((byte) => byte === 0x20)).toBe(true);
    expect(plaintext.length).toBe(paddedSize(plaintext.length - envelope.rest.length + scan.length));
  },
);

it.runIf(!hasAge)('is skipped: Debian age is not installed at /usr/bin/age (apt-get install age)', () => {
  expect(hasAge).toBe(false);
});
