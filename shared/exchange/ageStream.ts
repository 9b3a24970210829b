import { createDecipheriv, hkdfSync } from 'node:crypto';

/**
 * age's payload (STREAM, age-encryption.org/v1): a 16-byte nonce, then chunks of 64 KiB of
 * plaintext under ChaCha20-Poly1305 with the key HKDF-SHA-256(file key, nonce, "payload") and the
 * nonce (11-byte big-endian counter || last-chunk flag). Decrypted here with Node's native cipher,
 * ~15x faster than the age library's JavaScript one on a 20 MB export; the CCTV vectors check it.
 */
const CHUNK = 64 * 1024;
const TAG = 16;
const NONCE = 16;

export class AgeStreamError extends Error {}

export function decryptAgePayload(fileKey: Uint8Array, payload: Uint8Array): Uint8Array {
  if (payload.length < NONCE) throw new AgeStreamError('the payload nonce is cut short');
  const key = Buffer.from(hkdfSync('sha256', fileKey, payload.subarray(0, NONCE), 'payload', 32));
  const body = payload.subarray(NONCE);
  if (body.length === 0) throw new AgeStreamError('the payload has no chunk');
  const chunks = Math.ceil(body.length / (CHUNK + TAG));
  const out = new Uint8Array(body.length - chunks * TAG > 0 ? body.length - chunks * TAG : 0);
  const nonce = Buffer.alloc(12);
  let written = 0;
  for (let i = 0; i < chunks; i++) {
    const start = i * (CHUNK + TAG);
    const piece = body.subarray(start, Math.min(start + CHUNK + TAG, body.length));
    const last = i === chunks - 1;
    if (piece.length < TAG) throw new AgeStreamError('a chunk is shorter than its tag');
    if (last && piece.length === TAG && i > 0) throw new AgeStreamError('the last chunk is empty');
    nonce.writeUIntBE(i, 5, 6); // the counter's low 6 bytes end the 11-byte field (a file never needs more)
    nonce[11] = last ? 1 : 0;
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    decipher.setAuthTag(piece.subarray(piece.length - TAG));
    try {
      const plain = decipher.update(piece.subarray(0, piece.length - TAG));
      decipher.final();
      out.set(plain, written);
      written += plain.length;
    } catch {
      out.fill(0);
      throw new AgeStreamError(`chunk ${i + 1} of ${chunks} does not authenticate`);
    }
  }
  return out;
}
