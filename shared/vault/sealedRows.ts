import { open, seal } from '../crypto/aead.js';
import { pad, unpad } from '../crypto/padding.js';
import { sodium } from '../crypto/sodium.js';
import { rejectedError } from '../errors.js';
import { rowAd } from './header.js';

/**
 * Sealing of stored rows: padded plaintext under XChaCha20-Poly1305 with the row's table and id as
 * associated data, so a row copied, moved or swapped into another slot does not open.
 */
export function sealRow(key: Uint8Array, table: string, id: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const padded = pad(plaintext);
  const sealed = seal(key, padded, rowAd(table, id));
  padded.fill(0);
  return sealed;
}

export function openRow(key: Uint8Array, table: string, id: Uint8Array, sealed: Uint8Array): Uint8Array {
  const padded = open(key, sealed, rowAd(table, id));
  if (!padded) {
    throw rejectedError(
      `the vault row ${table}/${Buffer.from(id).toString('hex')} does not authenticate: the vault file was altered or damaged`,
      'vaultAltered',
    );
  }
  return unpad(padded);
}

/**
 * Sub-keys of the vault key (the design notes; README, "Security: what the vault file reveals"): one
 * per purpose, so no key does two jobs.
 */
export const SUBKEY = { rows: 1, identity: 2, recordNames: 3, index: 4, manifest: 5, files: 6 } as const;

export function deriveSubkey(vaultKey: Uint8Array, id: number): Uint8Array {
  return sodium().crypto_kdf_derive_from_key(32, id, 'crossing', vaultKey);
}

/** A record's row id: a keyed hash of its name, so the name is findable but not readable. */
export function recordId(namesKey: Uint8Array, name: string): Uint8Array {
  return sodium().crypto_generichash(16, new TextEncoder().encode(name), namesKey);
}
