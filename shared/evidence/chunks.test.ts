import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { randomBytes } from '../crypto/random.js';
import { loadSodium } from '../crypto/sodium.js';
import { openChunk, sealChunk } from './chunks.js';

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
        expect(openChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index, final, sealed)).toEqual(plain);
        expect(openChunk(key, 'fileBBBBBBBBBBBBBBBBBB', index, final, sealed)).toBeNull();
        expect(openChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index + 1, final, sealed)).toBeNull();
        expect(openChunk(key, 'fileAAAAAAAAAAAAAAAAAA', index, !final, sealed)).toBeNull();
        expect(openChunk(randomBytes(32), 'fileAAAAAAAAAAAAAAAAAA', index, final, sealed)).toBeNull();
      },
    ),
    { numRuns: 50 },
  );
});
