import { open, seal } from '../crypto/aead.js';

/**
 * Sealing a file's content in fixed-size chunks (the model: age's STREAM and libsodium's
 * secretstream). Each file has its own random key; chunk i is XChaCha20-Poly1305 over 64 KiB of
 * plaintext (the last one shorter, never empty unless the file is) with associated data
 *
 *     "crossing-file-chunk-v1" 0x00 || file id (ASCII) || 0x00 || index (u32 BE) || final (u8: 1 or 0)
 *
 * so a chunk moved to another file or another position, or a file cut after any chunk but its
 * real last one, does not open. The index and the final flag are not stored beside the chunk: the
 * reader supplies the ones it expects.
 */
export const CHUNK_BYTES = 64 * 1024;
const AD_LABEL = 'crossing-file-chunk-v1';

export function chunkAd(fileId: string, index: number, final: boolean): Uint8Array {
  const label = Buffer.from(`${AD_LABEL}\u0000${fileId}\u0000`, 'ascii');
  const ad = Buffer.alloc(label.length + 5);
  label.copy(ad, 0);
  ad.writeUInt32BE(index, label.length);
  ad.writeUInt8(final ? 1 : 0, label.length + 4);
  return ad;
}

export function sealChunk(
  key: Uint8Array,
  fileId: string,
  index: number,
  final: boolean,
  plain: Uint8Array,
): Uint8Array {
  return seal(key, plain, chunkAd(fileId, index, final));
}

/** The plaintext, or null when the chunk is not this file's chunk `index` (or not its last, or is). */
export function openChunk(
  key: Uint8Array,
  fileId: string,
  index: number,
  final: boolean,
  sealed: Uint8Array,
): Uint8Array | null {
  return open(key, sealed, chunkAd(fileId, index, final));
}

/** How many chunks hold `size` bytes. */
export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / CHUNK_BYTES));
}
