import { openChaCha20Poly1305, sealChaCha20Poly1305 } from '../crypto/chacha20poly1305.js';
import { hkdfSha256 } from '../crypto/hkdf.js';
import { randomBytes } from '../crypto/random.js';
import { memorySource, type ByteSource } from '../files/byteSource.js';

/**
 * age's payload (STREAM, age-encryption.org/v1): a 16-byte nonce, then chunks of 64 KiB of
 * plaintext under ChaCha20-Poly1305 with the key HKDF-SHA-256(file key, nonce, "payload") and the
 * nonce (11-byte big-endian counter || last-chunk flag). Sealed and opened one chunk at a time, so
 * a file of any size passes through 64 KiB of memory, through the ChaCha20-Poly1305 layer: Node's
 * native cipher where it exists, ~15x faster than the age library's JavaScript one on a 20 MB
 * export, and libsodium's inside Electron, whose BoringSSL lacks it. The CCTV vectors check the
 * opening side on both; the age CLI checks the sealing side.
 */
export const AGE_CHUNK_BYTES = 64 * 1024;
const CHUNK = AGE_CHUNK_BYTES;
const TAG = 16;
const SEALED = CHUNK + TAG;
const NONCE = 16;
const KEY = 32;

export class AgeStreamError extends Error {}

function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Uint8Array {
  return hkdfSha256(fileKey, nonce, 'payload', KEY);
}

/**
 * The plaintext of the payload that starts at `start`, chunk by chunk, each authenticated before
 * it is given out. The chunk count comes from the source's size, so a payload cut, extended or
 * reordered fails at the chunk where it differs; a consumer acting on chunks must undo what it did
 * when this throws.
 */
export function* decryptAgeChunks(fileKey: Uint8Array, source: ByteSource, start: number): Generator<Uint8Array> {
  const payloadNonce = source.read(start, NONCE);
  if (payloadNonce.length < NONCE) throw new AgeStreamError('the payload nonce is cut short');
  const body = source.size - start - NONCE;
  if (body <= 0) throw new AgeStreamError('the payload has no chunk');
  const chunks = Math.ceil(body / SEALED);
  // What the chunks can hold: a chunk whose plaintext does not fit is refused like a forged one.
  let room = Math.max(0, body - chunks * TAG);
  const key = payloadKey(fileKey, payloadNonce);
  const nonce = Buffer.alloc(12);
  try {
    for (let i = 0; i < chunks; i++) {
      const last = i === chunks - 1;
      const piece = source.read(start + NONCE + i * SEALED, last ? body - i * SEALED : SEALED);
      if (piece.length < TAG) throw new AgeStreamError('a chunk is shorter than its tag');
      if (last && piece.length === TAG && i > 0) throw new AgeStreamError('the last chunk is empty');
      setChunkNonce(nonce, i, last);
      const plain =
        piece.length === (last ? body - i * SEALED : SEALED) ? openChaCha20Poly1305(key, nonce, piece) : null;
      if (plain === null || plain.length > room) {
        plain?.fill(0);
        throw new AgeStreamError(`chunk ${i + 1} of ${chunks} does not authenticate`);
      }
      room -= plain.length;
      yield plain;
    }
  } finally {
    key.fill(0);
  }
}

/** The whole plaintext of a payload held in memory (the age test vectors, small files). */
export function decryptAgePayload(fileKey: Uint8Array, payload: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  try {
    for (const plain of decryptAgeChunks(fileKey, memorySource(payload), 0)) parts.push(plain);
    return Buffer.concat(parts);
  } finally {
    for (const part of parts) part.fill(0); // nothing of a payload that failed part-way is left
  }
}

/**
 * Seals a plaintext of a length known in advance, as it comes, into age's STREAM: the nonce, then
 * each 64 KiB chunk as soon as it is full; the chunk that completes the length carries the last flag.
 */
export class AgeStreamSealer {
  private readonly key: Uint8Array;
  private readonly buffer = Buffer.alloc(CHUNK);
  private readonly nonce = Buffer.alloc(12);
  private filled = 0;
  private index = 0;
  private remaining: number;

  constructor(
    fileKey: Uint8Array,
    readonly length: number,
    private readonly write: (bytes: Uint8Array) => void,
  ) {
    const payloadNonce = randomBytes(NONCE);
    this.key = payloadKey(fileKey, payloadNonce);
    this.remaining = length;
    write(payloadNonce);
    if (length === 0) this.seal(true);
  }

  push(bytes: Uint8Array): void {
    if (bytes.length > this.remaining) throw new AgeStreamError('more plaintext than the length announced');
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(CHUNK - this.filled, bytes.length - at);
      this.buffer.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      this.remaining -= n;
      if (this.remaining === 0) this.seal(true);
      else if (this.filled === CHUNK) this.seal(false);
    }
  }

  /** Checks that the announced length was reached, and wipes the key. */
  finish(): void {
    this.wipe();
    if (this.remaining !== 0) throw new AgeStreamError(`${this.remaining} bytes of plaintext never came`);
  }

  wipe(): void {
    this.key.fill(0);
    this.buffer.fill(0);
  }

  private seal(last: boolean): void {
    setChunkNonce(this.nonce, this.index++, last);
    this.write(sealChaCha20Poly1305(this.key, this.nonce, this.buffer.subarray(0, this.filled)));
    this.filled = 0;
  }
}

/** The counter's low 6 bytes end the 11-byte field (a file never needs more), then the last flag. */
function setChunkNonce(nonce: Buffer, index: number, last: boolean): void {
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
}
