import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { formatKeyId, parsePublicKey } from './minisign.js';
import { RELEASE_KEY_ID, RELEASE_PUBLIC_KEY } from './releaseKey.js';

beforeAll(() => loadSodium());

describe('the pinned release key', () => {
  it('is a minisign Ed25519 public key whose key id is the one shown in About', () => {
    const key = parsePublicKey(RELEASE_PUBLIC_KEY);
    expect(formatKeyId(key.keyId)).toBe(RELEASE_KEY_ID);
    expect(key.publicKey).toHaveLength(32);
  });
});
