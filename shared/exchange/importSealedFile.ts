import { checkBundleFiles, storeReceivedFiles } from '../evidence/bundleFiles.js';
import { lookalikeOf, type Lookalike } from '../dupes/vaultDuplicates.js';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { memorySource, openFileSource, type ByteSource } from '../files/byteSource.js';
import { foldCaseOps } from '../oplog/fold.js';
import type { CaseSummary } from '../oplog/summary.js';
import type { Op } from '../oplog/ops.js';
import { compareWithHeld } from './heldOps.js';
import { validateOps } from './validateOps.js';
import type { Vault } from '../vault/vault.js';
import type { Bundle, BundleKind } from './bundle.js';
import { diffCase, type CaseChange } from './caseChanges.js';
import { contactByCardName, contactByFingerprint, listContacts } from './contacts.js';
import { findImport, lastSequenceFrom, recordImport, recordSequence } from './exchangeLog.js';
import { openSignedBundle, refuse, type OpenedBundle } from './openBundle.js';
import type { OmittableField } from './redact.js';
import { DEFAULT_MAX_FILE_BYTES } from './seal.js';
import { readRow } from './sealedTable.js';
import type { Tombstone } from './tombstones.js';
import { planHandoffs, type HandoffPlan, type ReceiptSettled, type ReturnedCase } from '../handoffs/importPlan.js';
import { readLedger, writeLedger } from '../handoffs/records.js';

/**
 * Import of a `.crossing` file. Every check runs before anything is changed (DESIGN.md, "Sealed
 * exports"), reading the file chunk by chunk from disk (openBundle.ts); the ops, the evidence
 * files, the import log entry and the sender's sequence are then written in one transaction, the
 * files streamed in and checked again as they come. A preview (dry run) runs the same checks,
 * every chunk and every file's SHA-256 included, and folds the result without writing.
 */
export interface ImportOptions {
  dryRun?: boolean;
  /** The person accepts a sender who is not a verified contact (never one whose key changed). */
  acceptUnknownSender?: boolean;
  /** The person accepts a file older than the last one seen from its sender (a late delivery). */
  acceptOlder?: boolean;
  maxBytes?: number;
  /** Declines the hand-off this file is, for this reason (the receipt tells its sender). */
  decline?: string;
  now?: Date;
}

export type ImportStatus = 'imported' | 'preview' | 'already imported';

export interface SenderReport {
  displayName: string;
  fingerprint: string;
  /** The contact's name here, or null for an unknown sender. */
  contactName: string | null;
  verified: boolean;
  self: boolean;
}

export interface ConflictReport {
  caseId: string;
  alias: string;
  key: string;
  candidates: Array<{ value: unknown; author: string; authorName: string | null; hlc: string; opId: string }>;
}

export interface ImportReport {
  status: ImportStatus;
  exportId: string;
  kind: BundleKind;
  sender: SenderReport;
  createdAt: string;
  sequence: number;
  /** The sending vault's change number when it made the file (null in files made before it was sent). */
  senderVaultCounter: number | null;
  omitted: OmittableField[];
  /** When the export id was imported before (status 'already imported'). */
  importedOn: string | null;
  opsInFile: number;
  /** Evidence files whose content the file carries, and their total size in bytes. */
  filesInFile: number;
  fileBytes: number;
  newOps: number;
  /** Ops of cases purged here: skipped, so a purged case stays purged. */
  skippedPurgedOps: number;
  /**
   * Ops held here in a copy that lacks fields this file carries (an earlier export left them out).
   * The held copy is kept: filling it in is not done yet, so the person is told.
   */
  partialHeldOps: number;
  /** In a preview, each new case names the held case it may be the same person as (null otherwise). */
  newCases: Array<{ caseId: string; alias: string; lookalike: Lookalike | null }>;
  updatedCases: Array<{ caseId: string; alias: string; fields: string[] }>;
  newConflicts: ConflictReport[];
  /** Ops whose case's create op this vault has not seen yet (kept, shown once it arrives). */
  waitingOps: number;
  /** Cases purged here that their holder hands back (shared/handoffs/importPlan.ts). */
  returns: Array<ReturnedCase & { alias: string }>;
  /** Answers to hand-offs made from here that the file carries. */
  receipts: ReceiptSettled[];
  /** When the file is a hand-off to this vault: its id, its cases and this vault's answer. */
  handoff: HandoffPlan['handoff'];
}

export async function importSealedFile(
  vault: Vault,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw usageError(`there is no file ${filePath}`, 'noSuchFile', { name: path.basename(filePath) });
  }
  if (!stat.isFile()) throw usageError(`${filePath} is not a file`, 'notAFile', { name: path.basename(filePath) });
  // The size is checked before a byte is read, and the file is never read past it (it may grow).
  if (stat.size > maxBytes) throw refuse('size', `the file is ${stat.size} bytes, over the limit of ${maxBytes}`);
  const source = openFileSource(filePath);
  try {
    return await importFrom(vault, source, { ...options, maxBytes });
  } finally {
    source.close();
  }
}

/** The same for a file held in memory (tests; a file of any size is imported from disk). */
export async function importSealedBytes(
  vault: Vault,
  file: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importFrom(vault, memorySource(file), options);
}

async function importFrom(vault: Vault, source: ByteSource, options: ImportOptions): Promise<ImportReport> {
  const opened = await openSignedBundle(source, vault.revealAgeIdentity(), { maxBytes: options.maxBytes });
  try {
    return importOpened(vault, opened, options);
  } finally {
    opened.close();
  }
}

function importOpened(vault: Vault, opened: OpenedBundle, options: ImportOptions): ImportReport {
  const now = (options.now ?? new Date()).toISOString();
  const bundle = opened.bundle;
  const me = vault.me;
  // The same signed export again changes nothing and is no error, whoever sent it.
  const previous = findImport(vault, bundle.exportId);
  if (previous && bundle.kind === 'receipt')
    throw refuse('receipt', `this receipt was imported before, on ${previous.importedAt}, and changes nothing`);
  if (previous) return emptyReport(bundle, describeSender(vault, bundle), 'already imported', previous.importedAt);
  const sender = checkSender(vault, bundle, options.acceptUnknownSender ?? false);

  if (!bundle.recipients.includes(me.fingerprint)) {
    throw refuse(
      'recipients',
      'this vault is not among the recipients the sender named: the file was re-encrypted and forwarded by someone else',
    );
  }
  const last = sender.self ? undefined : lastSequenceFrom(vault, bundle.sender.fingerprint);
  if (last && bundle.sequence < last.sequence && !options.acceptOlder) {
    throw refuse(
      'sequence',
      `this file is export number ${bundle.sequence} of its sender, older than number ${last.sequence} already seen on ${last.seenAt}; ` +
        'it may be a replay. If it is a late delivery, import it again accepting an older file',
    );
  }
  const ops = checkOps(bundle.ops);
  // Every file's bytes checked against its SHA-256 and its description before anything is written.
  checkBundleFiles(
    opened,
    ops,
    (id) => vault.heldFileSha256(id),
    (what) => refuse('files', what),
  );

  // Receipts, returns of purged cases and the answer to a hand-off, decided before anything is written.
  const plan = planHandoffs({
    ledger: readLedger(vault),
    bundle,
    ops,
    sender: { fingerprint: sender.fingerprint, name: sender.contactName ?? sender.displayName, self: sender.self },
    purgedAt: (caseId) => purgedOn(vault, caseId) ?? null,
    decline: options.decline,
    me: me.fingerprint,
    now,
  });

  // What would change: ops not yet held (a purged case's ops are skipped by the merge). A held
  // op must come back unchanged, or differ only by fields an export left out.
  const seen = new Set<string>();
  const candidates: Op[] = [];
  const held = heldLookup(vault);
  let partialHeldOps = 0;
  ops.forEach((op, i) => {
    if (seen.has(op.id)) return;
    seen.add(op.id);
    const existing = held.op(op);
    if (!existing) {
      candidates.push(op);
      return;
    }
    const comparison = compareWithHeld(existing, op);
    if (comparison === 'different') {
      throw refuse('ops', `op ${i + 1} has the id of a change held here but other content: the file rewrites history`);
    }
    if (comparison === 'incoming is fuller' || comparison === 'both partial') partialHeldOps += 1;
  });
  const touched = [...new Set(candidates.map((op) => op.caseId))];

  let fresh: Op[];
  if (options.dryRun) {
    fresh = candidates.filter((op) => !plan.skipped.has(op.caseId));
  } else {
    fresh = vault.mergeValidatedOps(
      ops,
      (db) => {
        storeReceivedFiles(vault, db, opened);
        if (plan.changed) writeLedger(vault, plan.ledger, db);
        recordImport(vault, db, {
          exportId: bundle.exportId,
          importedAt: now,
          senderFingerprint: bundle.sender.fingerprint,
          sequence: bundle.sequence,
        });
        if (!sender.self) {
          recordSequence(vault, db, {
            fingerprint: bundle.sender.fingerprint,
            sequence: bundle.sequence,
            exportId: bundle.exportId,
            seenAt: now,
          });
        }
      },
      plan.lift,
    );
  }
  const skippedPurgedOps = candidates.length - fresh.length;

  // What changed, folded in memory from the ops held before and the new ones: nothing is read back
  // from disk. A case new here without conflicts is reported from its summary, with no fold at all.
  const summaries = options.dryRun ? new Map<string, CaseSummary>() : summariesOf(vault, touched, held);
  const changes: CaseChange[] = [];
  const lookalikes = new Map<string, Lookalike>();
  let waitingOps = 0;
  for (const [caseId, added] of groupByCase(fresh)) {
    const heldOps = held.opsOf(caseId);
    const summary = summaries.get(caseId);
    if (heldOps.length === 0 && summary && summary.conflicts === 0) {
      changes.push({ caseId, alias: summary.fields.alias, isNew: true, changedFields: [], newConflicts: [] });
      continue;
    }
    const state = foldCaseOps([...heldOps, ...added]);
    if (!state) waitingOps += added.length;
    else changes.push(diffCase(heldOps.length > 0 ? (foldCaseOps(heldOps) ?? undefined) : undefined, state));
    // Before the import is applied, a person can still decide to merge rather than keep two cases.
    const lookalike = options.dryRun && state && heldOps.length === 0 ? lookalikeOf(vault, state) : null;
    if (lookalike) lookalikes.set(caseId, lookalike);
  }
  const names = authorNames(vault);
  return {
    ...emptyReport(bundle, sender, options.dryRun ? 'preview' : 'imported', null),
    newOps: fresh.length,
    skippedPurgedOps,
    partialHeldOps,
    waitingOps,
    returns: plan.returns.map((r) => ({
      ...r,
      alias: changes.find((c) => c.caseId === r.caseId)?.alias ?? '',
    })),
    receipts: plan.receipts,
    handoff: plan.handoff,
    // A returned case is listed once, as returned.
    newCases: changes
      .filter((c) => c.isNew && !plan.lift.has(c.caseId))
      .map((c) => ({ caseId: c.caseId, alias: c.alias, lookalike: lookalikes.get(c.caseId) ?? null })),
    updatedCases: changes
      .filter((c) => !c.isNew && c.changedFields.length > 0)
      .map((c) => ({ caseId: c.caseId, alias: c.alias, fields: c.changedFields })),
    newConflicts: changes.flatMap((c) =>
      c.newConflicts.map((conflict) => ({
        caseId: c.caseId,
        alias: c.alias,
        key: conflict.key,
        candidates: conflict.candidates.map((w) => ({
          value: w.value,
          author: w.author,
          authorName: names.get(w.author) ?? null,
          hlc: w.hlc,
          opId: w.opId,
        })),
      })),
    ),
  };
}

function describeSender(vault: Vault, bundle: Bundle): SenderReport {
  const { fingerprint, displayName } = bundle.sender;
  const self = fingerprint === vault.me.fingerprint;
  const contact = self ? undefined : contactByFingerprint(vault, fingerprint);
  return {
    displayName,
    fingerprint,
    contactName: self ? vault.me.displayName : (contact?.name ?? null),
    verified: self || (contact?.verified ?? false),
    self,
  };
}

/**
 * The sender must be this vault itself or a verified contact; an unverified or unknown sender
 * only if the person accepts it. A sender that carries the name of a known contact with other
 * keys is a changed key, and that is refused whatever the person accepts.
 */
function checkSender(vault: Vault, bundle: Bundle, acceptUnknown: boolean): SenderReport {
  const { fingerprint, displayName } = bundle.sender;
  if (fingerprint === vault.me.fingerprint) {
    return { displayName, fingerprint, contactName: vault.me.displayName, verified: true, self: true };
  }
  const contact = contactByFingerprint(vault, fingerprint);
  if (contact) {
    if (!contact.verified && !acceptUnknown) {
      throw refuse(
        'sender',
        `the sender ${contact.name} is a contact whose safety number has not been verified; verify it, or accept this sender explicitly`,
      );
    }
    return { displayName, fingerprint, contactName: contact.name, verified: contact.verified, self: false };
  }
  const namesake = contactByCardName(vault, displayName);
  if (namesake) {
    const wasTheirs = namesake.previousFingerprints.includes(fingerprint);
    throw refuse(
      'sender',
      wasTheirs
        ? `the file is signed with an old key of ${namesake.name}, replaced since`
        : `the file is signed as ${displayName} but not with the key verified for ${namesake.name} (${fingerprint} instead of ${namesake.fingerprint}): a changed key is never accepted until you re-verify it`,
    );
  }
  if (!acceptUnknown) {
    throw refuse(
      'sender',
      `the sender ${displayName} (${fingerprint}) is not one of your contacts; add and verify their key card, or accept this sender explicitly`,
    );
  }
  return { displayName, fingerprint, contactName: null, verified: false, self: false };
}

function checkOps(candidates: readonly unknown[]): Op[] {
  const result = validateOps(candidates);
  if (!result.ok) throw refuse('ops', `op ${result.index} of ${candidates.length} is not valid: ${result.problem}`);
  return result.ops;
}

/** The ops held before the import, per case, read once and kept for the whole import. */
function heldLookup(vault: Vault) {
  const byCase = new Map<string, readonly Op[]>();
  const byId = new Map<string, Map<string, Op>>();
  const opsOf = (caseId: string): readonly Op[] => {
    let ops = byCase.get(caseId);
    if (!ops) byCase.set(caseId, (ops = vault.caseOps(caseId)));
    return ops;
  };
  return {
    opsOf,
    op(op: Op): Op | undefined {
      let ids = byId.get(op.caseId);
      if (!ids) byId.set(op.caseId, (ids = new Map(opsOf(op.caseId).map((o) => [o.id, o]))));
      return ids.get(op.id);
    },
  };
}

/** Summaries of the touched cases that were new here, from the vault's in-memory index. */
function summariesOf(vault: Vault, touched: readonly string[], held: ReturnType<typeof heldLookup>) {
  const wanted = new Set(touched.filter((caseId) => held.opsOf(caseId).length === 0));
  const out = new Map<string, CaseSummary>();
  if (wanted.size === 0) return out;
  for (const summary of vault.allCases()) if (wanted.has(summary.id)) out.set(summary.id, summary);
  return out;
}

function groupByCase(ops: readonly Op[]): Map<string, Op[]> {
  const out = new Map<string, Op[]>();
  for (const op of ops) {
    let list = out.get(op.caseId);
    if (!list) out.set(op.caseId, (list = []));
    list.push(op);
  }
  return out;
}

function authorNames(vault: Vault): Map<string, string> {
  const names = new Map(listContacts(vault).map((c) => [c.fingerprint, c.name]));
  names.set(vault.me.fingerprint, vault.me.displayName);
  return names;
}

function emptyReport(
  bundle: Bundle,
  sender: SenderReport,
  status: ImportStatus,
  importedOn: string | null,
): ImportReport {
  return {
    status,
    exportId: bundle.exportId,
    kind: bundle.kind,
    sender,
    createdAt: bundle.createdAt,
    sequence: bundle.sequence,
    senderVaultCounter: bundle.vaultCounter ?? null,
    omitted: bundle.omitted,
    importedOn,
    opsInFile: bundle.ops.length,
    filesInFile: bundle.files?.length ?? 0,
    fileBytes: (bundle.files ?? []).reduce((sum, file) => sum + file.size, 0),
    newOps: 0,
    skippedPurgedOps: 0,
    partialHeldOps: 0,
    newCases: [],
    updatedCases: [],
    newConflicts: [],
    waitingOps: 0,
    returns: [],
    receipts: [],
    handoff: null,
  };
}

function purgedOn(vault: Vault, caseId: string): string | undefined {
  return readRow<Tombstone>(vault, 'tombstones', caseId)?.purgedAt;
}
