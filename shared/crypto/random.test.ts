import { expect, it } from 'vitest';
import { randomBytes, randomId } from './random.js';

it('makes ids that a command line never takes for an option', () => {
  for (let i = 0; i < 5000; i++) expect(randomId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{21}$/);
});

it('never hands out the same bytes twice', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 10_000; i++) seen.add(Buffer.from(randomBytes(24)).toString('hex'));
  expect(seen.size).toBe(10_000);
});
