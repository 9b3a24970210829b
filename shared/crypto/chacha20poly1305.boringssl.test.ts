import crypto, { createCipheriv, createDecipheriv, getCipherInfo, getCiphers, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { beforeAll, expect, it } from 'vitest';
import { chachaBackend, nativeChaChaWorks, openChaCha20Poly1305, sealChaCha20Poly1305 } from './chacha20poly1305.js';
import { RFC8439_AEAD_VECTOR as V } from './rfc8439Vector.js';
import { loadSodium } from './sodium.js';

/**
 * Runs only in the `boringssl` project, whose setup file makes node:crypto behave as inside
 * Electron. This checks that the simulation really took hold, through every way of importing
 * node:crypto, and that the layer then falls back to libsodium.
 */
beforeAll(async () => {
  await loadSodium();
});

const key = randomBytes(32);
const nonce = randomBytes(12);

it('lists no ChaCha20 cipher, through named imports, the module object and require()', () => {
  const required = createRequire(import.meta.url)('node:crypto') as typeof crypto;
  for (const list of [getCiphers(), crypto.getCiphers(), required.getCiphers()]) {
    expect(list).not.toContain('chacha20-poly1305');
    expect(list).not.toContain('chacha20');
    expect(list).toContain('aes-256-gcm');
  }
  expect(getCipherInfo('chacha20-poly1305')).toBeUndefined();
  expect(getCipherInfo('aes-256-gcm')?.mode).toBe('gcm');
});

it('throws "Unknown cipher" for chacha20-poly1305 in any case of the name', () => {
  for (const name of ['chacha20-poly1305', 'ChaCha20-Poly1305', 'CHACHA20-POLY1305']) {
    expect(() => createDecipheriv(name, key, nonce)).toThrow('Unknown cipher');
    expect(() => createCipheriv(name, key, nonce)).toThrow('Unknown cipher');
    expect(() => crypto.createDecipheriv(name, key, nonce)).toThrow(
      expect.objectContaining({ code: 'ERR_CRYPTO_UNKNOWN_CIPHER' }),
    );
  }
});

it('leaves the other ciphers working', () => {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update('still here'), cipher.final()]);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce).setAuthTag(cipher.getAuthTag());
  expect(Buffer.concat([decipher.update(sealed), decipher.final()]).toString()).toBe('still here');
});

it('makes the layer fall back to libsodium, which still meets RFC 8439 and refuses forgeries', () => {
  expect(nativeChaChaWorks()).toBe(false);
  expect(chachaBackend()).toBe('libsodium');
  expect(Buffer.from(sealChaCha20Poly1305(V.key, V.nonce, V.plaintext, V.aad)).equals(Buffer.from(V.sealed))).toBe(
    true,
  );
  expect(Buffer.from(openChaCha20Poly1305(V.key, V.nonce, V.sealed, V.aad)!).toString()).toMatch(/^Ladies/);
  const forged = Uint8Array.from(V.sealed);
  forged[0]! ^= 1;
  expect(openChaCha20Poly1305(V.key, V.nonce, forged, V.aad)).toBeNull();
});
