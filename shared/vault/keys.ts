import { wipe } from '../crypto/aead.js';
import { SUBKEY, deriveSubkey } from './sealedRows.js';

/** The vault key and its sub-keys (DESIGN.md, key hierarchy): one per purpose. */
export interface Keys {
  vault: Uint8Array;
  rows: Uint8Array;
  identity: Uint8Array;
  recordNames: Uint8Array;
  index: Uint8Array;
  /** Tags the rows named in the manifest. */
  manifest: Uint8Array;
  /** Wraps each evidence file's own key (shared/evidence). */
  files: Uint8Array;
}

export function deriveKeys(vaultKey: Uint8Array): Keys {
  return {
    vault: vaultKey,
    rows: deriveSubkey(vaultKey, SUBKEY.rows),
    identity: deriveSubkey(vaultKey, SUBKEY.identity),
    recordNames: deriveSubkey(vaultKey, SUBKEY.recordNames),
    index: deriveSubkey(vaultKey, SUBKEY.index),
    manifest: deriveSubkey(vaultKey, SUBKEY.manifest),
    files: deriveSubkey(vaultKey, SUBKEY.files),
  };
}

export function wipeKeys(keys: Keys): void {
  for (const key of Object.values(keys)) wipe(key);
}
