import { createCipheriv, createDecipheriv, getCiphers } from 'node:crypto';
import { RFC8439_AEAD_VECTOR, type AeadVector } from './rfc8439Vector.js';
import { sodium } from './sodium.js';

/**
 * IETF ChaCha20-Poly1305 (RFC 8439: 32-byte key, 12-byte nonce, 16-byte tag after the ciphertext)
 * that runs the same under Node and inside Electron. Electron's Node is built on BoringSSL, which
 * offers this AEAD only through its EVP_AEAD interface, not as a cipher: there `getCiphers()` lacks
 * it and `createDecipheriv('chacha20-poly1305', …)` throws "Unknown cipher" (electron/electron#24024).
 *
 * So the native cipher is used only when it is listed and passes the RFC 8439 §2.8.2 vector (seal,
 * open, and refusal of a flipped tag bit); otherwise libsodium's, whose wasm is already loaded by
 * every entry point that opens a vault (`loadSodium()`). Decrypting 20 MiB in 64 KiB chunks on
 * Node 20 (OpenSSL 3.0, 2-core Xeon, machine shared): native 1,000-1,800 MB/s, libsodium 260-380
 * MB/s, @noble/ciphers (age's own) ~110 MB/s; hence libsodium as the fallback.
 */
export type ChaChaBackend = 'native' | 'libsodium';

export const CHACHA_KEY_BYTES = 32;
export const CHACHA_NONCE_BYTES = 12;
export const CHACHA_TAG_BYTES = 16;

export interface ChaChaAead {
  /** Ciphertext followed by the tag. */
  seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array;
  /** The plaintext, or null when the box does not authenticate under this key, nonce and AAD. */
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array | null;
}

const NATIVE_NAME = 'chacha20-poly1305';

const nativeAead: ChaChaAead = {
  seal(key, nonce, plaintext, aad) {
    const cipher = createCipheriv(NATIVE_NAME, key, nonce, { authTagLength: CHACHA_TAG_BYTES });
    if (aad) cipher.setAAD(aad, { plaintextLength: plaintext.length });
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  },
  open(key, nonce, sealed, aad) {
    const split = sealed.length - CHACHA_TAG_BYTES;
    const decipher = createDecipheriv(NATIVE_NAME, key, nonce, { authTagLength: CHACHA_TAG_BYTES });
    decipher.setAuthTag(sealed.subarray(split));
    if (aad) decipher.setAAD(aad, { plaintextLength: split });
    const plaintext = decipher.update(sealed.subarray(0, split));
    try {
      decipher.final();
    } catch {
      plaintext.fill(0);
      return null;
    }
    return plaintext;
  },
};

const libsodiumAead: ChaChaAead = {
  seal: (key, nonce, plaintext, aad) =>
    sodium().crypto_aead_chacha20poly1305_ietf_encrypt(plaintext, aad ?? null, null, nonce, key),
  open(key, nonce, sealed, aad) {
    const lib = sodium(); // outside the try: "not loaded yet" is a bug to report, not a forgery
    try {
      return lib.crypto_aead_chacha20poly1305_ietf_decrypt(null, sealed, aad ?? null, nonce, key);
    } catch {
      return null;
    }
  },
};

function checkSizes(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== CHACHA_KEY_BYTES) throw new RangeError(`a ChaCha20-Poly1305 key is 32 bytes, not ${key.length}`);
  if (nonce.length !== CHACHA_NONCE_BYTES)
    throw new RangeError(`a ChaCha20-Poly1305 nonce is 12 bytes, not ${nonce.length}`);
}

/** The same argument checks in front of every backend, so that they differ in nothing else. */
function checked(aead: ChaChaAead): ChaChaAead {
  return {
    seal(key, nonce, plaintext, aad) {
      checkSizes(key, nonce);
      return aead.seal(key, nonce, plaintext, aad);
    },
    open(key, nonce, sealed, aad) {
      checkSizes(key, nonce);
      return sealed.length < CHACHA_TAG_BYTES ? null : aead.open(key, nonce, sealed, aad);
    },
  };
}

/** Every implementation, by name: the tests and the benchmark compare them directly. */
export const chachaBackends: Readonly<Record<ChaChaBackend, ChaChaAead>> = Object.freeze({
  native: checked(nativeAead),
  libsodium: checked(libsodiumAead),
});

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Seals and opens the vector, and refuses it with one tag bit flipped. */
export function passesKnownAnswer(aead: ChaChaAead, vector: AeadVector = RFC8439_AEAD_VECTOR): boolean {
  const { key, nonce, aad, plaintext, sealed } = vector;
  if (!sameBytes(aead.seal(key, nonce, plaintext, aad), sealed)) return false;
  const opened = aead.open(key, nonce, sealed, aad);
  if (opened === null || !sameBytes(opened, plaintext)) return false;
  const forged = Uint8Array.from(sealed);
  forged[forged.length - 1]! ^= 1;
  return aead.open(key, nonce, forged, aad) === null;
}

/** Whether this process's node:crypto really offers the cipher (it may list one it cannot run). */
export function nativeChaChaWorks(): boolean {
  if (!getCiphers().includes(NATIVE_NAME)) return false;
  try {
    return passesKnownAnswer(chachaBackends.native);
  } catch {
    return false;
  }
}

let chosen: ChaChaBackend | undefined;

/** The implementation in use, decided once, on first use. */
export function chachaBackend(): ChaChaBackend {
  chosen ??= nativeChaChaWorks() ? 'native' : 'libsodium';
  return chosen;
}

export function sealChaCha20Poly1305(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Uint8Array {
  return chachaBackends[chachaBackend()].seal(key, nonce, plaintext, aad);
}

/** The plaintext, or null when the box does not authenticate (a box shorter than a tag never does). */
export function openChaCha20Poly1305(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Uint8Array | null {
  return chachaBackends[chachaBackend()].open(key, nonce, sealed, aad);
}
