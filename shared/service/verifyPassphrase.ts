import { open, wipe } from '../crypto/aead.js';
import { deriveKek } from '../crypto/kdf.js';
import { authError } from '../errors.js';
import { passphraseWrapAd } from '../vault/header.js';
import type { Vault } from '../vault/vault.js';

interface WrapRow {
  magic: string;
  format_version: number;
  vault_id: Buffer;
  salt: Buffer;
  passphrase_wrap: Buffer;
}

/**
 * Checks the current passphrase against the header of the open vault, without opening it a second
 * time: someone who finds a laptop unlocked must not be able to change the passphrase.
 */
export function verifyPassphrase(vault: Vault, passphrase: string): void {
  const row = vault.transaction(
    (db) =>
      db
        .prepare('SELECT magic, format_version, vault_id, salt, passphrase_wrap FROM vault_header WHERE id = 1')
        .get() as WrapRow | undefined,
  );
  if (!row) throw authError('the vault header is missing');
  const header = {
    magic: row.magic,
    formatVersion: row.format_version,
    vaultId: new Uint8Array(row.vault_id),
    kdf: vault.kdf,
    salt: new Uint8Array(row.salt),
  };
  const kek = deriveKek(passphrase, header.salt, header.kdf);
  const key = open(kek, new Uint8Array(row.passphrase_wrap), passphraseWrapAd(header));
  wipe(kek);
  if (!key) throw authError('the current passphrase is wrong');
  wipe(key);
}
