import type Database from 'better-sqlite3';
import type { Vault } from '../vault/vault.js';
import { readAllRows, readRow, writeRow } from './sealedTable.js';

/**
 * What a vault remembers about exchanges: which export ids it imported and when (so a file imported
 * twice changes nothing), the highest sequence number seen from each sender (so an older file is
 * noticed as a possible replay), and its own outgoing sequence number.
 */
export interface ImportLogEntry {
  exportId: string;
  importedAt: string;
  senderFingerprint: string;
  sequence: number;
}

export interface SenderSequence {
  fingerprint: string;
  sequence: number;
  exportId: string;
  seenAt: string;
}

const OUTGOING_RECORD = 'exchange.outgoingSequence';

export const findImport = (vault: Vault, exportId: string) => readRow<ImportLogEntry>(vault, 'import_log', exportId);
export const listImports = (vault: Vault) => readAllRows<ImportLogEntry>(vault, 'import_log');
export const recordImport = (vault: Vault, db: Database.Database, entry: ImportLogEntry) =>
  writeRow(vault, db, 'import_log', entry.exportId, entry);

export const lastSequenceFrom = (vault: Vault, fingerprint: string) =>
  readRow<SenderSequence>(vault, 'sender_sequences', fingerprint);
export const listSenderSequences = (vault: Vault) => readAllRows<SenderSequence>(vault, 'sender_sequences');

/** Keeps the highest sequence seen (an older file accepted late never lowers it). */
export function recordSequence(vault: Vault, db: Database.Database, seen: SenderSequence): void {
  const known = readRow<SenderSequence>(vault, 'sender_sequences', seen.fingerprint, db);
  if (known && known.sequence >= seen.sequence) return;
  writeRow(vault, db, 'sender_sequences', seen.fingerprint, seen);
}

export function outgoingSequence(vault: Vault): number {
  const stored = vault.getRecord(OUTGOING_RECORD);
  return stored === undefined ? 0 : (JSON.parse(stored) as { last: number }).last;
}

/**
 * Takes the next outgoing sequence number, committed before the file is written: a crash may skip
 * a number (harmless) but never reuses one, which recipients would refuse as a replay.
 */
export function takeNextSequence(vault: Vault): number {
  return vault.transaction((db) => {
    const next = outgoingSequence(vault) + 1;
    vault.putRecord(OUTGOING_RECORD, JSON.stringify({ last: next }), db);
    return next;
  });
}
