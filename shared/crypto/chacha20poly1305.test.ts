import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chachaBackend,
  chachaBackends,
  nativeChaChaWorks,
  openChaCha20Poly1305,
  passesKnownAnswer,
  sealChaCha20Poly1305,
  type ChaChaAead,
  type ChaChaBackend,
} from './chacha20poly1305.js';
import { RFC8439_AEAD_VECTOR as V } from './rfc8439Vector.js';
import { loadSodium } from './sodium.js';

beforeAll(async () => {
  await loadSodium();
});

const BACKENDS = Object.keys(chachaBackends) as ChaChaBackend[];
/** A plain Uint8Array (Node's cipher gives Buffers), or null as it came. */
const plain = (bytes: Uint8Array | null) => (bytes === null ? null : Uint8Array.from(bytes));
/** Byte equality that stays fast on 64 KiB (a deep toEqual walks every element). */
const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(Buffer.from(b));
const flipped = (bytes: Uint8Array, index: number) => {
  const copy = Uint8Array.from(bytes);
  copy[(index + copy.length) % copy.length]! ^= 0x01;
  return copy;
};

describe.each(BACKENDS)('the %s backend', (name) => {
  const aead = chachaBackends[name];

  it('seals the RFC 8439 §2.8.2 vector to its ciphertext and tag', () => {
    expect(Buffer.from(aead.seal(V.key, V.nonce, V.plaintext, V.aad)).toString('hex')).toBe(
      Buffer.from(V.sealed).toString('hex'),
    );
  });

  it('opens the RFC 8439 vector to its plaintext', () => {
    expect(Buffer.from(aead.open(V.key, V.nonce, V.sealed, V.aad)!).toString()).toBe(
      Buffer.from(V.plaintext).toString(),
    );
  });

  it('refuses a changed tag, ciphertext, AAD, nonce or key, and a box shorter than a tag', () => {
    const refusals = {
      'tag, last byte': aead.open(V.key, V.nonce, flipped(V.sealed, -1), V.aad),
      'tag, first byte': aead.open(V.key, V.nonce, flipped(V.sealed, -16), V.aad),
      'ciphertext, first byte': aead.open(V.key, V.nonce, flipped(V.sealed, 0), V.aad),
      'ciphertext, last byte': aead.open(V.key, V.nonce, flipped(V.sealed, -17), V.aad),
      AAD: aead.open(V.key, V.nonce, V.sealed, flipped(V.aad, 3)),
      'AAD left out': aead.open(V.key, V.nonce, V.sealed),
      nonce: aead.open(V.key, flipped(V.nonce, 11), V.sealed, V.aad),
      key: aead.open(flipped(V.key, 0), V.nonce, V.sealed, V.aad),
      'cut to 15 bytes': aead.open(V.key, V.nonce, V.sealed.subarray(0, 15), V.aad),
      'one byte cut off': aead.open(V.key, V.nonce, V.sealed.subarray(0, -1), V.aad),
    };
    for (const [what, opened] of Object.entries(refusals)) expect(opened, what).toBeNull();
  });

  it('seals and opens an empty message', () => {
    const sealed = aead.seal(V.key, V.nonce, new Uint8Array(0));
    expect(sealed.length).toBe(16);
    expect(plain(aead.open(V.key, V.nonce, sealed))).toEqual(new Uint8Array(0));
  });

  it('throws, naming the size, for a key or nonce of the wrong length', () => {
    expect(() => aead.open(V.key.subarray(1), V.nonce, V.sealed)).toThrow('key is 32 bytes, not 31');
    expect(() => aead.seal(V.key, new Uint8Array(24), V.plaintext)).toThrow('nonce is 12 bytes, not 24');
  });

  it('passes the known-answer self-test', () => {
    expect(passesKnownAnswer(aead)).toBe(true);
  });
});

describe('choosing the backend', () => {
  it('uses the native cipher on Node built with OpenSSL, which has and runs it', () => {
    expect(nativeChaChaWorks()).toBe(true);
    expect(chachaBackend()).toBe('native');
    const sealed = sealChaCha20Poly1305(V.key, V.nonce, V.plaintext, V.aad);
    expect(Buffer.from(sealed).equals(Buffer.from(V.sealed))).toBe(true);
    expect(openChaCha20Poly1305(V.key, V.nonce, flipped(sealed, -1), V.aad)).toBeNull();
  });

  it('the self-test fails a cipher that drops the AAD', () => {
    const native = chachaBackends.native;
    const dropsAad: ChaChaAead = {
      seal: (key, nonce, plaintext) => native.seal(key, nonce, plaintext),
      open: (key, nonce, sealed) => native.open(key, nonce, sealed),
    };
    expect(passesKnownAnswer(dropsAad)).toBe(false);
  });

  it('the self-test fails a cipher that decrypts without checking the tag', () => {
    const native = chachaBackends.native;
    // Bare ChaCha20 from block counter 1 (RFC 8439 §2.8): the right plaintext, never a refusal.
    const keystreamOnly = (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array) => {
      const counterAndNonce = Buffer.concat([Buffer.from([1, 0, 0, 0]), nonce]);
      return createCipheriv('chacha20', key, counterAndNonce).update(sealed.subarray(0, -16));
    };
    const trustsAnyTag: ChaChaAead = { seal: native.seal, open: keystreamOnly };
    expect(Buffer.from(keystreamOnly(V.key, V.nonce, V.sealed)).equals(Buffer.from(V.plaintext))).toBe(true);
    expect(passesKnownAnswer(trustsAnyTag)).toBe(false);
  });
});

describe('native and libsodium agree', () => {
  const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const nonce = fc.uint8Array({ minLength: 12, maxLength: 12 });
  const message = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 65_000, maxLength: 66_000 }));
  const aad = fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined });
  const { native, libsodium } = chachaBackends;

  it('seal to the same bytes, and each opens what the other sealed', () => {
    fc.assert(
      fc.property(key, nonce, message, aad, (k, n, m, a) => {
        const byNative = native.seal(k, n, m, a);
        const bySodium = libsodium.seal(k, n, m, a);
        expect(same(bySodium, byNative), 'sealed').toBe(true);
        expect(same(libsodium.open(k, n, byNative, a), m), 'opened by libsodium').toBe(true);
        expect(same(native.open(k, n, bySodium, a), m), 'opened natively').toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuse the same changed boxes', () => {
    fc.assert(
      fc.property(key, nonce, message, aad, fc.nat(), (k, n, m, a, at) => {
        const forged = flipped(native.seal(k, n, m, a), at % (m.length + 16));
        expect(native.open(k, n, forged, a)).toBeNull();
        expect(libsodium.open(k, n, forged, a)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
