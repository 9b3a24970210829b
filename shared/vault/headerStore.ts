import type Database from 'better-sqlite3';
import { open, seal, wipe } from '../crypto/aead.js';
import { SALT_BYTES, deriveKek, isKnownKdf, type KdfParams } from '../crypto/kdf.js';
import { randomBytes } from '../crypto/random.js';
import { type CrossingError, authError, failureError, rejectedError } from '../errors.js';
import { isDuressKek, type UnlockGuard } from '../seizure/unlockGuard.js';
import {
  APPLICATION_ID,
  FORMAT_VERSION,
  VAULT_MAGIC,
  passphraseWrapAd,
  recoveryWrapAd,
  type VaultHeader,
} from './header.js';
import { parseRecoveryKey, recoveryKek } from './recoveryKey.js';

/** How a vault is unlocked: its passphrase, the recovery key shown once at creation, or enough recovery shares. */
export type Unlock = { passphrase: string } | { recoveryKey: string } | { recoveryShares: string[] };

/**
 * The vault header row: built at creation, read and checked before anything else at open, and the
 * two wraps of the vault key it carries (passphrase and recovery key).
 */
export function buildHeader(
  kdf: KdfParams,
  passphrase: string,
  vaultKey: Uint8Array,
  recoverySecret: Uint8Array,
): VaultHeader {
  const partial = {
    magic: VAULT_MAGIC,
    formatVersion: FORMAT_VERSION,
    vaultId: randomBytes(16),
    kdf,
    salt: randomBytes(SALT_BYTES),
    recoverySalt: randomBytes(SALT_BYTES),
  };
  const kek = deriveKek(passphrase, partial.salt, kdf);
  const rkek = recoveryKek(recoverySecret, partial.recoverySalt);
  const header: VaultHeader = {
    ...partial,
    passphraseWrap: seal(kek, vaultKey, passphraseWrapAd(partial)),
    recoveryWrap: seal(rkek, vaultKey, recoveryWrapAd(partial)),
  };
  wipe(kek);
  wipe(rkek);
  return header;
}

export function insertHeader(db: Database.Database, h: VaultHeader): void {
  db.prepare(
    `INSERT INTO vault_header (id, magic, format_version, vault_id, kdf_level, kdf_ops, kdf_mem, salt, passphrase_wrap, recovery_salt, recovery_wrap)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    h.magic,
    h.formatVersion,
    h.vaultId,
    h.kdf.level,
    h.kdf.opsLimit,
    h.kdf.memLimit,
    h.salt,
    h.passphraseWrap,
    h.recoverySalt,
    h.recoveryWrap,
  );
}

export interface HeaderRow {
  magic: string;
  format_version: number;
  vault_id: Buffer;
  kdf_level: string;
  kdf_ops: number;
  kdf_mem: number;
  salt: Buffer;
  passphrase_wrap: Buffer;
  recovery_salt: Buffer;
  recovery_wrap: Buffer;
}

export function readHeader(db: Database.Database, filePath: string): VaultHeader {
  const notAVault = (why: string) => authError(`${filePath} is not a Crossing vault: ${why}`, 'notAVault');
  let appId: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw notAVault('it is not a database file');
    throw error;
  }
  if (appId !== APPLICATION_ID) throw notAVault('it is a database of another kind');
  let row: HeaderRow | undefined;
  try {
    row = db.prepare('SELECT * FROM vault_header WHERE id = 1').get() as HeaderRow | undefined;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR') throw notAVault('it has no vault header');
    throw error;
  }
  if (!row) throw notAVault('its header is missing');
  if (row.magic !== VAULT_MAGIC) throw notAVault('its header is not a Crossing header');
  if (row.format_version > FORMAT_VERSION) {
    throw failureError(
      `this vault uses format ${row.format_version}, newer than this version of Crossing understands`,
      'vaultNewer',
    );
  }
  if (row.format_version !== FORMAT_VERSION) throw notAVault(`unknown format version ${row.format_version}`);
  const kdf = { level: row.kdf_level, opsLimit: row.kdf_ops, memLimit: row.kdf_mem } as KdfParams;
  if (!isKnownKdf(kdf))
    throw rejectedError(
      `the vault header names key-derivation settings Crossing never writes: it was altered`,
      'vaultAltered',
    );
  return {
    magic: row.magic,
    formatVersion: row.format_version,
    vaultId: new Uint8Array(row.vault_id),
    kdf,
    salt: new Uint8Array(row.salt),
    passphraseWrap: new Uint8Array(row.passphrase_wrap),
    recoverySalt: new Uint8Array(row.recovery_salt),
    recoveryWrap: new Uint8Array(row.recovery_wrap),
  };
}

/** What one unlock attempt found: the vault key, the duress passphrase, or a refusal to give. */
export type UnlockAttempt = { key: Uint8Array } | { duress: true } | { refused: CrossingError };

/**
 * One attempt, one Argon2id: the key derived from the passphrase is tried on the passphrase wrap,
 * and only if that fails compared with the duress slot (a keyed hash: no second derivation).
 * Recovery shares arrive already combined (`recoverySecrets`, every candidate group of them).
 */
export function attemptUnlock(
  header: VaultHeader,
  unlock: Exclude<Unlock, { recoveryShares: string[] }> | { recoverySecrets: Uint8Array[] },
  guard: UnlockGuard | null,
): UnlockAttempt {
  if ('passphrase' in unlock) {
    const kek = deriveKek(unlock.passphrase, header.salt, header.kdf);
    const key = open(kek, header.passphraseWrap, passphraseWrapAd(header));
    const duress = !key && isDuressKek(guard, kek, header.vaultId);
    wipe(kek);
    if (key) return { key };
    return duress ? { duress: true } : { refused: authError('wrong passphrase', 'wrongPassphrase') };
  }
  if ('recoverySecrets' in unlock) {
    for (const secret of unlock.recoverySecrets) {
      const key = openRecoveryWrap(header, secret);
      if (key) return { key };
    }
    return {
      refused: authError(
        'these recovery shares do not open this vault: they were made for another vault, or a newer set replaced them',
        'wrongRecoveryShares',
      ),
    };
  }
  const parsed = parseRecoveryKey(unlock.recoveryKey);
  if (!parsed.ok) return { refused: authError(parsed.problem, 'badRecoveryKey') };
  const key = openRecoveryWrap(header, parsed.secret);
  wipe(parsed.secret);
  if (!key) return { refused: authError('this recovery key does not open this vault', 'wrongRecoveryKey') };
  return { key };
}

function openRecoveryWrap(header: VaultHeader, secret: Uint8Array): Uint8Array | null {
  const kek = recoveryKek(secret, header.recoverySalt);
  const key = open(kek, header.recoveryWrap, recoveryWrapAd(header));
  wipe(kek);
  return key;
}

/** Wraps the vault key under a new recovery secret, with a new salt: the old recovery key stops working. */
export function rewrapRecovery(
  header: VaultHeader,
  vaultKey: Uint8Array,
  recoverySecret: Uint8Array,
): Pick<VaultHeader, 'recoverySalt' | 'recoveryWrap'> {
  const recoverySalt = randomBytes(SALT_BYTES);
  const rkek = recoveryKek(recoverySecret, recoverySalt);
  const recoveryWrap = seal(rkek, vaultKey, recoveryWrapAd({ ...header, recoverySalt }));
  wipe(rkek);
  return { recoverySalt, recoveryWrap };
}
