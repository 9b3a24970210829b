import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../crypto/random.js';
import { loadSodium } from '../crypto/sodium.js';
import { RECOVERY_KEY_BYTES } from '../vault/recoveryKey.js';
import { restoreCandidates, shareTextIn, splitRecoverySecret } from './recoveryShares.js';

beforeAll(async () => {
  await loadSodium();
});

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('recovery shares', () => {
  it('every 2-of-3 group restores the secret, and one share alone is refused as too few', async () => {
    const secret = randomBytes(RECOVERY_KEY_BYTES);
    const shares = await splitRecoverySecret(secret, 3, 2);
    expect(new Set(shares.map((s) => s.setId)).size).toBe(1);
    expect(shares.map((s) => `${s.number}/${s.count}/${s.threshold}`)).toEqual(['1/3/2', '2/3/2', '3/3/2']);
    for (const text of shares.map((s) => s.text)) expect(text).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 0],
    ] as const) {
      const [candidate] = await restoreCandidates([shares[a]!.text, shares[b]!.text]);
      expect(same(candidate!, secret), `${a}+${b}`).toBe(true);
    }
    await expect(restoreCandidates([shares[0]!.text])).rejects.toMatchObject({
      reason: 'recoveryShareTooFew',
      params: { need: 2, have: 1 },
    });
  });

  it('K-of-N for every shape up to 5 shares', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 2, max: n }))),
        async ([count, threshold]) => {
          const secret = randomBytes(RECOVERY_KEY_BYTES);
          const shares = await splitRecoverySecret(secret, count, threshold);
          const picked = shares.slice(count - threshold).map((s) => s.text);
          const [candidate] = await restoreCandidates(picked);
          expect(same(candidate!, secret)).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('names a share with a typo, from another set, or given twice', async () => {
    const secret = randomBytes(RECOVERY_KEY_BYTES);
    const [a, b] = await splitRecoverySecret(secret, 3, 2);
    const [other] = await splitRecoverySecret(secret, 3, 2);
    // One character changed (to one that still belongs to the alphabet).
    const typo = b!.text.replace(/^(.{6})(.)/, (_, head: string, ch: string) => head + (ch === 'A' ? 'B' : 'A'));
    await expect(restoreCandidates([a!.text, typo])).rejects.toMatchObject({
      reason: 'badRecoveryShare',
      params: { share: 2 },
    });
    await expect(restoreCandidates([a!.text, other!.text])).rejects.toMatchObject({
      reason: 'recoveryShareOtherSet',
      params: { share: 2 },
    });
    await expect(restoreCandidates([a!.text, a!.text.toLowerCase()])).rejects.toMatchObject({
      reason: 'recoveryShareTwice',
      params: { share: 2 },
    });
    await expect(restoreCandidates(['not a share at all', a!.text])).rejects.toMatchObject({
      reason: 'badRecoveryShare',
      params: { share: 1 },
    });
  });

  it('reads a share typed loosely or inside its printed file', async () => {
    const [a, b] = await splitRecoverySecret(randomBytes(RECOVERY_KEY_BYTES), 2, 2);
    const loose = a!.text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const printed = `Crossing recovery share 2 of 2\nSet: ${b!.setId}\n\nShare: ${b!.text}\n\nKeep it apart.`;
    expect(shareTextIn(printed)).toBe(b!.text);
    await expect(restoreCandidates([loose, printed])).resolves.toHaveLength(1);
  });

  it('refuses share counts it cannot make', async () => {
    const secret = randomBytes(RECOVERY_KEY_BYTES);
    await expect(splitRecoverySecret(secret, 1, 1)).rejects.toMatchObject({ reason: 'badRequest' });
    await expect(splitRecoverySecret(secret, 3, 4)).rejects.toMatchObject({ reason: 'badRequest' });
    await expect(splitRecoverySecret(secret, 11, 2)).rejects.toMatchObject({ reason: 'badRequest' });
  });
});
