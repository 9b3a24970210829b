import { openChaCha20Poly1305, sealChaCha20Poly1305 } from '../crypto/chacha20poly1305.js';

/**
 * Sealing a file's content in fixed-size chunks, as age's STREAM does. Each file has its own random
 * key, used for nothing else; chunk i is ChaCha20-Poly1305 (RFC 8439) over 64 KiB of plaintext (the
 * last one shorter, never empty) with
 *
 *     nonce = index (11 bytes, big-endian) || final (1 byte: 1 on the last chunk, else 0)
 *     associated data = "crossing-file-chunk-v2" 0x00 || file id (ASCII)
 *
 * so a chunk moved to another file or another position, or a file cut after any chunk but its real
 * last one, does not open. The nonce is never stored: the reader supplies the index and flag it
 * expects. A counter nonce is safe because a key seals one file, once; it also spares a random
 * nonce per chunk. The cipher is the ChaCha20-Poly1305 layer the import path uses: Node's native
 * one where it works (several times libsodium's speed), libsodium's inside Electron.
 */
export const CHUNK_BYTES = 64 * 1024;
export const CHUNK_TAG_BYTES = 16;
const AD_LABEL = 'crossing-file-chunk-v2';

export function chunkNonce(index: number, final: boolean): Uint8Array {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce.writeUInt8(final ? 1 : 0, 11);
  return nonce;
}

export function chunkAd(fileId: string): Uint8Array {
  return Buffer.from(`${AD_LABEL}\u0000${fileId}`, 'ascii');
}

export function sealChunk(
  key: Uint8Array,
  fileId: string,
  index: number,
  final: boolean,
  plain: Uint8Array,
): Uint8Array {
  return sealChaCha20Poly1305(key, chunkNonce(index, final), plain, chunkAd(fileId));
}

/** The plaintext, or null when the chunk is not this file's chunk `index` (or not its last, or is). */
export function openChunk(
  key: Uint8Array,
  fileId: string,
  index: number,
  final: boolean,
  sealed: Uint8Array,
): Uint8Array | null {
  return openChaCha20Poly1305(key, chunkNonce(index, final), sealed, chunkAd(fileId));
}
