/**
 * Padmé padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication
 * with PURBs"): pads a length L to at most ~12% more, leaking O(log log L) bits instead of O(log L).
 * The padded plaintext is: 4-byte big-endian length, the data, zero bytes.
 */
const MIN_PADDED = 64;

export function padmeLength(length: number): number {
  if (length <= MIN_PADDED) return MIN_PADDED;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const lastBits = e - s;
  const mask = 2 ** lastBits - 1;
  return Math.ceil((length + mask) / (mask + 1)) * (mask + 1);
}

export function pad(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(padmeLength(data.length + 4));
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(data, 4);
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array {
  if (padded.length < 4) throw new Error('padded data is too short');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (length > padded.length - 4) throw new Error('padded data has a bad length');
  return padded.subarray(4, 4 + length);
}
