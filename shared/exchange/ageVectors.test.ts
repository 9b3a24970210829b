import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import * as vectors from 'cctv-age';
import { generateX25519Identity } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { AgeOpenError, decryptAgeFile } from './seal.js';

/**
 * The CCTV age test vectors (written by age's authors, not by this project), each run through
 * Crossing's own decrypt layer. Passphrase vectors must all be refused: Crossing never opens a
 * passphrase-encrypted file, whatever its vector expects from a general age implementation.
 */
interface Vector {
  name: string;
  expect: string;
  payload?: string;
  identities: string[];
  passphrase: boolean;
  file: Uint8Array;
}

function parseVector(name: string, bytes: Uint8Array): Vector {
  const text = Buffer.from(bytes).toString('latin1');
  const split = text.indexOf('\n\n');
  const head = text.slice(0, split).split('\n');
  const values = (key: string) => head.filter((l) => l.startsWith(`${key}: `)).map((l) => l.slice(key.length + 2));
  let file = bytes.subarray(split + 2);
  if (values('compressed')[0] === 'zlib') file = inflateSync(file);
  return {
    name,
    expect: values('expect')[0]!,
    payload: values('payload')[0],
    identities: values('identity'),
    passphrase: values('passphrase').length > 0,
    file,
  };
}

let DUMMY = '';

const all = Object.entries(vectors as Record<string, Uint8Array>)
  .filter(([name]) => name !== 'default')
  .map(([name, bytes]) => parseVector(name, bytes));

/** How each CCTV outcome maps onto the decrypt layer's failure kinds. */
const EXPECTED_FAILURE: Record<string, AgeOpenError['failure'][]> = {
  'header failure': ['header'],
  // The layer finds armor by its leading "-----"; garbage before it makes a file that is not armored.
  'armor failure': ['armor', 'header'],
  'no match': ['no match'],
  'HMAC failure': ['hmac'],
  'payload failure': ['payload'],
};

async function openWithAll(vector: Vector): Promise<Uint8Array> {
  // A vector may name several identities; a real vault has one, so each is tried on its own.
  let lastError: unknown = null;
  for (const identity of vector.identities.length > 0 ? vector.identities : [DUMMY]) {
    try {
      return await decryptAgeFile(vector.file, identity);
    } catch (error) {
      lastError = error;
      if (!(error instanceof AgeOpenError) || error.failure !== 'no match') throw error;
    }
  }
  throw lastError;
}

describe('CCTV age test vectors through the decrypt layer', () => {
  beforeAll(async () => {
    await loadSodium();
    // A well-formed identity that matches nothing, for vectors that name none.
    DUMMY = await generateX25519Identity();
  });

  it('holds the 143 vectors', () => {
    expect(all.length).toBe(143);
  });

  for (const vector of all) {
    it(`${vector.name}: ${vector.passphrase ? 'refused (passphrase)' : vector.expect}`, async () => {
      if (vector.passphrase) {
        // No identity opens these; and a passphrase stanza is refused before any key is tried.
        const error = await openWithAll(vector).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AgeOpenError);
        expect(['passphrase', 'header', 'armor']).toContain((error as AgeOpenError).failure);
        return;
      }
      if (vector.expect === 'success') {
        const plaintext = await openWithAll(vector);
        expect(createHash('sha256').update(plaintext).digest('hex')).toBe(vector.payload);
        return;
      }
      const error = await openWithAll(vector).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${vector.name} must be refused`).toBeInstanceOf(AgeOpenError);
      expect(EXPECTED_FAILURE[vector.expect], `unknown expectation ${vector.expect}`).toBeDefined();
      expect(EXPECTED_FAILURE[vector.expect]).toContain((error as AgeOpenError).failure);
    });
  }

  it('refuses passphrase vectors that a general age tool would open, naming the passphrase', async () => {
    const openable = all.filter((v) => v.passphrase && v.expect === 'success');
    expect(openable.length).toBeGreaterThan(0);
    for (const vector of openable) {
      await expect(decryptAgeFile(vector.file, DUMMY)).rejects.toMatchObject({ failure: 'passphrase' });
    }
  });
});
