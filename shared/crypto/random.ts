/**
 * Random bytes drawn from the platform CSPRNG in batches: libsodium's randombytes_buf costs ~80 µs a
 * call in wasm, far too slow for a nonce per sealed object.
 */
const POOL_SIZE = 64 * 1024;
let pool = new Uint8Array(0);
let offset = 0;

export function randomBytes(length: number): Uint8Array {
  if (length > POOL_SIZE / 4) return crypto.getRandomValues(new Uint8Array(length));
  if (offset + length > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    offset = 0;
  }
  // Copy out and zero the pool slice, so a used nonce or key never stays readable in the pool.
  const out = pool.slice(offset, offset + length);
  pool.fill(0, offset, offset + length);
  offset += length;
  return out;
}

/**
 * A random id: 16 bytes as 22 characters of base64url, never starting with `-` or `_`, so that an
 * id typed on a command line is never taken for an option.
 */
export function randomId(): string {
  for (;;) {
    const id = Buffer.from(randomBytes(16)).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}
