import { openChaCha20Poly1305 } from '../crypto/chacha20poly1305.js';
import { hkdfSha256 } from '../crypto/hkdf.js';

/**
 * age's payload (STREAM, age-encryption.org/v1): a 16-byte nonce, then chunks of 64 KiB of
 * plaintext under ChaCha20-Poly1305 with the key HKDF-SHA-256(file key, nonce, "payload") and the
 * nonce (11-byte big-endian counter || last-chunk flag). Decrypted through the ChaCha20-Poly1305
 * layer: Node's native cipher where it exists, ~15x faster than the age library's JavaScript one
 * on a 20 MB export, and libsodium's inside Electron, whose BoringSSL lacks it. The CCTV vectors
 * check it on both.
 */
const CHUNK = 64 * 1024;
const TAG = 16;
const NONCE = 16;
const KEY = 32;

export class AgeStreamError extends Error {}

export function decryptAgePayload(fileKey: Uint8Array, payload: Uint8Array): Uint8Array {
  if (payload.length < NONCE) throw new AgeStreamError('the payload nonce is cut short');
  const key = hkdfSha256(fileKey, payload.subarray(0, NONCE), 'payload', KEY);
  try {
    return decryptChunks(key, payload.subarray(NONCE));
  } finally {
    key.fill(0);
  }
}

function decryptChunks(key: Uint8Array, body: Uint8Array): Uint8Array {
  if (body.length === 0) throw new AgeStreamError('the payload has no chunk');
  const chunks = Math.ceil(body.length / (CHUNK + TAG));
  const out = new Uint8Array(body.length - chunks * TAG > 0 ? body.length - chunks * TAG : 0);
  const nonce = Buffer.alloc(12);
  let written = 0;
  try {
    for (let i = 0; i < chunks; i++) {
      const start = i * (CHUNK + TAG);
      const piece = body.subarray(start, Math.min(start + CHUNK + TAG, body.length));
      const last = i === chunks - 1;
      if (piece.length < TAG) throw new AgeStreamError('a chunk is shorter than its tag');
      if (last && piece.length === TAG && i > 0) throw new AgeStreamError('the last chunk is empty');
      setChunkNonce(nonce, i, last);
      const plain = openChaCha20Poly1305(key, nonce, piece);
      // A chunk that does not fit is refused like a forged one: the stream's sizes do not add up.
      if (plain === null || written + plain.length > out.length) {
        throw new AgeStreamError(`chunk ${i + 1} of ${chunks} does not authenticate`);
      }
      out.set(plain, written);
      written += plain.length;
      plain.fill(0);
    }
  } catch (error) {
    out.fill(0); // nothing of a payload that failed part-way is left in memory
    throw error;
  }
  return out;
}

/** The counter's low 6 bytes end the 11-byte field (a file never needs more), then the last flag. */
function setChunkNonce(nonce: Buffer, index: number, last: boolean): void {
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
}
