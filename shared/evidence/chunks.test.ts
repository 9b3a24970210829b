import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { chachaBackends } from '../crypto/chacha20poly1305.js';
import { randomBytes } from '../crypto/random.js';
import { loadSodium } from '../crypto/sodium.js';
import { CHUNK_TAG_BYTES, chunkAd, chunkNonce, openChunk, sealChunk } from './chunks.js';

beforeAll(async () => {
  await loadSodium();
});

it('opens a chunk only as the file, position and final flag it was sealed for', () => {
  const key = randomBytes(32);
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 300 }),
      fc.nat({ max: 1000 }),
      fc.boolean(),
      (plain, index, final) => {
        const sealed = sealChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index, final, plain);
        expect(sealed.length).toBe(plain.length + CHUNK_TAG_BYTES);
        expect(Buffer.from(openChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index, final, sealed)!).equals(plain)).toBe(true);
        expect(openChunk(key, 'fileBBBBBBBBBBBBBBBBBB', index, final, sealed)).toBeNull();
        expect(openChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index + 1, final, sealed)).toBeNull();
        expect(openChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index, !final, sealed)).toBeNull();
        expect(openChunk(randomBytes(32), 'fileAAAAAAAAAAAAAAAAAA', index, final, sealed)).toBeNull();
      },
    ),
    { numRuns: 50 },
  );
});

it('lays the nonce out as age STREAM does: an 11-byte big-endian counter, then the final flag', () => {
  expect(Buffer.from(chunkNonce(0, false)).toString('hex')).toBe('000000000000000000000000');
  expect(Buffer.from(chunkNonce(1, true)).toString('hex')).toBe('000000000000000000000101');
  expect(Buffer.from(chunkNonce(0x0102_0304_0506, false)).toString('hex')).toBe('000000000001020304050600');
});

it('seals the same bytes whichever ChaCha20-Poly1305 implementation runs, so a vault moves between Node and Electron', () => {
  const key = randomBytes(32);
  const plain = randomBytes(64 * 1024);
  const sealed = sealChunk(key, 'fileCCCCCCCCCCCCCCCCCC', 7, false, plain);
  const libsodium = chachaBackends.libsodium.seal(key, chunkNonce(7, false), plain, chunkAd('fileCCCCCCCCCCCCCCCCCC'));
  expect(Buffer.from(libsodium).equals(Buffer.from(sealed))).toBe(true);
  expect(chachaBackends.libsodium.open(key, chunkNonce(7, false), sealed, chunkAd('fileCCCCCCCCCCCCCCCCCC'))).toEqual(
    plain,
  );
});
