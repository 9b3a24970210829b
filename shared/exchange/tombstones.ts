import type Database from 'better-sqlite3';
import type { Vault } from '../vault/vault.js';
import { readAllRows, writeRow } from './sealedTable.js';

/**
 * Tombstones of purged cases. The vault writes them when it purges (Vault.purgeCase) and skips
 * their ops on every merge; this module lists them and carries them through backups.
 * Row format (shared with Vault.purgeCase): id = keyedId('tombstone', caseId), sealed JSON below.
 */
export interface Tombstone {
  caseId: string;
  purgedAt: string;
}

export const listTombstones = (vault: Vault) => readAllRows<Tombstone>(vault, 'tombstones');

export function writeTombstone(vault: Vault, db: Database.Database, tombstone: Tombstone): void {
  writeRow(vault, db, 'tombstones', tombstone.caseId, { caseId: tombstone.caseId, purgedAt: tombstone.purgedAt });
}
