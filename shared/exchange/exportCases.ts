import { noteSavedElsewhere, restoreSavedElsewhere } from '../seizure/savedElsewhere.js';
import { randomId } from '../crypto/random.js';
import { toCrossingError, usageError } from '../errors.js';
import type { Op } from '../oplog/ops.js';
import type { Vault } from '../vault/vault.js';
import { collectBundleFiles, outgoingContent, type OutgoingFile } from '../evidence/bundleFiles.js';
import { writeAgeFile } from './ageWriter.js';
import { BUNDLE_FORMAT, bundleBytes, bundleSender, envelopeHead, type Bundle, type BundleKind } from './bundle.js';
import { findContact, type Contact } from './contacts.js';
import { outgoingSequence, takeNextSequence } from './exchangeLog.js';
import { OMITTABLE_FIELDS, redactOps, type OmittableField } from './redact.js';
import { paddedSize } from './seal.js';
import { receiptsOwedTo, type Receipt } from '../handoffs/ledger.js';
import { readLedger } from '../handoffs/records.js';

/**
 * Export: every op of the chosen cases, signed by this vault, followed by the content of their
 * evidence files, encrypted with age to each recipient and written atomically as it is made: a
 * file's content is read from the vault chunk by chunk and sealed at once, never whole in memory. Recipients must be verified contacts unless the caller says
 * otherwise: sending a case to an unverified key could send it to whoever swapped the key card.
 */
export interface ExportOptions {
  /** Contact names or fingerprints. */
  to: readonly string[];
  /** Case ids (or unique prefixes), or 'all'. */
  cases: readonly string[] | 'all';
  outFile: string;
  omit?: readonly OmittableField[];
  kind?: Exclude<BundleKind, 'backup' | 'receipt'>;
  allowUnverified?: boolean;
  now?: Date;
}

export interface ExportResult {
  file: string;
  exportId: string;
  sequence: number;
  kind: BundleKind;
  caseIds: string[];
  opCount: number;
  bytes: number;
  plaintextBytes: number;
  recipients: Array<{ name: string; fingerprint: string }>;
  omitted: OmittableField[];
  createdAt: string;
}

export async function exportCases(vault: Vault, options: ExportOptions): Promise<ExportResult> {
  if (options.to.length === 0) throw usageError('name at least one recipient (--to NAME)', 'nothingChosen');
  const recipients = resolveRecipients(vault, options.to, options.allowUnverified ?? false);
  const caseIds = resolveCases(vault, options.cases);
  const omitted = checkOmitted(options.omit ?? []);
  const ops = redactOps(options.cases === 'all' ? vault.allOps() : collectOps(vault, caseIds), omitted);
  // Minimum necessary: with files left out, their descriptions still travel (as ops), not their content.
  const files = omitted.includes('files') ? [] : collectBundleFiles(vault, caseIds);
  // Receipts owed to the one person this file is for travel with it: a receipt file lost on the
  // way is made up for by the next export. Never in a file for several people, who would learn of
  // each other's hand-offs.
  const receipts = recipients.length === 1 ? receiptsOwedTo(readLedger(vault), recipients[0]!.fingerprint) : [];
  return writeBundle(vault, {
    files,
    receipts,
    kind: options.kind ?? 'export',
    recipients: recipients.map((c) => ({ name: c.name, fingerprint: c.fingerprint, ageRecipient: c.ageRecipient })),
    caseIds,
    ops,
    omitted,
    outFile: options.outFile,
    now: options.now,
  });
}

export interface BundleToWrite {
  kind: BundleKind;
  recipients: Array<{ name: string; fingerprint: string; ageRecipient: string }>;
  caseIds: string[];
  ops: Op[];
  omitted: OmittableField[];
  state?: unknown;
  /** Evidence files, their content read as the file is written (see shared/evidence/bundleFiles.ts). */
  files?: OutgoingFile[];
  /** Answers to hand-offs this vault received from the (one) recipient (shared/handoffs). */
  receipts?: Receipt[];
  outFile: string;
  now?: Date | undefined;
}

/** Signs, encrypts and writes one bundle (shared by export, handoff and backup). */
export async function writeBundle(vault: Vault, spec: BundleToWrite): Promise<ExportResult> {
  const createdAt = (spec.now ?? new Date()).toISOString();
  const me = vault.me;
  // A vault opened for rescue (found altered) is not written to: its next number is used, not taken.
  // A backup or a full export also notes what a quick erase would no longer lose
  // (shared/seizure/savedElsewhere.ts), in the same transaction.
  const savesAll =
    !vault.isReadOnly && spec.kind !== 'receipt' && (spec.kind === 'backup' || spec.caseIds.length === vault.caseCount);
  let noteBefore: string | null = null;
  const sequence = vault.isReadOnly
    ? outgoingSequence(vault) + 1
    : vault.transaction(() => {
        const taken = takeNextSequence(vault);
        if (savesAll) noteBefore = noteSavedElsewhere(vault, spec.kind as 'backup' | 'export' | 'handoff', createdAt);
        return taken;
      });
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    kind: spec.kind,
    exportId: randomId(),
    sender: bundleSender(me),
    recipients: spec.recipients.map((r) => r.fingerprint),
    createdAt,
    sequence,
    // Read after the sequence is taken: that write raised it, and the file should carry the number
    // the vault has once the file exists.
    vaultCounter: vault.counter,
    omitted: spec.omitted,
    ops: spec.ops,
    ...(spec.state === undefined ? {} : { state: spec.state }),
    ...(spec.files?.length ? { files: spec.files } : {}),
    ...(spec.receipts?.length ? { receipts: spec.receipts } : {}),
  };
  const body = bundleBytes(bundle);
  const head = envelopeHead(body, vault.signingKeys().secretKey);
  const files = spec.files ?? [];
  const length = head.length + body.length + files.reduce((n, f) => n + f.size, 0);
  let bytes: number;
  try {
    bytes = await writeAgeFile(
      spec.outFile,
      spec.recipients.map((r) => r.ageRecipient),
      { length, paddedLength: paddedSize(length), pieces: plaintextPieces(head, body, files) },
    );
  } catch (error) {
    if (savesAll) restoreSavedElsewhere(vault, noteBefore);
    throw toCrossingError(error);
  } finally {
    body.fill(0);
  }
  return {
    file: spec.outFile,
    exportId: bundle.exportId,
    sequence,
    kind: spec.kind,
    caseIds: spec.caseIds,
    opCount: spec.ops.length,
    bytes,
    plaintextBytes: body.length,
    recipients: spec.recipients.map((r) => ({ name: r.name, fingerprint: r.fingerprint })),
    omitted: spec.omitted,
    createdAt,
  };
}

/** The plaintext before its padding: envelope head, bundle text, then each file's bytes in order. */
function* plaintextPieces(head: Uint8Array, body: Uint8Array, files: readonly OutgoingFile[]): Generator<Uint8Array> {
  yield head;
  yield body;
  for (const chunk of outgoingContent(files)) {
    yield chunk;
    chunk.fill(0);
  }
}

function resolveRecipients(vault: Vault, names: readonly string[], allowUnverified: boolean): Contact[] {
  const found = new Map<string, Contact>();
  for (const name of names) {
    const contact = findContact(vault, name);
    if (!contact.verified && !allowUnverified) {
      throw usageError(
        `${contact.name} is not verified: compare the safety number with them and run \`crossing contact verify\` first`,
        'contactNotVerified',
        { name: contact.name },
      );
    }
    found.set(contact.fingerprint, contact);
  }
  return [...found.values()];
}

function resolveCases(vault: Vault, cases: readonly string[] | 'all'): string[] {
  if (cases === 'all') return vault.opCaseIds();
  if (cases.length === 0)
    throw usageError('name the cases to export (--case ID…) or export them all (--all)', 'nothingChosen');
  return [...new Set(cases.map((id) => vault.resolveCaseId(id)))];
}

function collectOps(vault: Vault, caseIds: readonly string[]): Op[] {
  const ops: Op[] = [];
  for (const caseId of caseIds) for (const op of vault.caseOps(caseId)) ops.push(op);
  return ops;
}

function checkOmitted(omit: readonly string[]): OmittableField[] {
  for (const field of omit) {
    if (!(OMITTABLE_FIELDS as readonly string[]).includes(field)) {
      throw usageError(`${field} cannot be left out; these can: ${OMITTABLE_FIELDS.join(', ')}`, 'fieldNotOmittable');
    }
  }
  return [...new Set(omit)] as OmittableField[];
}
