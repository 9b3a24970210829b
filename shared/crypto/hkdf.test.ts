import { hkdfSync } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { hkdfSha256 } from './hkdf.js';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

it('gives the RFC 5869 test cases for SHA-256 (A.1, and A.3 with no salt and no info)', () => {
  const ikm = new Uint8Array(22).fill(0x0b);
  expect(toHex(hkdfSha256(ikm, hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42))).toBe(
    '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
  );
  expect(toHex(hkdfSha256(ikm, new Uint8Array(0), new Uint8Array(0), 42))).toBe(
    '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
  );
});

it('agrees with Node’s hkdfSync on any input, info given as text or bytes', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 80 }),
      fc.uint8Array({ maxLength: 80 }),
      fc.string({ maxLength: 40 }),
      fc.integer({ min: 1, max: 300 }),
      (ikm, salt, info, length) => {
        const expected = toHex(new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)));
        expect(toHex(hkdfSha256(ikm, salt, info, length))).toBe(expected);
        expect(toHex(hkdfSha256(ikm, salt, new TextEncoder().encode(info), length))).toBe(expected);
      },
    ),
  );
});

it('refuses a length HKDF-SHA-256 cannot give', () => {
  expect(() => hkdfSha256(new Uint8Array(32), new Uint8Array(16), 'payload', 255 * 32 + 1)).toThrow(
    'HKDF-SHA-256 gives 0 to 8160 bytes, not 8161',
  );
  expect(() => hkdfSha256(new Uint8Array(32), new Uint8Array(16), 'payload', -1)).toThrow(RangeError);
  expect(hkdfSha256(new Uint8Array(32), new Uint8Array(16), 'payload', 8160)).toHaveLength(8160);
});
