import { sodium } from './sodium.js';
import { randomBytes } from './random.js';

/** XChaCha20-Poly1305-IETF with a fresh random 24-byte nonce; output is nonce || ciphertext+tag. */
export const NONCE_BYTES = 24;
export const KEY_BYTES = 32;
export const TAG_BYTES = 16;

export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = sodium().crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, associatedData, null, nonce, key);
  const out = new Uint8Array(NONCE_BYTES + ciphertext.length);
  out.set(nonce, 0);
  out.set(ciphertext, NONCE_BYTES);
  return out;
}

/** Returns the plaintext, or null when the box does not authenticate under this key and associated data. */
export function open(key: Uint8Array, box: Uint8Array, associatedData: Uint8Array): Uint8Array | null {
  if (box.length < NONCE_BYTES + TAG_BYTES) return null;
  try {
    return sodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      box.subarray(NONCE_BYTES),
      associatedData,
      box.subarray(0, NONCE_BYTES),
      key,
    );
  } catch {
    return null;
  }
}

export function wipe(bytes: Uint8Array | undefined | null): void {
  if (bytes) sodium().memzero(bytes);
}
