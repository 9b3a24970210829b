import { createHmac } from 'node:crypto';

/**
 * HKDF-SHA-256 (RFC 5869) over HMAC-SHA-256. Not `hkdfSync`: inside Electron, Node runs on
 * BoringSSL, and there `hkdfSync` threw "Deriving bits failed" for several major versions
 * (electron/electron#31634) while HMAC has always worked. One derivation per file: speed is moot.
 */
const HASH_BYTES = 32;
const MAX_LENGTH = 255 * HASH_BYTES;

export function hkdfSha256(
  inputKey: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array | string,
  length: number,
): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > MAX_LENGTH) {
    throw new RangeError(`HKDF-SHA-256 gives 0 to ${MAX_LENGTH} bytes, not ${length}`);
  }
  const infoBytes = typeof info === 'string' ? new TextEncoder().encode(info) : info;
  const pseudorandomKey = hmacSha256(salt, [inputKey]);
  const out = new Uint8Array(length);
  let block: Uint8Array = new Uint8Array(0);
  for (let counter = 1, written = 0; written < length; counter++) {
    const next = hmacSha256(pseudorandomKey, [block, infoBytes, Uint8Array.of(counter)]);
    block.fill(0);
    block = next;
    out.set(next.subarray(0, length - written), written);
    written += next.length;
  }
  block.fill(0);
  pseudorandomKey.fill(0);
  return out;
}

function hmacSha256(key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}
