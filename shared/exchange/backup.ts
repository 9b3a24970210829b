import fs from 'node:fs';
import path from 'node:path';
import { identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { usageError } from '../errors.js';
import { openFileSource } from '../files/byteSource.js';
import { describeIssues } from '../model/case.js';
import type { Op } from '../oplog/ops.js';
import type { Vault } from '../vault/vault.js';
import { listContacts, putContacts, type Contact } from './contacts.js';
import { listImports, listSenderSequences, recordImport, recordSequence } from './exchangeLog.js';
import { writeBundle, type ExportResult } from './exportCases.js';
import { checkBundleFiles, collectBundleFiles, storeReceivedFiles } from '../evidence/bundleFiles.js';
import { openSignedBundle, refuse, type OpenedBundle } from './openBundle.js';
import { DEFAULT_MAX_FILE_BYTES } from './seal.js';
import { listTombstones, writeTombstone } from './tombstones.js';
import { validateOps } from './validateOps.js';
import { mergeLedgers } from '../handoffs/ledger.js';
import { handoffLedgerSchema, readLedger, writeLedger } from '../handoffs/records.js';

/**
 * Backup: an export of every op, sealed to the vault's own age identity, that also carries the
 * vault's exchange state (contacts, tombstones, import log, sender sequences). Restoring it into a
 * new vault — which has its own new identity — needs the old vault's age identity (revealed with
 * `crossing identity --reveal-secret` and kept apart from the backup) and loses nothing. Evidence
 * files travel in it as in an export (bundle.ts): written and restored chunk by chunk.
 */
const backupStateSchema = z.strictObject({
  contacts: z.array(
    z.strictObject({
      name: z.string(),
      cardName: z.string(),
      signPublicKey: z.string(),
      ageRecipient: z.string(),
      fingerprint: z.string().regex(/^[0-9a-f]{40}$/),
      verified: z.boolean(),
      verifiedAt: z.string().nullable(),
      addedAt: z.string(),
      previousFingerprints: z.array(z.string()),
    }),
  ),
  tombstones: z.array(z.strictObject({ caseId: z.string(), purgedAt: z.string() })),
  importLog: z.array(
    z.strictObject({
      exportId: z.string(),
      importedAt: z.string(),
      senderFingerprint: z.string(),
      sequence: z.number(),
    }),
  ),
  senderSequences: z.array(
    z.strictObject({ fingerprint: z.string(), sequence: z.number(), exportId: z.string(), seenAt: z.string() }),
  ),
  /**
   * The vault's change number (its manifest counter) when the backup was made: a vault later found
   * with a lower number is an older copy put back (DESIGN.md, "Integrity of the whole vault").
   */
  vaultCounter: z.number().int().nonnegative().nullable().optional(),
  /** Hand-offs made and received (shared/handoffs); absent in backups made before they were kept. */
  handoffs: handoffLedgerSchema.optional(),
});

export async function backupVault(vault: Vault, outFile: string, now?: Date): Promise<ExportResult> {
  const me = vault.me;
  const caseIds = vault.opCaseIds();
  const ops: Op[] = vault.allOps();
  return writeBundle(vault, {
    kind: 'backup',
    recipients: [{ name: me.displayName, fingerprint: me.fingerprint, ageRecipient: me.ageRecipient }],
    caseIds,
    ops,
    omitted: [],
    files: collectBundleFiles(vault, caseIds),
    state: {
      contacts: listContacts(vault),
      tombstones: listTombstones(vault),
      importLog: listImports(vault),
      senderSequences: listSenderSequences(vault),
      vaultCounter: vault.counter,
      handoffs: readLedger(vault),
    },
    outFile,
    now,
  });
}

export interface RestoreResult {
  exportId: string;
  createdAt: string;
  from: { displayName: string; fingerprint: string };
  ops: number;
  newOps: number;
  cases: number;
  contacts: number;
  /** Contacts of the backup not restored because this vault holds another key under their name. */
  contactsSkipped: string[];
  tombstones: number;
}

export async function restoreBackup(
  vault: Vault,
  filePath: string,
  options: { ageIdentity: string; maxBytes?: number },
): Promise<RestoreResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!fs.existsSync(filePath))
    throw usageError(`there is no file ${filePath}`, 'noSuchFile', { name: path.basename(filePath) });
  const identity = options.ageIdentity.trim();
  let recipient: string;
  try {
    recipient = await identityToRecipient(identity);
  } catch {
    throw usageError('that is not an age identity (AGE-SECRET-KEY-…)', 'badIdentity');
  }
  const source = openFileSource(filePath);
  try {
    // Read chunk by chunk, never past the size it had when opened (openBundle.ts).
    const opened = await openSignedBundle(source, identity, { maxBytes });
    try {
      return restoreOpened(vault, opened, recipient);
    } finally {
      opened.close();
    }
  } finally {
    source.close();
  }
}

function restoreOpened(vault: Vault, opened: OpenedBundle, recipient: string): RestoreResult {
  const bundle = opened.bundle;
  if (bundle.kind !== 'backup') throw refuse('format', `this is an ${bundle.kind} file, not a backup`);
  // A backup is signed by the vault that owns the identity and sealed to that vault alone.
  if (bundle.sender.ageRecipient !== recipient || bundle.recipients.join() !== bundle.sender.fingerprint) {
    throw refuse('sender', 'this backup was not made by the vault whose identity was given');
  }
  const state = backupStateSchema.safeParse(bundle.state);
  if (!state.success) throw refuse('format', `the backup's vault state is malformed: ${describeIssues(state.error)}`);
  const checked = validateOps(bundle.ops);
  if (!checked.ok) throw refuse('ops', `op ${checked.index} is not valid: ${checked.problem}`);
  const ops = checked.ops;
  const me = vault.me.fingerprint;
  const existingByName = new Map(listContacts(vault).map((c) => [c.name.toLowerCase(), c]));
  const contacts: Contact[] = [];
  const contactsSkipped: string[] = [];
  for (const contact of state.data.contacts) {
    if (contact.fingerprint === me) continue;
    const clash = existingByName.get(contact.name.toLowerCase());
    if (clash && clash.fingerprint !== contact.fingerprint) contactsSkipped.push(contact.name);
    else contacts.push(contact);
  }
  checkBundleFiles(
    opened,
    ops,
    (id) => vault.heldFileSha256(id),
    (what) => refuse('files', what),
  );
  const fresh = vault.mergeValidatedOps(ops, (db) => {
    storeReceivedFiles(vault, db, opened);
    putContacts(vault, db, contacts);
    for (const tombstone of state.data.tombstones) writeTombstone(vault, db, tombstone);
    for (const entry of state.data.importLog) recordImport(vault, db, entry);
    for (const seen of state.data.senderSequences) recordSequence(vault, db, seen);
    if (state.data.handoffs) writeLedger(vault, mergeLedgers(readLedger(vault), state.data.handoffs), db);
  });
  return {
    exportId: bundle.exportId,
    createdAt: bundle.createdAt,
    from: { displayName: bundle.sender.displayName, fingerprint: bundle.sender.fingerprint },
    ops: ops.length,
    newOps: fresh.length,
    cases: vault.caseCount,
    contacts: contacts.length,
    contactsSkipped,
    tombstones: state.data.tombstones.length,
  };
}
