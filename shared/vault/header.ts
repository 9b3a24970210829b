import type { KdfParams } from '../crypto/kdf.js';

/** The vault's plaintext header. Both wraps of the vault key bind it as associated data. */
export const VAULT_MAGIC = 'CROSSING-VAULT';
export const FORMAT_VERSION = 1;
/** SQLite `application_id`: "CRSG", so a vault is recognised before any table is read. */
export const APPLICATION_ID = 0x43525347;

export interface VaultHeader {
  magic: string;
  formatVersion: number;
  vaultId: Uint8Array;
  kdf: KdfParams;
  salt: Uint8Array;
  passphraseWrap: Uint8Array;
  recoverySalt: Uint8Array;
  recoveryWrap: Uint8Array;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Binds the passphrase wrap to everything that decides how the passphrase becomes a key. */
export function passphraseWrapAd(
  h: Pick<VaultHeader, 'magic' | 'formatVersion' | 'vaultId' | 'kdf' | 'salt'>,
): Uint8Array {
  return utf8(
    [
      h.magic,
      h.formatVersion,
      hex(h.vaultId),
      'argon2id13',
      h.kdf.level,
      h.kdf.opsLimit,
      h.kdf.memLimit,
      hex(h.salt),
      'passphrase',
    ].join('\n'),
  );
}

/** Binds the recovery wrap to the parts of the header that never change. */
export function recoveryWrapAd(
  h: Pick<VaultHeader, 'magic' | 'formatVersion' | 'vaultId' | 'recoverySalt'>,
): Uint8Array {
  return utf8([h.magic, h.formatVersion, hex(h.vaultId), hex(h.recoverySalt), 'recovery'].join('\n'));
}

/** Associated data of every sealed row: its table, its id and the format version. */
export function rowAd(table: string, id: Uint8Array): Uint8Array {
  return utf8(`${VAULT_MAGIC}\n${FORMAT_VERSION}\n${table}\n${hex(id)}`);
}
