import fc from 'fast-check';
import { expect, it } from 'vitest';
import { pad, padmeLength, unpad } from './padding.js';

it('round-trips any data', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
      expect(unpad(pad(data))).toEqual(data);
    }),
  );
});

it('adds at most 12.5% beyond small sizes and hides small differences', () => {
  for (let n = 1; n < 200_000; n += 97) {
    const padded = padmeLength(n);
    expect(padded).toBeGreaterThanOrEqual(n);
    if (n > 1024) expect(padded / n).toBeLessThanOrEqual(1.125);
  }
  expect(padmeLength(1000)).toBe(padmeLength(1010));
});

it('refuses a length that points past the data', () => {
  const bad = pad(new Uint8Array(10));
  bad[3] = 200;
  expect(() => unpad(bad)).toThrow(/bad length/);
});
