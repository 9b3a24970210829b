import { execFileSync } from 'node:child_process';
import { getCiphers, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chachaBackend, sealChaCha20Poly1305 } from '../crypto/chacha20poly1305.js';
import { hkdfSha256 } from '../crypto/hkdf.js';
import { loadSodium } from '../crypto/sodium.js';
import { makeTempDir } from '../testing/tempDir.js';
import { decryptAgePayload } from './ageStream.js';
import { decryptAgeFile } from './seal.js';

/**
 * The age payload through the ChaCha20-Poly1305 layer, on whichever backend this project picks
 * (native here; libsodium in the `boringssl` project): files written by Debian's `age` (Go, an
 * independent implementation) across the 64 KiB chunk boundaries, and the STREAM refusals.
 */
const AGE = '/usr/bin/age';
const CHUNK = 64 * 1024;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  await loadSodium();
  ({ dir, cleanup } = makeTempDir('crossing-age-stream-'));
});
afterAll(() => cleanup());

it('decrypts natively only where node:crypto offers the cipher, with libsodium elsewhere', () => {
  expect(chachaBackend()).toBe(getCiphers().includes('chacha20-poly1305') ? 'native' : 'libsodium');
});

describe.skipIf(!fs.existsSync(AGE))('files written by the age CLI', () => {
  for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
    it(`opens ${size} bytes`, async () => {
      const identity = await generateX25519Identity();
      const plaintext = randomBytes(size);
      const input = path.join(dir, `plain-${size}`);
      const output = path.join(dir, `sealed-${size}.age`);
      fs.writeFileSync(input, plaintext);
      execFileSync(AGE, ['--encrypt', '--recipient', await identityToRecipient(identity), '--output', output, input]);
      const opened = await decryptAgeFile(new Uint8Array(fs.readFileSync(output)), identity);
      expect(Buffer.from(opened).equals(plaintext)).toBe(true);
    });
  }
});

/** A STREAM payload built by the rules (nonce, then sealed chunks), to damage one part at a time. */
function streamPayload(fileKey: Uint8Array, plaintext: Uint8Array): { payload: Uint8Array; chunks: Uint8Array[] } {
  const payloadNonce = randomBytes(16);
  const key = hkdfSha256(fileKey, payloadNonce, 'payload', 32);
  const count = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const nonce = Buffer.alloc(12);
    nonce.writeUIntBE(i, 5, 6);
    nonce[11] = i === count - 1 ? 1 : 0;
    chunks.push(sealChaCha20Poly1305(key, nonce, plaintext.subarray(i * CHUNK, (i + 1) * CHUNK)));
  }
  return { payload: Buffer.concat([payloadNonce, ...chunks]), chunks };
}

describe('the STREAM refusals keep their messages', () => {
  const fileKey = randomBytes(16);
  const plaintext = randomBytes(2 * CHUNK + 100);

  it('opens the intact payload', () => {
    const { payload } = streamPayload(fileKey, plaintext);
    expect(Buffer.from(decryptAgePayload(fileKey, payload)).equals(plaintext)).toBe(true);
  });

  it('names the chunk that does not authenticate', () => {
    const { payload } = streamPayload(fileKey, plaintext);
    payload[16 + CHUNK + 16 + 5]! ^= 1; // inside the second chunk
    expect(() => decryptAgePayload(fileKey, payload)).toThrow('chunk 2 of 3 does not authenticate');
  });

  it('refuses a payload cut at a chunk boundary: its new last chunk lacks the last flag', () => {
    const { payload } = streamPayload(fileKey, plaintext);
    expect(() => decryptAgePayload(fileKey, payload.subarray(0, 16 + 2 * (CHUNK + 16)))).toThrow(
      'chunk 2 of 2 does not authenticate',
    );
  });

  it('refuses a last chunk cut shorter than a tag at the chunk before it, which no longer fits', () => {
    const { payload } = streamPayload(fileKey, plaintext);
    expect(() => decryptAgePayload(fileKey, payload.subarray(0, 16 + CHUNK + 16 + 15))).toThrow(
      'chunk 1 of 2 does not authenticate',
    );
  });

  it('refuses a payload under another file key', () => {
    const { payload } = streamPayload(fileKey, plaintext);
    expect(() => decryptAgePayload(randomBytes(16), payload)).toThrow('chunk 1 of 3 does not authenticate');
  });

  it('refuses a cut nonce, no chunk, a chunk shorter than a tag, an empty last chunk', () => {
    const { payload, chunks } = streamPayload(fileKey, plaintext);
    expect(() => decryptAgePayload(fileKey, payload.subarray(0, 15))).toThrow('the payload nonce is cut short');
    expect(() => decryptAgePayload(fileKey, payload.subarray(0, 16))).toThrow('the payload has no chunk');
    expect(() => decryptAgePayload(fileKey, payload.subarray(0, 16 + 15))).toThrow('a chunk is shorter than its tag');
    const emptyLast = Buffer.concat([payload.subarray(0, 16), chunks[0]!, chunks[1]!, new Uint8Array(16)]);
    expect(() => decryptAgePayload(fileKey, emptyLast)).toThrow('the last chunk is empty');
  });
});
